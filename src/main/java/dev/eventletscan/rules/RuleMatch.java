package dev.eventletscan.rules;

import dev.eventletscan.detect.Usage;
import java.util.List;
import java.util.Set;

/**
 * What a rule matches in Python code: usages of the given kinds whose
 * canonical symbol matches one of the patterns.
 *
 * @param usages usage kinds ({@code import}, {@code call}, ...); empty means any
 * @param symbols dotted-name patterns over canonical symbols
 */
public record RuleMatch(Set<Usage.Kind> usages, List<DottedPattern> symbols) {
    public RuleMatch {
        usages = Set.copyOf(usages);
        symbols = List.copyOf(symbols);
    }

    /** The most specific pattern matching this usage, or null. */
    DottedPattern bestPattern(Usage usage) {
        if (!usages.isEmpty() && !usages.contains(usage.kind())) {
            return null;
        }
        DottedPattern best = null;
        for (DottedPattern p : symbols) {
            if (p.matches(usage.symbol()) && (best == null || p.specificity() > best.specificity())) {
                best = p;
            }
        }
        return best;
    }
}
