package dev.eventletscan.trend;

/** Hears a trend run advance, for a progress bar. All calls come from the thread that runs the trend. */
public interface TrendListener {
    TrendListener NONE = new TrendListener() {};

    /** This many more steps are coming: first one per point, then the scans that pick out the commits behind changes. */
    default void planned(int steps) {}

    /**
     * One step is done.
     *
     * @param label what it was, as {@code 2025-07-08 3d85c378ab} or {@code 2025-07-08 3d85c378ab (same commit)}
     * @param nanos how long it took
     */
    default void stepped(String label, long nanos) {}
}
