package dev.eventletscan.api;

/**
 * Hears how a scan advances, for progress bars and timings. Calls come from
 * the scanning thread, except {@link #fileScanned}, which worker threads call
 * concurrently, and the start and end of {@link Phase#STRUCTURE}, which runs on
 * a worker thread while {@link Phase#DETECT} runs: implementations must be
 * thread-safe there.
 */
public interface ScanListener {
    ScanListener NONE = new ScanListener() {};

    /** A phase begins; {@code files} is how many files it will go through, or 0 when it does not count them. */
    default void phaseStarted(Phase phase, int files) {}

    /** One more file went through detection. */
    default void fileScanned() {}

    default void phaseFinished(Phase phase, long nanos) {}

    /** The result cache was saved, or not; {@code summary} says how many results came from it. */
    default void cacheSaved(String summary) {}

    /** The scan's steps, in order. */
    enum Phase {
        WALK("walk"), MANIFESTS("manifests"), DETECT("detect"), DEPENDENCIES("installed dependencies"),
        STRUCTURE("import graph and call levels"), INDIRECT("facades and wrappers"), ASSESS("assessment");

        public final String label;

        Phase(String label) {
            this.label = label;
        }
    }
}
