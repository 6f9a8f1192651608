package dev.eventletscan.rules;

/**
 * A tree-sitter query over Python syntax, for patterns that name resolution
 * cannot express (keyword values, string contents). Each match's {@code @match}
 * capture is the finding; the text of an optional {@code @symbol} capture, or
 * else {@link #symbol}, is what it reports (the capture names are
 * fixed by the parser's {@code SyntaxQuery}).
 *
 * @param query the query source, in tree-sitter's S-expression syntax
 * @param symbol the symbol reported when the query has no {@code @symbol} capture
 */
public record QueryMatch(String query, String symbol) implements RuleMatch {
    @Override
    public String describe() {
        return "tree-sitter query: " + query.strip().replaceAll("\\s+", " ");
    }
}
