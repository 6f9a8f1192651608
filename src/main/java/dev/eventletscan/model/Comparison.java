package dev.eventletscan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The findings set against a baseline, a git base, or both: each finding's
 * {@code status} says new or known, and the baselined findings no longer there
 * are listed as fixed.
 *
 * @param baseline the baseline file compared with, as given, or null
 * @param diffBase the git revision whose changes were looked at, as given, or null
 * @param diffBaseCommit the commit the changes are counted from (the merge base of diffBase and HEAD)
 * @param fixed baselined findings that are gone; empty without a baseline
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comparison(String baseline, String diffBase, String diffBaseCommit, int newFindings, int knownFindings,
        List<BaselineEntry> fixed) {
    public Comparison {
        fixed = List.copyOf(fixed);
    }

    /** What the findings were compared with, in words. */
    public String against() {
        if (baseline != null && diffBase != null) {
            return "baseline " + baseline + " and changes since " + diffBase;
        }
        return baseline != null ? "baseline " + baseline : "changes since " + diffBase;
    }
}
