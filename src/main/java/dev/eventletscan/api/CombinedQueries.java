package dev.eventletscan.api;

import dev.eventletscan.parse.LiteralIndex;
import dev.eventletscan.parse.SyntaxQuery;
import dev.eventletscan.rules.QueryMatch;
import dev.eventletscan.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The query rules a file can match, compiled once per scan and shared by the detection workers (a compiled query is
 * read-only; each match runs its own cursor). One query per rule, for its predicates and for the files that need
 * that rule alone; and one query of several rules for the files that need them all, which walks each tree once
 * where the rules alone walk it once each (on the Debian corpus, running the rules apart cost more CPU than
 * compiling a query per set of rules, though tree-sitter takes 5 to 30 ms to compile each threading-hazard rule,
 * every time). Each set is compiled once per scan, not once per worker, and all rules are never compiled as one
 * query just to read their predicates: that alone took a third of a second.
 */
final class CombinedQueries implements AutoCloseable {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private volatile List<SyntaxQuery> singles;
    private LiteralIndex literals; // made with the singles, read after them
    private final Map<Set<String>, SyntaxQuery> combined = new ConcurrentHashMap<>();

    CombinedQueries(RuleSet rules) {
        rules.queryRules().forEach(r -> sources.put(r.id(), ((QueryMatch) r.match()).query()));
    }

    /**
     * The query rules this file can match: a rule whose predicates need a literal the file lacks (EVT901's
     * {@code EVENTLET_}) is left out, which spares a walk of the tree matching every string in it.
     */
    List<SyntaxQuery> forFile(byte[] utf8) {
        String latin1 = new String(utf8, StandardCharsets.ISO_8859_1);
        List<SyntaxQuery> wanted = new ArrayList<>();
        List<SyntaxQuery> rules = singles();
        Map<Object, Boolean> searched = literals.found(latin1); // every rule's needles, in one pass
        for (SyntaxQuery rule : rules) {
            if (!rule.keysThatMayMatch(latin1, searched).isEmpty()) {
                wanted.add(rule);
            }
        }
        if (wanted.size() < 2) {
            return wanted;
        }
        Set<String> keys = Set.copyOf(wanted.stream().map(SyntaxQuery::key).toList());
        SyntaxQuery known = combined.get(keys);
        if (known != null) {
            return List.of(known);
        }
        return List.of(combined.computeIfAbsent(keys, k -> {
            Map<String, String> some = new LinkedHashMap<>(sources);
            some.keySet().retainAll(k);
            return SyntaxQuery.combined(some);
        }));
    }

    /** Each rule's query alone, compiled on the first file that is parsed, not before. */
    private List<SyntaxQuery> singles() {
        List<SyntaxQuery> known = singles;
        if (known == null) {
            synchronized (this) {
                if (singles == null) {
                    List<SyntaxQuery> compiled = sources.entrySet().stream().map(e -> new SyntaxQuery(e.getKey(), e.getValue())).toList();
                    literals = LiteralIndex.of(compiled);
                    singles = compiled;
                }
                known = singles;
            }
        }
        return known;
    }

    @Override
    public void close() {
        combined.values().forEach(SyntaxQuery::close);
        if (singles != null) {
            singles.forEach(SyntaxQuery::close);
        }
    }
}
