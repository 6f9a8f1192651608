#!/usr/bin/env bash
# Makes the self-contained release, target/eventlet-scan-VERSION-PLATFORM.tar.gz: a Java runtime trimmed by jlink
# to the modules the jar uses, the jar, the native parser libraries, the launcher, and a start-up (AOT) cache
# trained here by a scan of the samples. Extracted anywhere, it needs bash and coreutils only. Run by Maven in
# pre-integration-test (./build dist, ./build verify); DistReleaseTest checks what it makes.
#
# Usage: make-dist.sh BASEDIR TARGET_DIR VERSION JAVA_HOME
set -euo pipefail
basedir=$1 target=$2 version=$3 jdk=$4
source "$basedir/scripts/jdk.sh"
source "$basedir/scripts/jvm.sh"

step() { echo "eventlet-scan dist: [${SECONDS}s] $*"; }
fail() { echo "eventlet-scan dist: $*" >&2; exit 1; }

os=$(uname -s | tr '[:upper:]' '[:lower:]')
arch=$(uname -m)
case "$arch" in amd64) arch=x86_64 ;; arm64) arch=aarch64 ;; esac
name="eventlet-scan-$version-$os-$arch"
jar="$target/eventlet-scan.jar"
natives="$target/generated-resources/natives/native/$os-$arch"
[[ -f "$jar" ]] || fail "$jar is missing: run the package phase first"
[[ -f "$natives/libtree-sitter.so" && -f "$natives/libtree-sitter-python.so" ]] || fail "no native libraries in $natives"
[[ -x "$jdk/bin/jlink" && -x "$jdk/bin/jdeps" ]] || fail "$jdk has no jlink or jdeps: a full JDK is needed to make the release"

stage="$target/dist/$name"
rm -rf "$target/dist" && mkdir -p "$stage/bin" "$stage/lib/native"

step "modules the jar uses (jdeps)"
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release "$(jdk_feature_version "$jdk")" -q "$jar")
# One that no static analysis sees: the extra charsets (a PEP 263 coding cookie can name any charset Java knows,
# looked up by name). The rules are read out of the jar as zip entries, without the zip file system provider.
modules="$modules,jdk.charsets"

step "Java runtime with $modules (jlink)"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --output "$stage/runtime" >"$target/dist/jlink.log" 2>&1 || fail "jlink failed: $(tail -n 5 "$target/dist/jlink.log")"

cp "$jar" "$stage/lib/eventlet-scan.jar"
cp "$natives/libtree-sitter.so" "$natives/libtree-sitter-python.so" "$stage/lib/native/"
cp "$basedir/scripts/jvm.sh" "$stage/lib/jvm.sh"
cp "$basedir/src/dist/eventlet-scan" "$stage/bin/eventlet-scan"
chmod 755 "$stage/bin/eventlet-scan"

if [[ "$(jdk_feature_version "$jdk")" -ge 25 ]]; then
  step "start-up cache (a training scan of samples/ with the release's own runtime)"
  # the training writes nothing into the builder's own cache folder
  training_cache=$(mktemp -d)
  XDG_CACHE_HOME=$training_cache train_aot_cache "$stage/runtime/bin/java" "$stage/lib/eventlet-scan.jar" "$basedir/samples" \
    "$stage/lib/eventlet-scan.aot" "-Deventletscan.native.dir=$stage/lib/native" \
    || { rm -rf "$training_cache"; fail "the training scan failed: no start-up cache"; }
  rm -rf "$training_cache"
else
  step "no start-up cache: JDK $(jdk_feature_version "$jdk") cannot train one in one run (JDK 25 can); the release starts slower"
fi

archive="$target/$name.tar.gz"
step "archive $archive"
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$target/dist" -cf - "$name" | gzip -n -6 >"$archive.tmp"
mv -f "$archive.tmp" "$archive"
step "done: $(du -h "$archive" | cut -f1) packed, $(du -sh "$stage" | cut -f1) extracted"
