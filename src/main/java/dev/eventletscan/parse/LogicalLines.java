package dev.eventletscan.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

        /** Before anything else: the text the lexer reads, one byte per char ({@code '?'} above U+00FF). */
        default void source(byte[] oneBytePerChar) {}
    }

    /**
     * The file's logical lines with strings blanked and comments dropped; a
     * {@code ;} ends a statement too.
     */
    public static List<Line> of(String s) {
        Statements all = statements(s);
        List<Line> out = new ArrayList<>(all.count());
        for (int i = 0; i < all.count(); i++) {
            out.add(all.line(i));
        }
        return out;
    }

    /**
     * The same logical lines as {@link #of}, all in one array and no String made: the structure pass reads every
     * file of a repository, and a String per line was most of its cost.
     */
    public static Statements statements(String s) {
        return statements(s, false);
    }

    /** {@link #statements(String)} for a decoded file, which knows whether its text is ASCII. */
    public static Statements statements(SourceText source) {
        return statements(source.text(), source.utf8().length == source.text().length());
    }

    /**
     * {@link #statements(SourceText)} of the file's bytes, as {@link SourceText#decode} would read them. Most files
     * are plain ASCII, and then the bytes are the text: they are lexed as they are, with no String decoded and no
     * copy made (the structure pass reads every file of a repository).
     */
    public static Statements statements(byte[] raw) {
        if (!isPlainAscii(raw) || SourceText.declaredCharset(raw).filter(c -> !c.equals(StandardCharsets.UTF_8)).isPresent()) {
            return statements(SourceText.decode(raw));
        }
        TextSink sink = new TextSink(null, raw.length, true);
        lex(raw, null, sink);
        return sink.done();
    }

    /** ASCII only, and no CR but before LF (a lone CR is a line end that decoding turns into LF). */
    private static boolean isPlainAscii(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            byte c = raw[i];
            if (c < 0 || (c == '\r' && (i + 1 == raw.length || raw[i + 1] != '\n'))) {
                return false;
            }
        }
        return true;
    }

    /** @param ascii no char above U+007F: the lexer's one-byte copy is then the text itself */
    private static Statements statements(String s, boolean ascii) {
        TextSink sink = new TextSink(s, s.length(), ascii);
        lex(s, sink);
        return sink.done();
    }

    /**
     * Every statement's text ({@link Line#text}), each followed by a {@code '\n'} (which no statement holds), in
     * one array of bytes, one per char: statement {@code i} is {@code bytes()[start(i)..end(i))}. A char above
     * U+00FF is a {@code '?'} there, so the bytes serve readers of ASCII names and punctuation; {@link #line} and
     * {@link #joined} give the exact text.
     */
    public static final class Statements {
        private final byte[] bytes;
        /** The same text as chars, kept only when the bytes may not be it. */
        private final char[] chars;
        private final int length;
        private final int count;
        private final int[] bounds; // per statement: start, end, line, indent

        private Statements(byte[] bytes, char[] chars, int length, int count, int[] bounds) {
            this.bytes = bytes;
            this.chars = chars;
            this.length = length;
            this.count = count;
            this.bounds = bounds;
        }

        public int count() {
            return count;
        }

        /** The text, one byte per char; read only, and only the ranges given here. */
        public byte[] bytes() {
            return bytes;
        }

        public int start(int i) {
            return bounds[4 * i];
        }

        public int end(int i) {
            return bounds[4 * i + 1];
        }

        /** 1-based line where statement {@code i} starts. */
        public int lineNumber(int i) {
            return bounds[4 * i + 2];
        }

        public int indent(int i) {
            return bounds[4 * i + 3];
        }

        /** The char at {@code offset}, exactly. */
        public char charAt(int offset) {
            return chars != null ? chars[offset] : (char) (bytes[offset] & 0xFF);
        }

        public Line line(int i) {
            return new Line(lineNumber(i), indent(i), text(start(i), end(i)));
        }

        /** All statements' text in one String, each ended by {@code '\n'}. */
        public String joined() {
            return text(0, length);
        }

        /** The exact text of {@code [from, to)}. */
        public String text(int from, int to) {
            return chars != null ? new String(chars, from, to - from) : new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }

        /**
         * Whether statement {@code i}, past the white space {@link String#strip} drops, starts with {@code word}
         * (ASCII).
         */
        public boolean startsWith(int i, String word) {
            int from = start(i);
            int to = end(i);
            while (from < to && mayBeBlank(bytes[from]) && Character.isWhitespace(charAt(from))) {
                from++;
            }
            return startsWith(bytes, from, to, word);
        }

        /** Printable ASCII is never white space: asking Character for each statement's first char cost more. */
        private static boolean mayBeBlank(byte b) {
            return b <= ' ' || b == '?'; // negative for U+0080 to U+00FF; '?' stands for any char above
        }

        /** Whether {@code bytes[from..to)} starts with {@code word} (ASCII). */
        public static boolean startsWith(byte[] bytes, int from, int to, String word) {
            if (to - from < word.length()) {
                return false;
            }
            for (int k = 0; k < word.length(); k++) {
                if (bytes[from + k] != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final byte PLAIN = 0;
    private static final byte OPEN = 1;
    private static final byte CLOSE = 2;
    private static final byte STOP = 3;
    /** What a byte is to a run of plain code: brackets count depth, the rest of these end the run (a backslash if it ends a line). */
    private static final byte[] KIND = new byte[256];

    static {
        for (char c : "([{".toCharArray()) {
            KIND[c] = OPEN;
        }
        for (char c : ")]}".toCharArray()) {
            KIND[c] = CLOSE;
        }
        for (char c : "#'\"\n;\\".toCharArray()) {
            KIND[c] = STOP;
        }
    }

    /** Reads {@code s} once, telling {@code sink} what it finds. */
    static void lex(String s, Sink sink) {
        // The lexer reads a copy with one byte per char: String keeps Latin-1 text as bytes already, so this is
        // one array copy, and reading an array costs C1 far less than charAt. A char above U+00FF becomes '?' in
        // the copy; none of the characters the lexer turns on is one, and where a '?' could be white space the
        // String is asked.
        lex(oneBytePerChar(s), s, sink);
    }

    /** @param s the text {@code b} copies, or null when {@code b} is ASCII (then a '?' is a '?') */
    private static void lex(byte[] b, String s, Sink sink) {
        sink.source(b);
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
                if (!open && (c == ' ' || Character.isWhitespace(c == '?' && s != null ? s.charAt(i) : (char) (c & 0xFF)))) {
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
                    byte kind = KIND[b[end] & 0xFF]; // one look-up for the plain bytes, nearly all of them
                    if (kind == PLAIN) {
                        continue;
                    }
                    if (kind == OPEN) {
                        depth++;
                    } else if (kind == CLOSE) {
                        depth = Math.max(0, depth - 1);
                    } else if (b[end] != '\\' || continuation(b, end) > 0) {
                        break;
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

    /** Each statement's text, strings as {@code ''}, appended to one array (and to one of chars, unless ASCII). */
    private static final class TextSink implements Sink {
        private final String s;
        private byte[] source;
        private byte[] text;
        private char[] chars;
        private int length;
        private int[] bounds = new int[64];
        private int count;
        private int statementStart; // where the open statement's text begins; length == statementStart: none yet
        private int startLine = 1;
        private int indent;

        /** @param s the text, read for its chars unless {@code ascii} */
        TextSink(String s, int length, boolean ascii) {
            this.s = s;
            this.text = new byte[length + 16];
            this.chars = ascii ? null : new char[text.length];
        }

        @Override
        public void source(byte[] oneBytePerChar) {
            source = oneBytePerChar;
        }

        @Override
        public void code(int from, int to, int line, int lineStart, int indent) {
            open(line, indent);
            room(to - from);
            System.arraycopy(source, from, text, length, to - from);
            if (chars != null) {
                s.getChars(from, to, chars, length);
            }
            length += to - from;
        }

        @Override
        public void string(int from, int to, int line, int lineStart, int indent) {
            open(line, indent);
            put('\'');
            put('\'');
        }

        @Override
        public void join(int line) {
            if (length == statementStart) {
                startLine = line; // a backslash opens the statement: it starts on its line
            }
            put(' ');
        }

        @Override
        public void end(boolean newline) {
            if (length == statementStart) {
                return;
            }
            if (4 * count + 4 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[4 * count] = statementStart;
            bounds[4 * count + 1] = length;
            bounds[4 * count + 2] = startLine;
            bounds[4 * count + 3] = indent;
            count++;
            put('\n');
            statementStart = length;
        }

        Statements done() {
            return new Statements(text, chars, length, count, bounds);
        }

        private void open(int line, int indent) {
            if (length == statementStart) {
                startLine = line;
                this.indent = indent;
            }
        }

        private void put(char c) {
            room(1);
            text[length] = (byte) c;
            if (chars != null) {
                chars[length] = c;
            }
            length++;
        }

        /** Strings become two chars and joins one, so a file of short strings can outgrow its own length. */
        private void room(int more) {
            if (length + more > text.length) {
                text = Arrays.copyOf(text, Math.max(length + more, text.length * 2));
                chars = chars == null ? null : Arrays.copyOf(chars, text.length);
            }
        }
    }
}
