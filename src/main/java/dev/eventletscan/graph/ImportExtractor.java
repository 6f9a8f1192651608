package dev.eventletscan.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the import statements of a Python file without parsing it: a small
 * lexer that skips strings and comments and cuts logical lines (brackets and
 * backslashes join physical lines), then reads the lines that start with
 * {@code import} or {@code from}. The import graph needs every file of a
 * repository, so this must cost little more than reading the bytes.
 */
public final class ImportExtractor {
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern FROM = Pattern.compile("from\\s+(\\.*)\\s*(" + DOTTED.pattern() + ")?\\s+import\\s+(.*)", Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("import\\s+(.*)", Pattern.DOTALL);

    private ImportExtractor() {}

    public static List<ImportStatement> extract(String source) {
        List<ImportStatement> out = new ArrayList<>();
        for (LogicalLine l : logicalLines(source)) {
            String text = l.text().strip();
            if (text.startsWith("import") || text.startsWith("from")) {
                read(text, l.line(), out);
            }
        }
        return out;
    }

    private static void read(String text, int line, List<ImportStatement> out) {
        Matcher from = FROM.matcher(text);
        if (from.matches()) {
            String module = from.group(2) == null ? "" : from.group(2).replaceAll("\\s", "");
            List<String> names = new ArrayList<>();
            for (String part : from.group(3).replace("(", "").replace(")", "").split(",")) {
                String name = part.strip().split("\\s+")[0];
                if (name.equals("*") || DOTTED.matcher(name).matches()) {
                    names.add(name);
                }
            }
            if (!module.isEmpty() || !from.group(1).isEmpty()) {
                out.add(new ImportStatement(line, from.group(1).length(), module, names));
            }
            return;
        }
        Matcher plain = IMPORT.matcher(text);
        if (plain.matches()) {
            for (String part : plain.group(1).split(",")) {
                Matcher m = DOTTED.matcher(part.strip());
                if (m.lookingAt()) {
                    out.add(new ImportStatement(line, 0, m.group().replaceAll("\\s", ""), List.of()));
                }
            }
        }
    }

    record LogicalLine(int line, String text) {}

    /**
     * The file's logical lines with strings blanked and comments dropped; a
     * {@code ;} ends a statement too. Never throws on broken input: an
     * unterminated string simply runs to the end of the file.
     */
    static List<LogicalLine> logicalLines(String s) {
        List<LogicalLine> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = 1;
        int depth = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '#') {
                while (i + 1 < n && s.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                boolean triple = i + 2 < n && s.charAt(i + 1) == c && s.charAt(i + 2) == c;
                int end = skipString(s, i, c, triple);
                for (int k = i; k < end && k < n; k++) {
                    if (s.charAt(k) == '\n') {
                        line++;
                    }
                }
                current.append("''");
                i = end - 1;
            } else if (c == '\\' && i + 1 < n && s.charAt(i + 1) == '\n') {
                current.append(' ');
                line++;
                i++;
            } else if (c == '\n' || c == ';') {
                if (c == '\n') {
                    line++;
                }
                if (depth == 0 || c == ';') {
                    if (!current.isEmpty()) {
                        out.add(new LogicalLine(startLine, current.toString()));
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
                if (current.isEmpty() && Character.isWhitespace(c)) {
                    continue;
                }
                if (current.isEmpty()) {
                    startLine = line;
                }
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(new LogicalLine(startLine, current.toString()));
        }
        return out;
    }

    /** The index just past a string starting at {@code i} (prefix letters were already read as code). */
    private static int skipString(String s, int i, char quote, boolean triple) {
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
