package dev.eventletscan.rules;

import java.util.List;

/**
 * A rule whose sites a named analysis of the scanner finds, for hazards a query cannot see: which functions are
 * spawned and what they mutate, or the order modules are imported in before monkey_patch runs. The rule file
 * still owns the rule's id, text, hints, guide and the lists the analysis reads.
 *
 * @param analysis one of {@link #KNOWN}
 * @param modules for {@code patch-order}: top-level modules that hold locks, sockets or threads once imported
 * @param creates for {@code patch-order}: a regular expression over a project module's top-level lines that
 *     marks it as creating a lock, socket or thread when imported
 */
public record AnalysisMatch(String analysis, List<String> modules, com.google.re2j.Pattern creates) implements RuleMatch {
    public static final String SPAWNED_STATE = "spawned-state";
    public static final String SPAWNED_SIGNAL = "spawned-signal";
    public static final String PATCH_ORDER = "patch-order";
    public static final List<String> KNOWN = List.of(SPAWNED_STATE, SPAWNED_SIGNAL, PATCH_ORDER);

    public AnalysisMatch {
        modules = List.copyOf(modules);
    }

    @Override
    public String describe() {
        return "the scanner's " + analysis + " analysis" + (modules.isEmpty() ? "" : " over " + String.join(", ", modules));
    }
}
