package dev.eventletscan.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's one Python lexer: a file cut into logical lines without parsing it. It skips comments, finds
 * strings, and joins physical lines inside brackets or after a backslash; {@code ;} ends a statement too. What it
 * finds goes to a {@link Sink}: {@link #of} keeps each statement's text (the import graph and call levels, which
 * read every file of a repository, so this must cost little more than reading the bytes), {@link LogicalTokens}
 * cuts the same runs into positioned tokens (the indirect pass, whose findings need exact columns). Never throws on
 * broken input: an unterminated string simply runs to the end of its line, or of the file if triple-quoted.
 */
public final class LogicalLines {
    private LogicalLines() {}

    /**
     * @param line 1-based line where the statement starts
     * @param indent its indentation in columns (a tab moves to the next multiple of 8, as in CPython)
     * @param text the statement, strings replaced by {@code ''}, comments dropped, lines joined by a space
     */
    public record Line(int line, int indent, String text) {}

    /** What the lexer reports, in source order. Offsets index the String given to {@link #lex}. */
    interface Sink {
        /**
         * Plain code {@code [from, to)}: no quote, {@code #}, line end or {@code ;} inside (string prefix letters
         * included, just before the string's quote). The first run of a statement starts at a non-blank character.
         *
         * @param lineStart offset of the first character of the physical line {@code from} is on
         * @param indent the indentation of the statement's first physical line
         */
        void code(int from, int to, int line, int lineStart, int indent);

        /** A string literal {@code [from, to)}, {@code from} at its opening quote, starting on {@code line}. */
        void string(int from, int to, int line, int lineStart, int indent);

        /** A line end inside brackets, or a backslash before a line end on {@code line}: the statement goes on. */
        void join(int line);

        /** The end of a statement: a line end outside brackets ({@code newline}) or a {@code ;}. */
        void end(boolean newline);
    }

    /**
     * The file's logical lines with strings blanked and comments dropped; a
     * {@code ;} ends a statement too.
     */
    public static List<Line> of(String s) {
        TextSink sink = new TextSink(s);
        lex(s, sink);
        return sink.out;
    }

    /** Reads {@code s} once, telling {@code sink} what it finds. */
    static void lex(String s, Sink sink) {
        // The lexer reads a copy with one byte per char: String keeps Latin-1 text as bytes already, so this is
        // one array copy, and reading an array costs C1 far less than charAt. A char above U+00FF becomes '?' in
        // the copy; none of the characters the lexer turns on is one, and where a '?' could be white space the
        // String is asked.
        byte[] b = oneBytePerChar(s);
        int line = 1;
        int lineStart = 0;
        int depth = 0;
        int indent = 0; // of the open statement
        int column = 0; // white space read at the start of the physical line
        boolean open = false; // a statement has begun
        boolean lineStartWhite = true; // nothing but white space yet on this physical line
        int n = b.length;
        for (int i = 0; i < n; i++) {
            byte c = b[i];
            if (c == '#') {
                int newline = indexOfNewline(b, i);
                i = (newline < 0 ? n : newline) - 1;
            } else if (c == '\'' || c == '"') {
                if (!open) { // a docstring opens its own statement
                    indent = column;
                    open = true;
                }
                lineStartWhite = false;
                boolean triple = i + 2 < n && b[i + 1] == c && b[i + 2] == c;
                int end = skipString(b, i, c, triple);
                sink.string(i, end, line, lineStart, indent);
                for (int k = i; k < end && k < n; k++) {
                    if (b[k] == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                i = end - 1;
            } else if (c == '\\' && continuation(b, i) > 0) {
                sink.join(line);
                open = true;
                i += continuation(b, i);
                line++;
                lineStart = i + 1;
            } else if (c == '\n' || c == ';') {
                if (c == '\n') {
                    line++;
                    lineStart = i + 1;
                    column = 0;
                    lineStartWhite = true;
                }
                if (depth == 0 || c == ';') {
                    if (open) {
                        sink.end(c == '\n');
                    }
                    open = false;
                    depth = 0;
                } else {
                    sink.join(line);
                }
            } else {
                if (!open && Character.isWhitespace(c == '?' ? s.charAt(i) : (char) (c & 0xFF))) {
                    if (lineStartWhite) {
                        column = c == '\t' ? (column / 8 + 1) * 8 : column + 1;
                    }
                    continue;
                }
                if (!open) {
                    indent = column; // after a ';' too: the statement shares its line's indentation
                    open = true;
                }
                lineStartWhite = false;
                // the plain code up to the next character that means something here, reported at once
                int end = i;
                for (; end < n; end++) {
                    byte d = b[end];
                    if (d == '#' || d == '\'' || d == '"' || d == '\n' || d == ';' || (d == '\\' && continuation(b, end) > 0)) {
                        break;
                    }
                    if (d == '(' || d == '[' || d == '{') {
                        depth++;
                    } else if ((d == ')' || d == ']' || d == '}') && depth > 0) {
                        depth--;
                    }
                }
                sink.code(i, end, line, lineStart, indent);
                i = end - 1;
            }
        }
        if (open) {
            sink.end(false);
        }
    }

    /**
     * {@code s} with one byte per char. The Latin-1 encoder turns a surrogate pair (an emoji in a string) into one
     * {@code '?'}, which would shift every later offset; such text is copied char by char.
     */
    private static byte[] oneBytePerChar(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length == s.length()) {
            return b;
        }
        b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            b[i] = c <= 0xFF ? (byte) c : (byte) '?';
        }
        return b;
    }

    /** How many characters after the backslash at {@code i} end its line (1 for LF, 2 for CR LF), or 0. */
    private static int continuation(byte[] b, int i) {
        if (i + 1 < b.length && b[i + 1] == '\n') {
            return 1;
        }
        return i + 2 < b.length && b[i + 1] == '\r' && b[i + 2] == '\n' ? 2 : 0;
    }

    private static int indexOfNewline(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The index just past a string whose quote is at {@code i}, over the lexer's one-byte-per-char copy. */
    private static int skipString(byte[] s, int i, byte quote, boolean triple) {
        int n = s.length;
        int j = i + (triple ? 3 : 1);
        while (j < n) {
            byte c = s[j];
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (!triple && c == '\n') {
                return j; // an unterminated single-quoted string ends at the line
            }
            if (c == quote && (!triple || (j + 2 < n && s[j + 1] == quote && s[j + 2] == quote))) {
                return j + (triple ? 3 : 1);
            }
            j++;
        }
        return n;
    }

    /** Each statement's text, strings as {@code ''}. */
    private static final class TextSink implements Sink {
        private final String s;
        private final List<Line> out = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int startLine = 1;
        private int indent;

        TextSink(String s) {
            this.s = s;
        }

        @Override
        public void code(int from, int to, int line, int lineStart, int indent) {
            open(line, indent);
            current.append(s, from, to);
        }

        @Override
        public void string(int from, int to, int line, int lineStart, int indent) {
            open(line, indent);
            current.append("''");
        }

        @Override
        public void join(int line) {
            if (current.isEmpty()) {
                startLine = line; // a backslash opens the statement: it starts on its line
            }
            current.append(' ');
        }

        @Override
        public void end(boolean newline) {
            if (!current.isEmpty()) {
                out.add(new Line(startLine, indent, current.toString()));
            }
            current.setLength(0);
        }

        private void open(int line, int indent) {
            if (current.isEmpty()) {
                startLine = line;
                this.indent = indent;
            }
        }
    }
}
