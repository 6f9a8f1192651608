package dev.eventletscan.detect.python;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.parse.SyntaxTree;
import java.util.Map;
import java.util.TreeMap;

/** The arguments of a call, as far as rules can test them: literal strings by position and keyword. */
final class CallArguments {
    private CallArguments() {}

    /** The n-th positional argument of a call (0-based), or NONE (also when a *args comes first). */
    static int positional(SyntaxTree tree, int call, int n) {
        int[] found = {NONE};
        each(tree, call, (position, keyword, node) -> {
            if (keyword == null && position == n) {
                found[0] = node;
            }
        });
        return found[0];
    }

    /**
     * Literal string and number arguments: {@code "0"} for the first positional one, keyword names for the others.
     * A number is its source text ({@code sleep(0)} gives {@code "0"}), so a rule can tell a yield from a wait.
     */
    static Map<String, String> literalStrings(SyntaxTree tree, int call) {
        Map<String, String> out = new TreeMap<>();
        each(tree, call, (position, keyword, node) -> {
            String value = tree.is(node, "integer") || tree.is(node, "float") ? tree.text(node) : StringLiterals.plainContent(tree, node);
            if (value != null) {
                out.put(keyword != null ? keyword : Integer.toString(position), value);
            }
        });
        return out;
    }

    private interface ArgumentVisitor {
        /** @param position the positional index, or -1 for keywords and anything after a {@code *args} */
        void visit(int position, String keyword, int value);
    }

    private static void each(SyntaxTree tree, int call, ArgumentVisitor visitor) {
        int args = tree.is(call, "call") ? tree.child(call, "arguments") : NONE;
        if (!tree.is(args, "argument_list")) {
            return;
        }
        int position = 0;
        for (int a = tree.firstChild(args); a != NONE; a = tree.nextSibling(a)) {
            switch (tree.type(a)) {
                case "comment", "dictionary_splat" -> { }
                case "list_splat" -> position = Integer.MIN_VALUE; // positions after *args are unknown
                case "keyword_argument" -> visitor.visit(-1, tree.text(tree.child(a, "name")), tree.child(a, "value"));
                default -> {
                    if (position >= 0) {
                        visitor.visit(position, null, a);
                    }
                    position++;
                }
            }
        }
    }
}
