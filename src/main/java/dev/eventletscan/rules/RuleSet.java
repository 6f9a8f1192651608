package dev.eventletscan.rules;

import dev.eventletscan.detect.Usage;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules in force for a scan, with the symbol knowledge that came with them.
 * Rules are kept in id order, which is also the order of ties.
 */
public final class RuleSet {
    private final List<Rule> rules;
    private final SymbolNames symbols;
    private final Set<String> trackedRoots;
    private final String version;

    RuleSet(List<Rule> rules, SymbolNames symbols, String version) {
        this.rules = rules.stream().sorted(Comparator.comparing(Rule::id)).toList();
        this.symbols = symbols;
        this.version = version;
        Set<String> roots = new LinkedHashSet<>();
        for (Rule r : this.rules) {
            for (DottedPattern p : r.match().symbols()) {
                String first = p.text().split("\\.")[0];
                if (!first.contains("*")) {
                    roots.add(first);
                }
            }
        }
        this.trackedRoots = Set.copyOf(roots);
    }

    public List<Rule> rules() {
        return rules;
    }

    public SymbolNames symbols() {
        return symbols;
    }

    /** Top-level package names whose imports the detector follows ({@code eventlet}, ...). */
    public Set<String> trackedRoots() {
        return trackedRoots;
    }

    /** A digest of every rule file's content: reports and caches record it. */
    public String version() {
        return version;
    }

    public Optional<Rule> byId(String id) {
        return rules.stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The rule that reports a usage: the one with the most specific matching pattern, ties to the lowest id. */
    public Optional<Rule> ruleFor(Usage usage) {
        Rule best = null;
        int bestScore = -1;
        for (Rule r : rules) {
            DottedPattern p = r.match().bestPattern(usage);
            if (p != null && p.specificity() > bestScore) {
                best = r;
                bestScore = p.specificity();
            }
        }
        return Optional.ofNullable(best);
    }
}
