package dev.eventletscan.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Python file cut into logical lines without parsing it: a small lexer that
 * skips strings and comments and joins physical lines inside brackets or after
 * a backslash. The import graph and call levels need every file of a
 * repository, so this must cost little more than reading the bytes.
 */
public final class LogicalLines {
    private LogicalLines() {}

    /**
     * @param line 1-based line where the statement starts
     * @param indent its indentation in columns (a tab moves to the next multiple of 8, as in CPython)
     * @param text the statement, strings replaced by {@code ''}, comments dropped, lines joined by a space
     */
    public record Line(int line, int indent, String text) {}

    /**
     * The file's logical lines with strings blanked and comments dropped; a
     * {@code ;} ends a statement too. Never throws on broken input: an
     * unterminated string simply runs to the end of the file.
     */
    public static List<Line> of(String s) {
        // The lexer reads a copy with one byte per char: String keeps Latin-1 text as bytes already, so this is
        // one array copy, and reading an array costs C1 far less than charAt. A char above U+00FF becomes '?' in
        // the copy; none of the characters the lexer turns on is one, and where a '?' could be white space the
        // String is asked.
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        List<Line> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = 1;
        int depth = 0;
        int indent = 0;
        int column = 0; // white space read at the start of the physical line
        boolean lineStart = true;
        int n = b.length;
        for (int i = 0; i < n; i++) {
            byte c = b[i];
            if (c == '#') {
                int newline = indexOfNewline(b, i);
                i = (newline < 0 ? n : newline) - 1;
            } else if (c == '\'' || c == '"') {
                if (current.isEmpty()) { // a docstring opens its own statement
                    startLine = line;
                    indent = column;
                }
                lineStart = false;
                boolean triple = i + 2 < n && b[i + 1] == c && b[i + 2] == c;
                int end = skipString(b, i, c, triple);
                for (int k = i; k < end && k < n; k++) {
                    if (b[k] == '\n') {
                        line++;
                    }
                }
                current.append("''");
                i = end - 1;
            } else if (c == '\\' && i + 1 < n && b[i + 1] == '\n') {
                current.append(' ');
                line++;
                i++;
            } else if (c == '\n' || c == ';') {
                if (c == '\n') {
                    line++;
                    column = 0;
                    lineStart = true;
                }
                if (depth == 0 || c == ';') {
                    if (!current.isEmpty()) {
                        out.add(new Line(startLine, indent, current.toString()));
                    }
                    current.setLength(0);
                    depth = 0;
                    startLine = line;
                } else {
                    current.append(' ');
                }
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
                if (current.isEmpty() && Character.isWhitespace(c == '?' ? s.charAt(i) : (char) (c & 0xFF))) {
                    if (lineStart) {
                        column = c == '\t' ? (column / 8 + 1) * 8 : column + 1;
                    }
                    continue;
                }
                if (current.isEmpty()) {
                    startLine = line;
                    indent = column; // after a ';' too: the statement shares its line's indentation
                }
                lineStart = false;
                // the plain code up to the next character that means something here, appended at once
                int end = i + 1;
                for (; end < n; end++) {
                    byte d = b[end];
                    if (d == '#' || d == '\'' || d == '"' || d == '\\' || d == '\n' || d == ';') {
                        break;
                    }
                    if (d == '(' || d == '[' || d == '{') {
                        depth++;
                    } else if ((d == ')' || d == ']' || d == '}') && depth > 0) {
                        depth--;
                    }
                }
                current.append(s, i, end);
                i = end - 1;
            }
        }
        if (!current.isEmpty()) {
            out.add(new Line(startLine, indent, current.toString()));
        }
        return out;
    }

    private static int indexOfNewline(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** As {@link #skipString(String, int, char, boolean)}, over the lexer's one-byte-per-char copy. */
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

    /** The index just past a string starting at {@code i} (prefix letters were already read as code). */
    public static int skipString(String s, int i, char quote, boolean triple) {
        int n = s.length();
        int j = i + (triple ? 3 : 1);
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (!triple && c == '\n') {
                return j; // an unterminated single-quoted string ends at the line
            }
            if (c == quote && (!triple || (j + 2 < n && s.charAt(j + 1) == quote && s.charAt(j + 2) == quote))) {
                return j + (triple ? 3 : 1);
            }
            j++;
        }
        return n;
    }
}
