package dev.eventletscan.calls;

import dev.eventletscan.parse.LogicalLines;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Lists a file's functions and, for each, the simple names it calls, from its
 * logical lines and their indentation: no parse, so every file of a large
 * repository costs about a read. Names only: Python's dynamic dispatch cannot
 * be resolved statically, so call levels are matched by name within the
 * modules an import links (see {@link CallLevels}). Module-level code is the
 * function {@code <module>}. Tests check it against a tree-sitter extraction.
 *
 * <p>Reads the statements' bytes where {@link LogicalLines#statements} put them, with no regular expression and
 * no String per line or per call: this runs over every statement of every file of the repository.
 */
public final class CallExtractor {
    public static final String MODULE_CODE = "<module>";

    /** Keywords a parenthesis may follow without a call: {@code if (a and b):}, {@code return (x)}. */
    private static final Set<String> KEYWORDS = Set.of("and", "as", "assert", "async", "await", "case", "del", "elif",
            "else", "except", "for", "from", "global", "if", "import", "in", "is", "lambda", "match", "nonlocal", "not",
            "or", "raise", "return", "while", "with", "yield");
    private static final ThreadLocal<Spellings> SPELLINGS = ThreadLocal.withInitial(Spellings::new);

    /**
     * A class or function open at some indentation, with where the calls in its body go: a function's own set, or
     * for a class body the set of the function around it (null at module level, made on the first call there).
     */
    private record Scope(int indent, String name, boolean isClass, Set<String> callees) {}

    /** By function: what it calls. Sets in any order: {@link FunctionCalls} copies them. */
    private final Map<String, Set<String>> calls;
    private final Set<String> methods = new HashSet<>();
    private final Deque<Scope> open = new ArrayDeque<>();
    private final Spellings spellings = SPELLINGS.get();
    private Set<String> moduleCalls;
    // what the last definition read named: set by definition()
    private boolean definedClass;
    private int nameStart;
    private int nameEnd;

    private CallExtractor(Map<String, Set<String>> calls) {
        this.calls = calls;
    }

    public static List<FunctionCalls> extract(String source) {
        return extract(LogicalLines.statements(source));
    }

    public static List<FunctionCalls> extract(List<LogicalLines.Line> lines) {
        CallExtractor extractor = new CallExtractor(new TreeMap<>());
        for (LogicalLines.Line line : lines) {
            byte[] text = oneBytePerChar(line.text());
            extractor.statement(text, 0, text.length, line.indent());
        }
        return extractor.result();
    }

    public static List<FunctionCalls> extract(LogicalLines.Statements statements) {
        CallExtractor extractor = new CallExtractor(new TreeMap<>());
        byte[] text = statements.bytes();
        for (int i = 0; i < statements.count(); i++) {
            extractor.statement(text, statements.start(i), statements.end(i), statements.indent(i));
        }
        return extractor.result();
    }

    /** One logical line, {@code text[from..to)}. */
    private void statement(byte[] text, int from, int to, int indent) {
        while (!open.isEmpty() && open.peek().indent() >= indent) {
            open.pop();
        }
        int callsFrom = from;
        if (definition(text, from, to)) {
            String simple = new String(text, nameStart, nameEnd - nameStart, StandardCharsets.ISO_8859_1);
            String name = open.isEmpty() ? simple : open.peek().name() + "." + simple;
            Set<String> callees = open.isEmpty() ? null : open.peek().callees();
            if (!definedClass) {
                callees = calls.computeIfAbsent(name, k -> new HashSet<>());
                if (!open.isEmpty() && open.peek().isClass()) {
                    methods.add(name);
                }
            }
            // default values count as the function's own calls, as a syntax tree nests them; base classes
            // count for the enclosing function, since a class is not one
            open.push(new Scope(indent, name, definedClass, callees));
            callsFrom = nameEnd;
        }
        callsIn(text, callsFrom, to, open.isEmpty() ? null : open.peek().callees());
    }

    private List<FunctionCalls> result() {
        List<FunctionCalls> out = new ArrayList<>(calls.size());
        calls.forEach((name, callees) -> out.add(new FunctionCalls(name, methods.contains(name), callees)));
        return out;
    }

    /**
     * Whether {@code text[from..to)} starts {@code (async\s+)?(def|class)\s+NAME}, {@code \s} as in a regular
     * expression and NAME an ASCII identifier; if so, where NAME is and whether it is a class.
     */
    private boolean definition(byte[] text, int from, int to) {
        int i = from;
        if (startsWith(text, i, to, "async")) {
            int j = skipSpace(text, i + 5, to);
            if (j == i + 5) {
                return false;
            }
            i = j;
        }
        if (startsWith(text, i, to, "def")) {
            definedClass = false;
            i += 3;
        } else if (startsWith(text, i, to, "class")) {
            definedClass = true;
            i += 5;
        } else {
            return false;
        }
        int j = skipSpace(text, i, to);
        if (j == i || j == to || !isIdentifierStart(text[j])) {
            return false;
        }
        nameStart = j;
        while (j < to && isWordChar(text[j])) {
            j++;
        }
        nameEnd = j;
        return true;
    }

    private static boolean startsWith(byte[] text, int from, int to, String word) {
        return LogicalLines.Statements.startsWith(text, from, to, word);
    }

    private static int skipSpace(byte[] text, int from, int to) {
        while (from < to && isSpace(text[from])) {
            from++;
        }
        return from;
    }

    /** {@link #callsIn} on a String, for the tests that hold it to its first version. */
    static void addCalls(String code, String function, Map<String, Set<String>> calls) {
        byte[] text = oneBytePerChar(code);
        Set<String> found = new HashSet<>();
        new CallExtractor(calls).callsIn(text, 0, text.length, found);
        if (!found.isEmpty()) {
            calls.computeIfAbsent(function, k -> new HashSet<>()).addAll(found);
        }
    }

    /**
     * {@code f} for {@code f(...)}, {@code .m} for {@code obj.m(...)}: the word before each parenthesis, white
     * space allowed between, when it is an identifier. Found from the parentheses backwards, not with a regular
     * expression: this runs over every line of every file of the repository and was the structure pass's hot spot.
     *
     * @param callees where the calls go; null for module-level code
     */
    private void callsIn(byte[] code, int from, int to, Set<String> callees) {
        for (int paren = from; paren < to; paren++) {
            if (code[paren] != '(') {
                continue;
            }
            int end = paren;
            while (end > from && isSpace(code[end - 1])) {
                end--;
            }
            int start = end;
            while (start > from && isWordChar(code[start - 1])) {
                start--;
            }
            if (start == end || !isIdentifierStart(code[start])) {
                continue;
            }
            int k = start - 1;
            while (k >= from && isSpace(code[k])) {
                k--;
            }
            boolean method = k >= from && code[k] == '.';
            String callee = spellings.of(code, start, end, method);
            if (method || !KEYWORDS.contains(callee)) {
                if (callees == null) { // module-level code, listed once it calls something
                    if (moduleCalls == null) {
                        moduleCalls = calls.computeIfAbsent(MODULE_CODE, key -> new HashSet<>());
                    }
                    callees = moduleCalls;
                }
                callees.add(callee);
            }
        }
    }

    /**
     * Names and the punctuation read here are ASCII, so any other char may become a {@code '?'}, as in the
     * lexer's copy: neither a name, nor white space, nor a dot or parenthesis.
     */
    private static byte[] oneBytePerChar(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean isIdentifierStart(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordChar(byte c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    /** What {@code \\s} matches. */
    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
