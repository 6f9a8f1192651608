package dev.eventletscan.detect.python;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.parse.SyntaxTree;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Plain string literals and the dotted Python names some of them hold. */
final class StringLiterals {
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /** The last labels of the host names a string near eventlet tends to hold (its site, its docs). */
    private static final Set<String> TOP_LEVEL_DOMAINS = Set.of("com", "net", "org", "io", "dev", "info", "edu", "gov");

    private StringLiterals() {}

    /** {@code eventlet.net}, {@code greenlet.readthedocs.io}: a host name when no rule knows the name. */
    static boolean endsInTopLevelDomain(String dotted) {
        return TOP_LEVEL_DOMAINS.contains(dotted.substring(dotted.lastIndexOf('.') + 1));
    }

    /**
     * The content of a string without prefix, quotes or interpolation, or null
     * for f-strings, byte strings and strings with escapes (none of which can
     * spell a module path worth resolving).
     */
    static String plainContent(SyntaxTree tree, int string) {
        if (!tree.is(string, "string")) {
            return null;
        }
        int start = NONE;
        int end = NONE;
        for (int c = tree.firstChild(string); c != NONE; c = tree.nextSibling(c)) {
            switch (tree.type(c)) {
                case "string_start" -> start = c;
                case "string_end" -> end = c;
                case "interpolation" -> {
                    return null;
                }
                case "string_content" -> {
                    if (tree.firstChild(c) != NONE) {
                        return null; // escape sequences
                    }
                }
                default -> { }
            }
        }
        if (start == NONE || end == NONE) {
            return null;
        }
        String prefix = tree.text(start).replace("'", "").replace("\"", "").toLowerCase(Locale.ROOT);
        if (prefix.contains("f") || prefix.contains("b") || prefix.contains("t")) {
            return null;
        }
        return tree.source().slice(tree.endByte(start), tree.startByte(end));
    }

    /**
     * The literal text an f-string starts with, up to its first interpolation ({@code eventlet.hubs.} of
     * {@code f'eventlet.hubs.{name}'}), or null for any other string or one with escapes in that part.
     */
    static String leadingContent(SyntaxTree tree, int string) {
        if (!tree.is(string, "string")) {
            return null;
        }
        int start = NONE;
        StringBuilder text = new StringBuilder();
        for (int c = tree.firstChild(string); c != NONE; c = tree.nextSibling(c)) {
            switch (tree.type(c)) {
                case "string_start" -> start = c;
                case "string_content" -> {
                    if (tree.firstChild(c) != NONE) {
                        return null;
                    }
                    text.append(tree.text(c));
                }
                case "interpolation" -> {
                    boolean fString = start != NONE && tree.text(start).toLowerCase(Locale.ROOT).contains("f");
                    return fString ? text.toString() : null;
                }
                default -> { }
            }
        }
        return null;
    }

    /**
     * A string literal holding nothing but a dotted name, used as a value
     * (docstrings and other bare string statements are prose), or null.
     */
    static String dottedName(SyntaxTree tree, int string) {
        int parent = tree.parent(string);
        if (tree.is(parent, "expression_statement") || tree.is(parent, "concatenated_string")) {
            return null;
        }
        String content = plainContent(tree, string);
        return content != null && DOTTED.matcher(content).matches() ? content : null;
    }

    /**
     * The part of a dotted name from its first tracked package on, when something follows it:
     * {@code nova.utils.eventlet.sleep} gives {@code eventlet.sleep}; a bare {@code 'eventlet'} names no symbol. A
     * mock target may end in the package, a module's attribute holding it: {@code 'proj.run.eventlet'} replaces
     * {@code eventlet} where proj.run uses it. A package of the project's own named like one
     * ({@code proj.cmd.eventlet}) is not it.
     *
     * @param own the project's own modules named like a tracked package
     */
    static String fromTrackedRoot(String dotted, Set<String> roots, Set<String> own, boolean mockTarget) {
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (!roots.contains(parts[i]) || i > 0 && own.contains(String.join(".", Arrays.copyOfRange(parts, 0, i + 1)))) {
                continue;
            }
            if (i < parts.length - 1) {
                return String.join(".", Arrays.copyOfRange(parts, i, parts.length));
            }
            return mockTarget && i > 0 ? parts[i] : null;
        }
        return null;
    }
}
