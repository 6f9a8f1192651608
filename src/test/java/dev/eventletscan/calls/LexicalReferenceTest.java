package dev.eventletscan.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.parse.LogicalLines;
import dev.eventletscan.parse.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The structure pass's lexer and call finder were rewritten for speed (runs of plain code appended at once,
 * calls found from their parentheses backwards). Their first, character-at-a-time versions are kept here as the
 * reference: on real files and on random text made of what Python's lexing turns on, both must agree exactly.
 */
class LexicalReferenceTest {
    private static final String[] PIECES = {"'", "\"", "'''", "\"\"\"", "#", "\\", "\n", "\\\n", ";", "(", ")", "[", "]",
        "{", "}", " ", "  ", "\t", "\r\n", ".", "def ", "class ", "async def ", "f", "spawn", "_x1", "import ", "from ",
        "1", "é", ":", "=", ",", "if", "return", "x(", " (", "\u00a0", "\f",
        // above U+00FF: a letter, white space at a statement's start, a line separator, and the '?' they become
        "漢", "\u3000", "\u2028", "?", "\u0127"};

    @Test
    void logicalLinesAndCallsAgreeWithTheReferenceOnRealFiles() throws IOException {
        List<Path> files = TestSupport.samplePythonFiles();
        assertThat(files).hasSizeGreaterThan(20);
        for (Path f : files) {
            assertAgree(f.toString(), SourceText.decode(Files.readAllBytes(f)).text());
        }
    }

    @Test
    void logicalLinesAndCallsAgreeWithTheReferenceOnRandomText() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int n = 0; n < 20_000; n++) {
            assertAgree("seed " + seed + ", input " + n, TestSupport.randomText(random, PIECES, 40));
        }
    }

    private static void assertAgree(String what, String text) {
        List<LogicalLines.Line> lines = LogicalLines.of(text);
        assertThat(lines).as("%s: %s", what, text).isEqualTo(Reference.of(text));
        for (LogicalLines.Line line : lines) {
            Map<String, Set<String>> ours = new TreeMap<>();
            Map<String, Set<String>> theirs = new TreeMap<>();
            CallExtractor.addCalls(line.text(), "f", ours);
            Reference.addCalls(line.text(), "f", theirs);
            assertThat(ours).as("%s: %s", what, line.text()).isEqualTo(theirs);
        }
    }

    /** The first versions, as they were. */
    private static final class Reference {
        private static final Set<String> KEYWORDS = Set.of("and", "as", "assert", "async", "await", "case", "del", "elif",
                "else", "except", "for", "from", "global", "if", "import", "in", "is", "lambda", "match", "nonlocal", "not",
                "or", "raise", "return", "while", "with", "yield");

        static List<LogicalLines.Line> of(String s) {
            List<LogicalLines.Line> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            int line = 1;
            int startLine = 1;
            int depth = 0;
            int indent = 0;
            int column = 0; // white space read at the start of the physical line
            boolean lineStart = true;
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c == '#') {
                    while (i + 1 < n && s.charAt(i + 1) != '\n') {
                        i++;
                    }
                } else if (c == '\'' || c == '"') {
                    if (current.isEmpty()) { // a docstring opens its own statement
                        startLine = line;
                        indent = column;
                    }
                    lineStart = false;
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
                } else if (c == '\\' && i + 2 < n && s.charAt(i + 1) == '\r' && s.charAt(i + 2) == '\n') {
                    // added when the lexers became one: Python joins a line ending in a backslash before CR LF too
                    current.append(' ');
                    line++;
                    i += 2;
                } else if (c == '\n' || c == ';') {
                    if (c == '\n') {
                        line++;
                        column = 0;
                        lineStart = true;
                    }
                    if (depth == 0 || c == ';') {
                        if (!current.isEmpty()) {
                            out.add(new LogicalLines.Line(startLine, indent, current.toString()));
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
                    current.append(c);
                }
            }
            if (!current.isEmpty()) {
                out.add(new LogicalLines.Line(startLine, indent, current.toString()));
            }
            return out;
        }


        static void addCalls(String code, String function, Map<String, Set<String>> calls) {
            int n = code.length();
            int i = 0;
            while (i < n) {
                char c = code.charAt(i);
                if (!isIdentifierStart(c) || (i > 0 && isWordChar(code.charAt(i - 1)))) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < n && isWordChar(code.charAt(i))) {
                    i++;
                }
                int j = i;
                while (j < n && isSpace(code.charAt(j))) {
                    j++;
                }
                if (j == n || code.charAt(j) != '(') {
                    continue;
                }
                int k = start - 1;
                while (k >= 0 && isSpace(code.charAt(k))) {
                    k--;
                }
                boolean method = k >= 0 && code.charAt(k) == '.';
                String name = code.substring(start, i);
                if (method || !KEYWORDS.contains(name)) {
                    // interned: a project calls the same few thousand names millions of times, and every file's calls
                    // stay in memory until the assessment
                    calls.computeIfAbsent(function, key -> new TreeSet<>()).add((method ? "." + name : name).intern());
                }
            }
        }


        private static boolean isIdentifierStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }

        private static boolean isWordChar(char c) {
            return isIdentifierStart(c) || (c >= '0' && c <= '9');
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
        }
    }

    /** The reference's own string skipping (the old lexer's, on chars), so it shares nothing with the code it checks. */
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
                return j;
            }
            if (c == quote && (!triple || (j + 2 < n && s.charAt(j + 1) == quote && s.charAt(j + 2) == quote))) {
                return j + (triple ? 3 : 1);
            }
            j++;
        }
        return n;
    }
}
