package dev.eventletscan.analysis;

import dev.eventletscan.api.ScanListener;

/** Hears how an analysis advances: the scan's own phases, and the steps around the scan. */
public interface AnalysisListener extends ScanListener {
    AnalysisListener NONE = new AnalysisListener() {};

    /** A step outside the scan begins: "configuration, rules and baseline", then "comparison and reports". */
    default void stage(String what) {}
}
