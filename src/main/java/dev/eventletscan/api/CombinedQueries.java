package dev.eventletscan.api;

import dev.eventletscan.parse.SyntaxQuery;
import dev.eventletscan.rules.QueryMatch;
import dev.eventletscan.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The query rules as one combined query per set of rules a file can match, compiled once per scan and shared by
 * the detection workers (a compiled query is read-only; each match runs its own cursor). Compiling a combined query
 * costs milliseconds, and the files of a corpus need a few hundred different sets: compiled per worker, that was a
 * twentieth of a cold scan's detection.
 */
final class CombinedQueries implements AutoCloseable {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private volatile List<SyntaxQuery> singles;
    private final Map<Set<String>, List<SyntaxQuery>> bySubset = new ConcurrentHashMap<>();

    CombinedQueries(RuleSet rules) {
        rules.queryRules().forEach(r -> sources.put(r.id(), ((QueryMatch) r.match()).query()));
    }

    /**
     * The query rules this file can match, as one query: a rule whose predicates need a literal the file lacks
     * (EVT901's {@code EVENTLET_}) is left out, which spares a walk of the tree matching every string in it.
     */
    List<SyntaxQuery> forFile(byte[] utf8) {
        String latin1 = new String(utf8, StandardCharsets.ISO_8859_1);
        Set<String> wanted = new LinkedHashSet<>();
        Map<Object, Boolean> searched = new HashMap<>(); // rules share needles (os, self, sleep): one search each
        for (SyntaxQuery rule : singles()) {
            wanted.addAll(rule.keysThatMayMatch(latin1, searched));
        }
        return subset(wanted);
    }

    /**
     * Each rule's query alone, for its patterns' predicates: tree-sitter's compile time grows faster than a query's
     * size, and all rules as one query took a third of a second to compile, against a twentieth for them one by one.
     */
    private List<SyntaxQuery> singles() {
        List<SyntaxQuery> known = singles;
        if (known == null) {
            synchronized (this) {
                if (singles == null) {
                    singles = sources.entrySet().stream().map(e -> new SyntaxQuery(e.getKey(), e.getValue())).toList();
                }
                known = singles;
            }
        }
        return known;
    }

    private List<SyntaxQuery> subset(Set<String> wanted) {
        List<SyntaxQuery> known = bySubset.get(wanted);
        return known != null ? known : bySubset.computeIfAbsent(Set.copyOf(wanted), keys -> {
            Map<String, String> some = new LinkedHashMap<>(sources);
            some.keySet().retainAll(keys);
            return some.isEmpty() ? List.of() : List.of(SyntaxQuery.combined(some));
        });
    }

    @Override
    public void close() {
        bySubset.values().forEach(q -> q.forEach(SyntaxQuery::close));
        if (singles != null) {
            singles.forEach(SyntaxQuery::close);
        }
    }
}
