# Sourced by the launcher. Java decodes file names with the locale's character set, fixed when the JVM starts
# (sun.jnu.encoding, which no -D option changes): with LANG unset or C, a file named café.py becomes caf??.py,
# U+FFFD in every report. Same input, same bytes, in any locale: when the locale's character set is not UTF-8,
# the JVM runs with LC_CTYPE (or LC_ALL, when that is what overrides it) set to C.UTF-8. Only the character set
# changes; the user's language and formats stay as they were.
utf8_locale() {
  local charmap
  charmap=$(locale charmap 2>/dev/null || echo unknown)
  if [[ "$charmap" == "UTF-8" ]]; then
    return 0
  fi
  if [[ -n "${LC_ALL:-}" ]]; then
    export LC_ALL=C.UTF-8
  else
    export LC_CTYPE=C.UTF-8
  fi
}
