package dev.eventletscan.analysis;

import dev.eventletscan.model.ScanResult;

/**
 * What an analysis found.
 *
 * @param result the scan, compared with the baseline or diff base and gated, as the gates saw it
 * @param shown the same, with only the findings the request's report scope lists: what the reports show
 */
public record AnalysisResult(ScanResult result, ScanResult shown) {
    /** Whether no gate failed (true when none was set). */
    public boolean passed() {
        return result.gate() == null || result.gate().passed();
    }
}
