#!/usr/bin/env bash
# Compiles the tree-sitter core library and the Python grammar from their
# official C sources (published as npm packages) into shared libraries that
# are packaged inside the jar; the core library also gets our own
# tree_flatten.c and tree_parse.c. Run by Maven in generate-resources; it does
# nothing when the libraries are already built from the same sources.
#
# Usage: build-natives.sh OUT_DIR WORK_DIR CORE_VERSION CORE_SHA256 PY_VERSION PY_SHA256
set -euo pipefail

out_dir=$1 work_dir=$2
core_version=$3 core_sha=$4 py_version=$5 py_sha=$6

fail() { echo "eventlet-scan build: $*" >&2; exit 1; }

platform() {
  local os arch
  os=$(uname -s | tr '[:upper:]' '[:lower:]')
  arch=$(uname -m)
  case "$arch" in amd64) arch=x86_64 ;; arm64) arch=aarch64 ;; esac
  echo "$os-$arch"
}

lib_dir="$out_dir/native/$(platform)"

# A user who brings their own libraries (EVENTLET_SCAN_NATIVE_DIR) needs no
# compiler or npm: those libraries are packaged as they are.
if [[ -n "${EVENTLET_SCAN_NATIVE_DIR:-}" ]]; then
  for lib in libtree-sitter.so libtree-sitter-python.so; do
    [[ -f "$EVENTLET_SCAN_NATIVE_DIR/$lib" ]] \
      || fail "EVENTLET_SCAN_NATIVE_DIR=$EVENTLET_SCAN_NATIVE_DIR has no $lib"
  done
  mkdir -p "$lib_dir"
  cp "$EVENTLET_SCAN_NATIVE_DIR/libtree-sitter.so" "$EVENTLET_SCAN_NATIVE_DIR/libtree-sitter-python.so" "$lib_dir/"
  echo "prebuilt:$EVENTLET_SCAN_NATIVE_DIR" > "$lib_dir/.sources"
  exit 0
fi
# Our own C code, compiled into the core library: its digests are in the stamp, so an edit rebuilds it.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
own=("$here/tree_flatten.c" "$here/tree_parse.c")
own_stamp=""
for file in "${own[@]}"; do
  [[ -f "$file" ]] || fail "$file is missing"
  own_stamp+=" $(basename "$file"):$(sha256sum "$file" | cut -d' ' -f1)"
done
stamp="$lib_dir/.sources"
want="tree-sitter@$core_version:$core_sha tree-sitter-python@$py_version:$py_sha$own_stamp cflags=-O2 prefix-map"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" \
      && -f "$lib_dir/libtree-sitter.so" && -f "$lib_dir/libtree-sitter-python.so" ]]; then
  exit 0
fi

cc=${CC:-}
if [[ -z "$cc" ]]; then
  for candidate in cc gcc clang; do
    if command -v "$candidate" >/dev/null; then cc=$candidate; break; fi
  done
fi
[[ -n "$cc" ]] && command -v "$cc" >/dev/null \
  || fail "no C compiler found (looked for \$CC, cc, gcc, clang): install gcc to build the tree-sitter natives"
command -v npm >/dev/null \
  || fail "npm not found: it fetches the tree-sitter C sources (packages tree-sitter@$core_version, tree-sitter-python@$py_version); install npm, or point EVENTLET_SCAN_NATIVE_DIR at prebuilt libraries"

mkdir -p "$work_dir" "$lib_dir"

# fetch NAME VERSION SHA256: downloads the package tarball (npm caches it) and
# checks it against the pinned digest before anything is compiled from it.
fetch() {
  local name=$1 version=$2 sha=$3 tgz="$work_dir/$1-$2.tgz"
  if [[ ! -f "$tgz" ]] || ! echo "$sha  $tgz" | sha256sum -c --status 2>/dev/null; then
    (cd "$work_dir" && npm pack --silent "$name@$version" >/dev/null 2>"$work_dir/npm-$name.log") \
      || fail "could not fetch the C sources of $name@$version with npm pack: $(tail -n 1 "$work_dir/npm-$name.log")"
  fi
  echo "$sha  $tgz" | sha256sum -c --status 2>/dev/null \
    || fail "$tgz does not match its pinned sha256 $sha: refusing to compile it"
  rm -rf "$work_dir/$name" && mkdir -p "$work_dir/$name"
  tar -xzf "$tgz" -C "$work_dir/$name" --strip-components=1
}

fetch tree-sitter "$core_version" "$core_sha"
fetch tree-sitter-python "$py_version" "$py_sha"

core="$work_dir/tree-sitter/vendor/tree-sitter/lib"
grammar="$work_dir/tree-sitter-python/src"
[[ -f "$core/src/lib.c" ]] || fail "tree-sitter@$core_version has no vendor/tree-sitter/lib/src/lib.c"
[[ -f "$grammar/parser.c" ]] || fail "tree-sitter-python@$py_version has no src/parser.c"

# The file names that assert() keeps in the library name the folder it was built in: map them to fixed names, so
# that two clones at the same commit build the same bytes (reproducible jars, issue 21).
abs_work=$(cd "$work_dir" && pwd)
flags=(-O2 -fPIC -shared -fvisibility=default "-ffile-prefix-map=$abs_work=native-sources" "-ffile-prefix-map=$here=native")
"$cc" "${flags[@]}" -std=c11 -D_DEFAULT_SOURCE -I"$core/include" -I"$core/src" \
  "$core/src/lib.c" "${own[@]}" -o "$lib_dir/libtree-sitter.so" \
  || fail "compiling the tree-sitter core with $cc failed"
"$cc" "${flags[@]}" -std=c11 -I"$grammar" \
  "$grammar/parser.c" "$grammar/scanner.c" -o "$lib_dir/libtree-sitter-python.so" \
  || fail "compiling the tree-sitter Python grammar with $cc failed"

echo "$want" > "$stamp"
echo "eventlet-scan build: compiled tree-sitter $core_version and tree-sitter-python $py_version into $lib_dir"
