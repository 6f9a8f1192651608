package dev.eventletscan.graph;

import dev.eventletscan.parse.LogicalLines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the import statements of a Python file without parsing it: reads the
 * {@link LogicalLines} that start with {@code import} or {@code from}. The import graph needs every file of a
 * repository, so this must cost little more than reading the bytes.
 */
public final class ImportExtractor {
    private ImportExtractor() {}

    public static List<ImportStatement> extract(String source) {
        return extract(LogicalLines.statements(source));
    }

    /** The same as {@link #extract(List)}; a String is made only for the statements that start with the words. */
    public static List<ImportStatement> extract(LogicalLines.Statements statements) {
        List<ImportStatement> out = new ArrayList<>();
        for (int i = 0; i < statements.count(); i++) {
            if (statements.startsWith(i, "import") || statements.startsWith(i, "from")) {
                read(statements.text(statements.start(i), statements.end(i)).strip(), statements.lineNumber(i),
                        statements.indent(i), out);
            }
        }
        return out;
    }

    public static List<ImportStatement> extract(List<LogicalLines.Line> lines) {
        List<ImportStatement> out = new ArrayList<>();
        for (LogicalLines.Line l : lines) {
            String text = l.text().strip();
            if (text.startsWith("import") || text.startsWith("from")) {
                read(text, l.line(), l.indent(), out);
            }
        }
        return out;
    }

    /**
     * Reads one stripped statement as the expressions {@code from\s+(\.*)\s*(DOTTED)?\s+import\s+(.*)} and
     * {@code import\s+(.*)} would, DOTTED being {@code NAME(\s*\.\s*NAME)*} and {@code \s} ASCII white space, but
     * by hand: every import of every file of the repository comes here.
     */
    private static void read(String text, int line, int indent, List<ImportStatement> out) {
        if (text.startsWith("from")) {
            readFrom(text, line, indent, out);
        } else if (text.startsWith("import")) {
            readImport(text, line, indent, out);
        }
    }

    private static void readFrom(String text, int line, int indent, List<ImportStatement> out) {
        int afterFrom = skipSpace(text, 4);
        if (afterFrom == 4) {
            return;
        }
        int dotsEnd = afterFrom;
        while (dotsEnd < text.length() && text.charAt(dotsEnd) == '.') {
            dotsEnd++;
        }
        int moduleStart = skipSpace(text, dotsEnd);
        // the longest dotted name that " import " follows; failing all, none (then white space must follow the dots)
        int[] ends = dottedEnds(text, moduleStart);
        int moduleEnd = -1;
        int rest = -1;
        for (int k = ends.length - 1; k >= 0 && rest < 0; k--) {
            rest = importKeyword(text, ends[k]);
            moduleEnd = ends[k];
        }
        if (rest < 0) {
            rest = importKeyword(text, dotsEnd);
            moduleEnd = -1;
        }
        if (rest < 0) {
            return;
        }
        String module = moduleEnd < 0 ? "" : withoutSpace(text, moduleStart, moduleEnd);
        List<String> names = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (String part : text.substring(rest).replace("(", "").replace(")", "").split(",")) {
            String[] words = words(part.strip());
            String name = words[0];
            if (name.equals("*") || isDotted(name)) {
                names.add(name);
                aliases.add(words.length == 3 && words[1].equals("as") ? words[2] : name);
            }
        }
        int level = dotsEnd - afterFrom;
        if (!module.isEmpty() || level > 0) {
            out.add(new ImportStatement(line, level, module, names, aliases, indent));
        }
    }

    private static void readImport(String text, int line, int indent, List<ImportStatement> out) {
        int rest = skipSpace(text, 6);
        if (rest == 6) {
            return;
        }
        for (String part : text.substring(rest).split(",")) {
            String stripped = part.strip();
            int[] ends = dottedEnds(stripped, 0);
            if (ends.length > 0) {
                int end = ends[ends.length - 1];
                out.add(new ImportStatement(line, 0, withoutSpace(stripped, 0, end), List.of(),
                        List.of(alias(stripped, end)), indent));
            }
        }
    }

    /** Where {@code \s+import\s+} at {@code at} ends, or -1. */
    private static int importKeyword(String text, int at) {
        int keyword = skipSpace(text, at);
        if (keyword == at || !text.startsWith("import", keyword)) {
            return -1;
        }
        int rest = skipSpace(text, keyword + 6);
        return rest == keyword + 6 ? -1 : rest;
    }

    /** The ends of the dotted names that start at {@code at}, shortest first: {@code a}, {@code a . b}, ...; none if none. */
    private static int[] dottedEnds(String text, int at) {
        if (at >= text.length() || !isNameStart(text.charAt(at))) {
            return new int[0];
        }
        int[] ends = new int[4];
        int count = 0;
        int end = nameEnd(text, at);
        while (true) {
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            ends[count++] = end;
            int dot = skipSpace(text, end);
            if (dot >= text.length() || text.charAt(dot) != '.') {
                break;
            }
            int next = skipSpace(text, dot + 1);
            if (next >= text.length() || !isNameStart(text.charAt(next))) {
                break;
            }
            end = nameEnd(text, next);
        }
        return Arrays.copyOf(ends, count);
    }

    /** The name {@code \s+as\s+NAME\s*} makes of all of {@code text} from {@code at}, or empty. */
    private static String alias(String text, int at) {
        int as = skipSpace(text, at);
        if (as == at || !text.startsWith("as", as)) {
            return "";
        }
        int name = skipSpace(text, as + 2);
        if (name == as + 2 || name >= text.length() || !isNameStart(text.charAt(name))) {
            return "";
        }
        int end = nameEnd(text, name);
        return skipSpace(text, end) == text.length() ? text.substring(name, end) : "";
    }

    /** {@code NAME(.NAME)*} and nothing else, for a word (no white space in it). */
    private static boolean isDotted(String name) {
        int[] ends = dottedEnds(name, 0);
        return ends.length > 0 && ends[ends.length - 1] == name.length(); // a word holds no white space
    }

    /** A stripped text's runs of non-white space; {@code [""]} for the empty text. */
    private static String[] words(String text) {
        List<String> words = new ArrayList<>(3);
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && !isSpace(text.charAt(end))) {
                end++;
            }
            words.add(text.substring(i, end));
            i = skipSpace(text, end);
        }
        return words.isEmpty() ? new String[] {""} : words.toArray(String[]::new);
    }

    private static String withoutSpace(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            if (!isSpace(text.charAt(i))) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static int skipSpace(String text, int at) {
        while (at < text.length() && isSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int nameEnd(String text, int at) {
        int end = at + 1;
        while (end < text.length() && (isNameStart(text.charAt(end)) || (text.charAt(end) >= '0' && text.charAt(end) <= '9'))) {
            end++;
        }
        return end;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    /** What {@code \s} matches. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
