package dev.eventletscan.parse;

import io.github.treesitter.jtreesitter.Query;
import io.github.treesitter.jtreesitter.QueryError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tree-sitter query over Python, compiled for one parser (queries hold
 * native memory, so each worker compiles its own). {@link #check} is what the
 * rule loader uses to reject a broken query at start-up.
 */
public final class SyntaxQuery implements AutoCloseable {
    /** The capture that marks what a hit points at; a query without it finds nothing. */
    public static final String MATCH_CAPTURE = "match";
    /** The optional capture whose text a hit reports as its symbol. */
    public static final String SYMBOL_CAPTURE = "symbol";

    private final String key;
    private final Query query;
    /** The key each pattern's hits are reported under: one key, or one per part of a combined query. */
    private final String[] keyOfPattern;
    private final QueryPredicates[] predicatesOfPattern;
    private final boolean needsText;

    /**
     * @param key what the hits are reported under (a rule id)
     * @throws IllegalArgumentException when the query does not compile
     */
    public SyntaxQuery(String key, String source) {
        this.key = key;
        String text = padded(source);
        this.query = new Query(PythonGrammar.language(), text);
        this.keyOfPattern = new String[query.getPatternCount()];
        Arrays.fill(keyOfPattern, key);
        this.predicatesOfPattern = predicates(query, text);
        this.needsText = Arrays.stream(predicatesOfPattern).anyMatch(p -> !p.understood());
    }

    private SyntaxQuery(Query query, String text, String[] keyOfPattern) {
        this.key = null;
        this.query = query;
        this.keyOfPattern = keyOfPattern;
        this.predicatesOfPattern = predicates(query, text);
        this.needsText = Arrays.stream(predicatesOfPattern).anyMatch(p -> !p.understood());
    }

    private static QueryPredicates[] predicates(Query query, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        QueryPredicates[] out = new QueryPredicates[query.getPatternCount()];
        for (int p = 0; p < out.length; p++) {
            int start = query.startByteForPattern(p);
            int end = Math.min(utf8.length, query.endByteForPattern(p));
            out[p] = QueryPredicates.of(new String(utf8, start, Math.max(0, end - start), StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * Whether some pattern has a predicate only jtreesitter can check, which it does only on a tree that holds
     * its text; otherwise {@link #accepts} checks them all.
     */
    public boolean needsText() {
        return needsText;
    }

    /** Whether a match found on a tree without text satisfies its pattern's text predicates. */
    boolean accepts(MatchCaptures match, MatchCaptures.Text text) {
        return predicatesOfPattern[match.pattern()].accept(match, text);
    }

    /**
     * One query made of several, each under its key: tree-sitter then walks a tree once for all of them,
     * where separate queries walk it once each (the queries cost most of the parse time when run apart).
     *
     * @param sources query text by key, in the order the parts are joined
     */
    public static SyntaxQuery combined(Map<String, String> sources) {
        StringBuilder text = new StringBuilder();
        List<Integer> partStarts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int bytes = 0;
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String part = e.getValue() + "\n";
            partStarts.add(bytes);
            keys.add(e.getKey());
            text.append(part);
            bytes += part.getBytes(StandardCharsets.UTF_8).length;
        }
        String padded = padded(text.toString());
        Query query = new Query(PythonGrammar.language(), padded);
        String[] keyOfPattern = new String[query.getPatternCount()];
        for (int p = 0; p < keyOfPattern.length; p++) {
            int start = query.startByteForPattern(p);
            int part = 0;
            while (part + 1 < partStarts.size() && partStarts.get(part + 1) <= start) {
                part++;
            }
            keyOfPattern[p] = keys.get(part);
        }
        return new SyntaxQuery(query, padded, keyOfPattern);
    }

    /**
     * The query text with one trailing space per extra UTF-8 byte: jtreesitter 0.26 hands tree-sitter the
     * string's length in chars, not bytes, so a query with non-ASCII text (a comment, a literal) would lose its
     * last bytes, and with them a capture or a whole pattern. The padding is what gets cut.
     */
    static String padded(String source) {
        int extra = source.getBytes(StandardCharsets.UTF_8).length - source.length();
        return extra <= 0 ? source : source + " ".repeat(extra);
    }

    /**
     * The keys of the patterns a file can match, judged by the literals their predicates require: a file that
     * holds none of a rule's literals needs no walk of its tree for that rule.
     *
     * @param latin1 the file's UTF-8 bytes read as Latin-1 (one char per byte)
     */
    public Set<String> keysThatMayMatch(String latin1) {
        return keysThatMayMatch(latin1, new HashMap<>());
    }

    /**
     * {@link #keysThatMayMatch(String)}, with what earlier searches of the same text found, by needle: patterns
     * and rules share needles (os, self, sleep), each searched once.
     */
    public Set<String> keysThatMayMatch(String latin1, Map<Object, Boolean> searched) {
        Set<String> out = new LinkedHashSet<>();
        for (int p = 0; p < keyOfPattern.length; p++) {
            if (!out.contains(keyOfPattern[p]) && predicatesOfPattern[p].mayHold(latin1, searched)) {
                out.add(keyOfPattern[p]);
            }
        }
        return out;
    }

    /** The needles of every pattern's predicates, for {@link LiteralIndex}. */
    List<QueryPredicates.Needle> needles() {
        return Arrays.stream(predicatesOfPattern).flatMap(p -> p.needles().stream()).distinct().toList();
    }

    /** The key a match of this pattern is reported under. */
    public String keyOf(int patternIndex) {
        return keyOfPattern[patternIndex];
    }

    /** Why a query cannot be used, or empty when it compiles and captures {@code @capture}. */
    public static Optional<String> check(String source, String requiredCapture) {
        try (Query q = new Query(PythonGrammar.language(), padded(source))) {
            if (!q.getCaptureNames().contains(requiredCapture)) {
                return Optional.of("the query has no @" + requiredCapture + " capture (it marks where the finding is)");
            }
            return Optional.empty();
        } catch (QueryError e) {
            return Optional.of("tree-sitter query does not compile: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The key of a single query; null for a combined one, whose keys are per pattern ({@link #keyOf}). */
    public String key() {
        return key;
    }

    Query query() {
        return query;
    }

    @Override
    public void close() {
        query.close();
    }
}
