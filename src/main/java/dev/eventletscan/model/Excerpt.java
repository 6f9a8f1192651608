package dev.eventletscan.model;

import java.util.List;

/**
 * Source lines around one or more findings, so a report can show code in
 * context without reading the repository again.
 *
 * @param startLine 1-based number of the first line in {@code lines}
 * @param lines the lines as they are in the file, without line ends, each cut at {@link #MAX_LINE} characters
 */
public record Excerpt(int startLine, List<String> lines) {
    /** Lines of minified or generated code would otherwise bloat every report. */
    public static final int MAX_LINE = 240;

    public Excerpt {
        lines = List.copyOf(lines);
    }

    /** {@code text} cut at {@code max} characters (never inside a surrogate pair), with "…" when it was cut. */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, cut) + "…";
    }

    public int endLine() {
        return startLine + lines.size() - 1;
    }
}
