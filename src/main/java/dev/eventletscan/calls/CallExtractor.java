package dev.eventletscan.calls;

import dev.eventletscan.parse.LogicalLines;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists a file's functions and, for each, the simple names it calls, from its
 * logical lines and their indentation: no parse, so every file of a large
 * repository costs about a read. Names only: Python's dynamic dispatch cannot
 * be resolved statically, so call levels are matched by name within the
 * modules an import links (see {@link CallLevels}). Module-level code is the
 * function {@code <module>}. Tests check it against a tree-sitter extraction.
 */
public final class CallExtractor {
    public static final String MODULE_CODE = "<module>";

    private static final Pattern DEFINITION = Pattern.compile("(?:async\\s+)?(def|class)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    /** Keywords a parenthesis may follow without a call: {@code if (a and b):}, {@code return (x)}. */
    private static final Set<String> KEYWORDS = Set.of("and", "as", "assert", "async", "await", "case", "del", "elif",
            "else", "except", "for", "from", "global", "if", "import", "in", "is", "lambda", "match", "nonlocal", "not",
            "or", "raise", "return", "while", "with", "yield");

    private CallExtractor() {}

    /** A class or function open at some indentation. */
    private record Scope(int indent, String name, boolean isClass) {}

    public static List<FunctionCalls> extract(String source) {
        return extract(LogicalLines.of(source));
    }

    public static List<FunctionCalls> extract(List<LogicalLines.Line> lines) {
        Map<String, Set<String>> calls = new TreeMap<>();
        Set<String> methods = new TreeSet<>();
        Deque<Scope> open = new ArrayDeque<>();
        for (LogicalLines.Line line : lines) {
            while (!open.isEmpty() && open.peek().indent() >= line.indent()) {
                open.pop();
            }
            String text = line.text();
            int callsFrom = 0;
            // most lines are no definition, and a matcher for each costs more than a look at the first word
            Matcher d = mayDefine(text) ? DEFINITION.matcher(text) : null;
            if (d != null && d.lookingAt()) {
                boolean isClass = d.group(1).equals("class");
                String name = open.isEmpty() ? d.group(2) : open.peek().name() + "." + d.group(2);
                if (!isClass) {
                    calls.computeIfAbsent(name, k -> new TreeSet<>());
                    if (!open.isEmpty() && open.peek().isClass()) {
                        methods.add(name);
                    }
                }
                // default values count as the function's own calls, as a syntax tree nests them; base classes
                // count for the enclosing function, since a class is not one
                open.push(new Scope(line.indent(), name, isClass));
                callsFrom = d.end();
            }
            addCalls(text.substring(callsFrom), enclosingFunction(open), calls);
        }
        List<FunctionCalls> out = new ArrayList<>();
        calls.forEach((name, callees) -> out.add(new FunctionCalls(name, methods.contains(name), callees)));
        return out;
    }

    /** Whether a statement can be a definition: {@link #DEFINITION} starts with one of these words. */
    private static boolean mayDefine(String text) {
        return text.startsWith("def") || text.startsWith("class") || text.startsWith("async");
    }

    /** The innermost open function, with the classes and functions around it. */
    private static String enclosingFunction(Deque<Scope> open) {
        for (Scope s : open) { // innermost first
            if (!s.isClass()) {
                return s.name();
            }
        }
        return MODULE_CODE;
    }

    /**
     * {@code f} for {@code f(...)}, {@code .m} for {@code obj.m(...)}: the word before each parenthesis, white
     * space allowed between, when it is an identifier. Found from the parentheses backwards, not with a regular
     * expression: this runs over every line of every file of the repository and was the structure pass's hot spot.
     */
    static void addCalls(String code, String function, Map<String, Set<String>> calls) {
        for (int paren = code.indexOf('('); paren >= 0; paren = code.indexOf('(', paren + 1)) {
            int end = paren;
            while (end > 0 && isSpace(code.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && isWordChar(code.charAt(start - 1))) {
                start--;
            }
            if (start == end || !isIdentifierStart(code.charAt(start))) {
                continue;
            }
            int k = start - 1;
            while (k >= 0 && isSpace(code.charAt(k))) {
                k--;
            }
            boolean method = k >= 0 && code.charAt(k) == '.';
            String name = code.substring(start, end);
            if (method || !KEYWORDS.contains(name)) {
                // interned: a project calls the same few thousand names millions of times, and every file's calls
                // stay in memory until the assessment; only once per function, as interning is a native call
                Set<String> callees = calls.computeIfAbsent(function, key -> new TreeSet<>());
                String callee = method ? "." + name : name;
                if (!callees.contains(callee)) {
                    callees.add(callee.intern());
                }
            }
        }
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordChar(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    /** What {@code \\s} matches. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
