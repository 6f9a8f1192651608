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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The query rules a file can match, compiled once per scan and shared by the detection workers (a compiled query is
 * read-only; each match runs its own cursor). One query per rule; and, for a set of rules that many files need, one
 * query of them all, which walks each tree once where the rules alone walk it once each.
 *
 * <p>Why not one combined query per set, as before: tree-sitter takes milliseconds to compile a query (the
 * threading-hazard rules 5 to 30 ms each, however often they were compiled before), and the files of a corpus need
 * a few dozen different sets. Compiled for every set, that was 0.6 s of CPU on the Debian corpus, more than the
 * extra walks it saved for the sets that only a few files need.
 */
final class CombinedQueries implements AutoCloseable {
    /** How many files must need a set of rules before it is compiled as one query. */
    static final int FILES_BEFORE_COMBINING = Integer.getInteger("eventletscan.combineAfter", 1);

    private final Map<String, String> sources = new LinkedHashMap<>();
    private volatile List<SyntaxQuery> singles;
    private LiteralIndex literals; // made with the singles, read after them
    private final Map<Set<String>, AtomicInteger> filesBySet = new ConcurrentHashMap<>();
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
        if (filesBySet.computeIfAbsent(keys, k -> new AtomicInteger()).incrementAndGet() < FILES_BEFORE_COMBINING) {
            return wanted;
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
