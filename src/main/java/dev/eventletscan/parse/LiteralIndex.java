package dev.eventletscan.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the queries' needles a file holds ({@link SyntaxQuery#keysThatMayMatch}), found in one pass over its
 * text by an Aho-Corasick automaton over Latin-1 characters. The needles were searched one {@code indexOf} each,
 * which a scan's C1-compiled code runs a character at a time: about twenty searches of every parsed file, a tenth
 * of a cold scan's detection CPU.
 */
public final class LiteralIndex {
    private static final int[] NONE = new int[0];

    private final List<QueryPredicates.Needle> needles;
    private final String[] texts;
    /** By text: the needles that have it among their texts. */
    private final int[][] needlesOfText;
    /** The automaton's moves, {@code state * 256 + character}. */
    private final int[] next;
    /** By state: the texts that end there. */
    private final int[][] endingTexts;

    public static LiteralIndex of(Collection<SyntaxQuery> queries) {
        Set<QueryPredicates.Needle> all = new LinkedHashSet<>();
        queries.forEach(q -> all.addAll(q.needles()));
        return new LiteralIndex(List.copyOf(all));
    }

    private LiteralIndex(List<QueryPredicates.Needle> needles) {
        this.needles = needles;
        Map<String, List<Integer>> byText = new LinkedHashMap<>();
        for (int k = 0; k < needles.size(); k++) {
            for (String t : needles.get(k).texts()) {
                byText.computeIfAbsent(t, x -> new ArrayList<>()).add(k);
            }
        }
        texts = byText.keySet().toArray(String[]::new);
        needlesOfText = byText.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        // the trie
        List<int[]> moves = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        moves.add(newState());
        ends.add(new ArrayList<>());
        for (int t = 0; t < texts.length; t++) {
            int state = 0;
            for (int i = 0; i < texts[t].length(); i++) {
                int c = texts[t].charAt(i) & 0xFF;
                if (moves.get(state)[c] < 0) {
                    moves.get(state)[c] = moves.size();
                    moves.add(newState());
                    ends.add(new ArrayList<>());
                }
                state = moves.get(state)[c];
            }
            ends.get(state).add(t);
        }
        // failure links, breadth first, folded into the moves; a state ends what its failure state ends too
        int[] fail = new int[moves.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < 256; c++) {
            int s = moves.get(0)[c];
            if (s < 0) {
                moves.get(0)[c] = 0;
            } else {
                fail[s] = 0;
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            ends.get(state).addAll(ends.get(fail[state]));
            for (int c = 0; c < 256; c++) {
                int s = moves.get(state)[c];
                if (s < 0) {
                    moves.get(state)[c] = moves.get(fail[state])[c];
                } else {
                    fail[s] = moves.get(fail[state])[c];
                    queue.add(s);
                }
            }
        }
        next = new int[moves.size() * 256];
        endingTexts = new int[moves.size()][];
        for (int s = 0; s < moves.size(); s++) {
            System.arraycopy(moves.get(s), 0, next, s * 256, 256);
            endingTexts[s] = ends.get(s).isEmpty() ? NONE : ends.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static int[] newState() {
        int[] s = new int[256];
        Arrays.fill(s, -1);
        return s;
    }

    /**
     * Whether the file holds each needle, by needle: what {@link SyntaxQuery#keysThatMayMatch(String, Map)} takes
     * as already searched.
     *
     * @param latin1 the file's UTF-8 bytes read as Latin-1 (one char per byte)
     */
    public Map<Object, Boolean> found(String latin1) {
        boolean[] found = new boolean[needles.size()];
        int missing = needles.size();
        int state = 0;
        for (int i = 0; i < latin1.length() && missing > 0; i++) {
            state = next[(state << 8) | (latin1.charAt(i) & 0xFF)];
            for (int t : endingTexts[state]) {
                int start = i + 1 - texts[t].length();
                for (int k : needlesOfText[t]) {
                    if (!found[k] && needles.get(k).standsAt(latin1, start, texts[t])) {
                        found[k] = true;
                        missing--;
                    }
                }
            }
        }
        Map<Object, Boolean> out = new HashMap<>();
        for (int k = 0; k < found.length; k++) {
            out.put(needles.get(k), found[k]);
        }
        return out;
    }
}
