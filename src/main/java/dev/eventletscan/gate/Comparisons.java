package dev.eventletscan.gate;

import dev.eventletscan.model.BaselineEntry;
import dev.eventletscan.model.Comparison;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ScanResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks each finding new or known. With a baseline, known means the baseline holds it; with a git base, known
 * means none of its lines changed; with both, a finding is new only when it is neither.
 */
public final class Comparisons {
    private Comparisons() {}

    /**
     * @param baselineName the baseline as the user named it, or null when there is none
     * @param baseline its entries, or null
     * @param diffBase the revision as the user named it, or null
     * @param changes the lines changed since it, or null
     */
    public static ScanResult compare(ScanResult result, String baselineName, List<BaselineEntry> baseline, String diffBase,
            ChangedLines changes) {
        return compare(result, baselineName, baseline, diffBase, changes, List.of());
    }

    /**
     * As above, where a finding on a changed line is known too when the merge base had it ({@code atBase}, matched
     * by identity as baseline entries are): code moved within a file brings no new usage.
     */
    public static ScanResult compare(ScanResult result, String baselineName, List<BaselineEntry> baseline, String diffBase,
            ChangedLines changes, List<BaselineEntry> atBase) {
        List<Finding> findings = result.findings();
        BaselineMatcher.Pairing pairing = baseline == null ? null : BaselineMatcher.pair(findings, baseline);
        BaselineMatcher.Pairing moved = atBase.isEmpty() ? null : BaselineMatcher.pair(findings, atBase);
        List<Finding> marked = new ArrayList<>(findings.size());
        int fresh = 0;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            boolean known = (pairing != null && pairing.known().get(i))
                    || (changes != null && (!changes.touches(f) || (moved != null && moved.known().get(i))));
            marked.add(f.withStatus(known ? Finding.KNOWN : Finding.NEW));
            fresh += known ? 0 : 1;
        }
        var comparison = new Comparison(baselineName, diffBase, changes == null ? null : changes.baseCommit(), fresh,
                findings.size() - fresh, pairing == null ? List.of() : pairing.fixed());
        return result.compared(marked, comparison);
    }
}
