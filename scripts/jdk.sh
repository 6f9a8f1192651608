# Sourced by ./build and ./eventlet-scan: sets JAVA_HOME to a JDK 23 or newer.
# A JAVA_HOME the user set wins when it is recent enough; otherwise the
# usual install locations are searched and the newest JDK found is taken.

EVENTLET_SCAN_MIN_JAVA=23

# Prints the feature version (17, 25, ...) of the JDK at $1, or nothing.
jdk_feature_version() {
  local home=$1 version=""
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
  if [[ -f "$home/release" ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [[ -z "$version" ]]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

find_jdk() {
  local candidate best="" best_version=0 v
  if [[ -n "${JAVA_HOME:-}" ]]; then
    v=$(jdk_feature_version "$JAVA_HOME")
    if [[ -n "$v" && "$v" -ge $EVENTLET_SCAN_MIN_JAVA ]]; then
      echo "$JAVA_HOME"; return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
                   "${HOME:-/nonexistent}"/.sdkman/candidates/java/* "${HOME:-/nonexistent}"/.jdks/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -d "$candidate" && ! -L "$candidate" ]] || continue
    v=$(jdk_feature_version "$candidate")
    if [[ -n "$v" && "$v" -ge $EVENTLET_SCAN_MIN_JAVA && "$v" -gt $best_version ]]; then
      best=$candidate best_version=$v
    fi
  done
  if [[ -z "$best" ]] && command -v javac >/dev/null; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(jdk_feature_version "$candidate")
    [[ -n "$v" && "$v" -ge $EVENTLET_SCAN_MIN_JAVA ]] && best=$candidate
  fi
  [[ -n "$best" ]] && echo "$best"
}

use_jdk() {
  local home
  home=$(find_jdk) || true
  if [[ -z "$home" ]]; then
    echo "eventlet-scan: no JDK $EVENTLET_SCAN_MIN_JAVA or newer found (JAVA_HOME=${JAVA_HOME:-unset}, searched /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks): install one, or set JAVA_HOME to it" >&2
    return 2
  fi
  export JAVA_HOME=$home
}
