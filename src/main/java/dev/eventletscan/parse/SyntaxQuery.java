package dev.eventletscan.parse;

import io.github.treesitter.jtreesitter.Query;
import io.github.treesitter.jtreesitter.QueryError;
import java.util.Optional;

/**
 * A tree-sitter query over Python, compiled for one parser (queries hold
 * native memory, so each worker compiles its own). {@link #check} is what the
 * rule loader uses to reject a broken query at start-up.
 */
public final class SyntaxQuery implements AutoCloseable {
    private final String key;
    private final Query query;

    /**
     * @param key what the hits are reported under (a rule id)
     * @throws IllegalArgumentException when the query does not compile
     */
    public SyntaxQuery(String key, String source) {
        this.key = key;
        this.query = new Query(PythonGrammar.language(), source);
    }

    /** Why a query cannot be used, or empty when it compiles and captures {@code @capture}. */
    public static Optional<String> check(String source, String requiredCapture) {
        try (Query q = new Query(PythonGrammar.language(), source)) {
            if (!q.getCaptureNames().contains(requiredCapture)) {
                return Optional.of("the query has no @" + requiredCapture + " capture (it marks where the finding is)");
            }
            return Optional.empty();
        } catch (QueryError e) {
            return Optional.of("tree-sitter query does not compile: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

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
