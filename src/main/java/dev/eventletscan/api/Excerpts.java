package dev.eventletscan.api;

import dev.eventletscan.model.Excerpt;
import dev.eventletscan.model.Finding;
import dev.eventletscan.parse.SourceText;
import java.util.ArrayList;
import java.util.List;

/** Cuts the lines around findings out of a file, merging ranges that touch. */
final class Excerpts {
    /** Lines shown above and below each finding. */
    static final int CONTEXT = 2;

    private Excerpts() {}

    static List<Excerpt> around(SourceText source, List<Finding> findings) {
        List<Excerpt> out = new ArrayList<>();
        int lastLine = source.lineCount();
        if (lastLine > 1 && source.line(lastLine).isEmpty()) {
            lastLine--; // the "line" after the final line break
        }
        int from = -1;
        int to = -1;
        for (Finding f : findings) { // in line order
            int start = Math.max(1, f.line() - CONTEXT);
            int end = Math.min(lastLine, Math.max(f.line(), f.endLine()) + CONTEXT);
            if (from > 0 && start <= to + 1) {
                to = Math.max(to, end);
                continue;
            }
            if (from > 0) {
                out.add(cut(source, from, to));
            }
            from = start;
            to = end;
        }
        if (from > 0) {
            out.add(cut(source, from, to));
        }
        return out;
    }

    private static Excerpt cut(SourceText source, int from, int to) {
        List<String> lines = new ArrayList<>(to - from + 1);
        for (int line = from; line <= to; line++) {
            lines.add(Excerpt.shorten(source.line(line), Excerpt.MAX_LINE));
        }
        return new Excerpt(from, lines);
    }
}
