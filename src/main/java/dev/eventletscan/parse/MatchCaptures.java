package dev.eventletscan.parse;

import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.QueryCapture;
import io.github.treesitter.jtreesitter.QueryMatch;
import java.util.Arrays;
import java.util.List;

/**
 * One query match's captures as byte ranges, refilled for each match. jtreesitter's {@link QueryMatch} gives every
 * captured node its own {@code Node}, and with it an automatic arena and a cleaner registration: the threading-hazard
 * rules match every call of a file and keep a handful, so those objects cost more than tree-sitter's matching.
 */
final class MatchCaptures {
    /** The text of a byte range of the file. */
    @FunctionalInterface
    interface Text {
        String of(int start, int end);
    }

    private final List<String> captureNames;
    private int pattern;
    private int size;
    private int[] ids = new int[8];
    private int[] starts = new int[8];
    private int[] ends = new int[8];

    MatchCaptures(List<String> captureNames) {
        this.captureNames = captureNames;
    }

    void reset(int pattern) {
        this.pattern = pattern;
        this.size = 0;
    }

    void add(int captureId, int start, int end) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        ids[size] = captureId;
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    /** A jtreesitter match in this form, for trees whose predicates jtreesitter checked (tests compare the two). */
    static MatchCaptures of(QueryMatch match, List<String> captureNames) {
        MatchCaptures out = new MatchCaptures(captureNames);
        out.reset(match.patternIndex());
        for (QueryCapture c : match.captures()) {
            Node n = c.node();
            out.add(captureNames.indexOf(c.name()), n.getStartByte(), n.getEndByte());
        }
        return out;
    }

    int pattern() {
        return pattern;
    }

    int size() {
        return size;
    }

    boolean named(int i, String name) {
        return captureNames.get(ids[i]).equals(name);
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    String text(int i, Text text) {
        return text.of(starts[i], ends[i]);
    }
}
