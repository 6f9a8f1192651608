package dev.eventletscan.report;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ScanResult;
import java.util.List;

/**
 * What a report lists, chosen after the gates ran on the whole result: a long report's reader may want only the
 * assessment and counts, and code scanning only the findings a change brings, not the baselined ones.
 */
public record ReportScope(boolean summaryOnly, boolean onlyNew) {
    public static final ReportScope ALL = new ReportScope(false, false);

    /** @param only the {@code --only} value: {@code new} or {@code all} */
    public static ReportScope of(boolean summaryOnly, String only) {
        if (only != null && !only.equals("new") && !only.equals("all")) {
            throw new IllegalArgumentException("must be new or all, was '" + only + "'");
        }
        return new ReportScope(summaryOnly, "new".equals(only));
    }

    /** Without a comparison every finding is new, as {@code --fail-on new} counts them. */
    public ScanResult apply(ScanResult result) {
        if (summaryOnly) {
            return result.listing(List.of(), List.of());
        }
        if (onlyNew && result.comparison() != null) {
            return result.listing(result.findings().stream().filter(Finding::isNew).toList(), List.of());
        }
        return result;
    }
}
