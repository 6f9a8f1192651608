# Sourced by ./eventlet-scan, by the release's bin/eventlet-scan and by src/dist/make-dist.sh: the JVM options of a
# scan, and the training run that makes the start-up cache. One definition for all of them, because the JVM only
# uses an AOT cache under the options it was trained with.

# scan_jvm_options COMMAND: sets the array jvm_opts for running the tool's COMMAND (scan, trend, ...).
scan_jvm_options() {
  # The parallel collector with a bounded heap: a scan is a batch job, and the default collector let the heap
  # (and the RSS) grow past 1 GB on a 5,000-file corpus, for no gain in time (see README, "Performance"). What a
  # scan keeps between collections is under 100 MB on that corpus, so half a gigabyte leaves room to spare.
  # The first metaspace threshold (about 21 MB) falls while the scan loads its last classes and forces a full
  # collection of the whole heap, which took 1.5 s on that corpus: start it above what the tool loads.
  # What outlives one young collection (each file's imports, calls and findings) lives to the end of the scan:
  # promoted at once, it is copied once instead of up to 15 times between survivor spaces, which cut the
  # collector's CPU on that corpus from about 0.9 s to 0.6 s for the same peak RSS.
  jvm_opts=(--enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -Xmx512m -XX:MetaspaceSize=128m -XX:MaxTenuringThreshold=1)
  # A scan is over in seconds, and on a 2-core machine the C2 compiler spent more CPU (15 s) than the whole scan
  # needed: C1 alone took a 5,000-file scan from 12.1 s to 8.7 s. A trend runs one scan per commit, long enough
  # for C2's faster code to pay back (nova, 15 points: 47 s with C2, over 100 s without), so it keeps both tiers.
  if [[ "${1:-}" != "trend" ]]; then
    jvm_opts+=(-XX:TieredStopAtLevel=1)
  fi
}

# The JVM's own messages about the start-up cache are silenced: a cache it cannot use is only slower, and standard
# output may be a report.
quiet_jvm_opts=(-Xlog:aot*=off -Xlog:cds*=off)

# Whether the user turned the start-up cache's training off (EVENTLET_SCAN_AOT_TRAINING=0, off, false or no).
aot_training_off() {
  case "${EVENTLET_SCAN_AOT_TRAINING:-}" in 0 | off | false | no) return 0 ;; *) return 1 ;; esac
}

# train_aot_cache JAVA JAR SAMPLES OUT [JVM OPTION...]: writes an AOT cache (JEP 483, 514) to OUT from a training
# run of the jar's StartupTraining: a scan of SAMPLES into a fresh result cache that writes every report format, then
# the warm re-scan that reads it back, so the classes of every report and of the re-scan are in it. Returns non-zero,
# and leaves no OUT, when the training fails. The extra JVM options must be those the cache will be used with.
# The class path is the jar alone, as in a scan's -jar, which the JVM checks before it uses the cache.
train_aot_cache() {
  local java=$1 jar=$2 samples=$3 out=$4 work status=0
  shift 4
  work=$(mktemp -d)
  scan_jvm_options scan
  if "$java" "${jvm_opts[@]}" "$@" "${quiet_jvm_opts[@]}" "-XX:AOTCacheOutput=$work/cache.aot" -cp "$jar" \
      dev.eventletscan.cli.StartupTraining "$samples" "$work" >"$work/log" 2>&1 && [[ -s "$work/cache.aot" ]]; then
    # a copy from the temporary folder's file system is not atomic: another launcher must never map half a cache
    mv -f "$work/cache.aot" "$out.part.$$" && mv -f "$out.part.$$" "$out" || status=1
  else
    status=1
  fi
  rm -rf "$work"
  return $status
}
