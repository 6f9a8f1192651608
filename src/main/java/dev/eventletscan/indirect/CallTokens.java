package dev.eventletscan.indirect;

import dev.eventletscan.parse.LogicalTokens.Token;
import java.util.ArrayList;
import java.util.List;

/** The arguments of a call read from tokens: cut at the commas of the call's own parentheses. */
final class CallTokens {
    private CallTokens() {}

    /**
     * @param open the index of the call's opening parenthesis
     * @return each argument's tokens, in order; empty when the call has none or {@code open} is no parenthesis
     */
    static List<List<Token>> arguments(List<Token> t, int open) {
        List<List<Token>> out = new ArrayList<>();
        if (open >= t.size() || !t.get(open).is("(")) {
            return out;
        }
        int depth = 0;
        int start = open + 1;
        for (int j = open; j < t.size(); j++) {
            Token k = t.get(j);
            if (k.is("(") || k.is("[") || k.is("{")) {
                depth++;
            } else if (k.is(")") || k.is("]") || k.is("}")) {
                if (--depth == 0) {
                    add(t, start, j, out);
                    break;
                }
            } else if (depth == 1 && k.is(",")) {
                add(t, start, j, out);
                start = j + 1;
            }
        }
        return out;
    }

    private static void add(List<Token> t, int from, int to, List<List<Token>> out) {
        if (from < to) { // not the nothing after a trailing comma
            out.add(t.subList(from, to));
        }
    }
}
