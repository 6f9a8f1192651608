package dev.eventletscan.parse;

import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.QueryMatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The text predicates of one query pattern ({@code #eq?}, {@code #match?}, {@code #any-of?} and their
 * {@code not-} and {@code any-} forms), read from the pattern's source and checked against the scanner's own
 * copy of the file's bytes. jtreesitter checks them only on a tree that holds its text, which a parse under a
 * time limit does not; this saves parsing every file a second time just to give the tree its text. The
 * semantics are jtreesitter's, and {@code QueryPredicatesTest} holds the two to agreement.
 */
final class QueryPredicates {
    private static final Set<String> EQ = Set.of("eq?", "not-eq?", "any-eq?", "any-not-eq?");
    private static final Set<String> MATCH = Set.of("match?", "not-match?", "any-match?", "any-not-match?");
    private static final Set<String> ANY_OF = Set.of("any-of?", "not-any-of?");

    /** One argument: a capture name ({@code @x} without the @) or a literal. */
    private record Arg(String value, boolean capture) {}

    /**
     * @param stringContent the first argument captures a {@code string_content} node: its text sits right after a
     *     string's opening quote or an f-string's {@code }}, and right before its closing quote, a {@code {} or
     *     the end of a line or file (an unterminated string)
     */
    private record Predicate(String name, List<Arg> args, com.google.re2j.Pattern regex, boolean stringContent) {}

    private static final String BEFORE_STRING_CONTENT = "'\"}";
    private static final String AFTER_STRING_CONTENT = "'\"{\n\r";

    /**
     * Text every match must hold: {@code anchoredStart} when the text starts the captured node, {@code wholeNode}
     * when it is all of it.
     */
    private record Needle(String text, boolean stringContent, boolean anchoredStart, boolean wholeNode) {
        boolean foundIn(String latin1) {
            if (!stringContent || !anchoredStart) {
                return latin1.contains(text);
            }
            for (int at = latin1.indexOf(text); at >= 0; at = latin1.indexOf(text, at + 1)) {
                int end = at + text.length();
                if (at > 0 && BEFORE_STRING_CONTENT.indexOf(latin1.charAt(at - 1)) >= 0
                        && (!wholeNode || end == latin1.length() || AFTER_STRING_CONTENT.indexOf(latin1.charAt(end)) >= 0)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Predicate> predicates;
    private final boolean understood;

    private QueryPredicates(List<Predicate> predicates, boolean understood) {
        this.predicates = predicates;
        this.understood = understood;
    }

    /** The predicates written in a pattern's source text. */
    /**
     * A rule file's regex runs on a linear-time engine (RE2/J): no text in a scanned file can make it backtrack
     * for ever.
     */
    private static com.google.re2j.Pattern regex(String regex) {
        try {
            return com.google.re2j.Pattern.compile(regex);
        } catch (com.google.re2j.PatternSyntaxException e) {
            throw new IllegalArgumentException("#match? " + regex + ": not a valid regular expression: " + e.getDescription());
        }
    }

    static QueryPredicates of(String patternSource) {
        List<Predicate> out = new ArrayList<>();
        boolean understood = true;
        Map<String, Integer> referencesInPredicates = new HashMap<>();
        Tokens t = new Tokens(patternSource);
        while (t.findPredicateStart()) {
            String name = t.word();
            List<Arg> args = new ArrayList<>();
            for (Arg a = t.arg(); a != null; a = t.arg()) {
                args.add(a);
                if (a.capture()) {
                    referencesInPredicates.merge(a.value(), 1, Integer::sum);
                }
            }
            if (!t.closes()) {
                understood = false;
                break;
            }
            boolean known = (EQ.contains(name) || MATCH.contains(name)) && args.size() == 2 && args.getFirst().capture()
                    || ANY_OF.contains(name) && !args.isEmpty() && args.getFirst().capture();
            if (name.endsWith("!")) {
                continue; // directives (#set!) say nothing about whether a match holds
            }
            if (!known || MATCH.contains(name) && args.get(1).capture()) {
                understood = false;
                continue;
            }
            out.add(new Predicate(name, List.copyOf(args), MATCH.contains(name) ? regex(args.get(1).value()) : null, false));
        }
        for (int i = 0; i < out.size(); i++) {
            Predicate p = out.get(i);
            if (onlyStringContent(patternSource, p.args().getFirst().value(), referencesInPredicates)) {
                out.set(i, new Predicate(p.name(), p.args(), p.regex(), true));
            }
        }
        return new QueryPredicates(List.copyOf(out), understood);
    }

    /**
     * Whether every node the pattern captures under this name is a {@code string_content}: each {@code @name} of
     * the source that no predicate accounts for follows {@code (string_content)}. Text in comments or strings only
     * adds occurrences that are not of that form, so it can make the answer no, never a wrong yes.
     */
    private static boolean onlyStringContent(String source, String capture, Map<String, Integer> referencesInPredicates) {
        String name = Pattern.quote(capture) + "(?![\\w.-])";
        long all = Pattern.compile("@" + name).matcher(source).results().count();
        long asStringContent = Pattern.compile("\\(string_content\\)\\s*@" + name).matcher(source).results().count();
        return asStringContent > 0 && asStringContent == all - referencesInPredicates.getOrDefault(capture, 0);
    }

    /** Whether every predicate of the pattern is one this class checks; otherwise the tree needs its text. */
    boolean understood() {
        return understood;
    }

    /**
     * Whether a file whose UTF-8 bytes, read as Latin-1, are {@code latin1} can satisfy these predicates: a
     * positive {@code #eq?} with a literal, or a positive {@code #match?} whose regex starts with a literal, holds
     * only where the file contains that literal; on a string's content, only where a quote (or an f-string's
     * brace) stands before it, and for {@code #eq?} after it too. Files that cannot match skip the query's walk of
     * their tree: most files that name eventlet never hold {@code 'eventlet'} as a whole string.
     */
    boolean mayHold(String latin1) {
        for (Predicate p : predicates) {
            Needle needed = requiredText(p);
            if (needed != null && !needed.foundIn(latin1)) {
                return false;
            }
        }
        return true;
    }

    /** The text every match of {@code p} has in it, as UTF-8 bytes read as Latin-1; null when there is none. */
    private static Needle requiredText(Predicate p) {
        if (p.name().contains("not-") || p.args().size() != 2 || p.args().get(1).capture()) {
            return null;
        }
        boolean eq = EQ.contains(p.name());
        String regex = p.args().get(1).value();
        String literal = eq ? regex : MATCH.contains(p.name()) ? literalPrefix(regex) : null;
        if (literal == null || literal.isEmpty()) {
            return null;
        }
        return new Needle(new String(literal.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
                p.stringContent(), eq || regex.startsWith("^"), eq);
    }

    /**
     * The plain characters a regex must match first ({@code EVENTLET_} in {@code ^EVENTLET_[A-Z]+$}); null for
     * a regex with alternation or flags anywhere, whose start says nothing for sure.
     */
    static String literalPrefix(String regex) {
        if (regex.contains("|") || regex.contains("(?")) {
            return null;
        }
        int i = regex.startsWith("^") ? 1 : 0;
        int start = i;
        while (i < regex.length() && (Character.isLetterOrDigit(regex.charAt(i)) || regex.charAt(i) == '_'
                || regex.charAt(i) == '-' || regex.charAt(i) == ' ')) {
            i++;
        }
        boolean quantified = i < regex.length() && "?*{".indexOf(regex.charAt(i)) >= 0;
        return regex.substring(start, quantified ? Math.max(start, i - 1) : i);
    }

    /** @param text the source text of a captured node */
    boolean accept(QueryMatch match, Function<Node, String> text) {
        for (Predicate p : predicates) {
            if (!holds(p, match, text)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Predicate p, QueryMatch match, Function<Node, String> text) {
        List<Node> nodes = match.findNodes(p.args().getFirst().value());
        boolean positive = !p.name().contains("not-");
        boolean any = p.name().startsWith("any-") && !ANY_OF.contains(p.name());
        if (ANY_OF.contains(p.name())) {
            List<String> values = p.args().subList(1, p.args().size()).stream().map(Arg::value).toList();
            return nodes.stream().noneMatch(n -> values.contains(text.apply(n)) != positive);
        }
        Arg second = p.args().get(1);
        if (EQ.contains(p.name()) && second.capture()) {
            List<Node> others = match.findNodes(second.value());
            java.util.function.Predicate<Node> test =
                    n1 -> others.stream().anyMatch(n2 -> text.apply(n1).equals(text.apply(n2)) == positive);
            return any ? nodes.stream().anyMatch(test) : nodes.stream().allMatch(test);
        }
        if (nodes.isEmpty()) {
            return !positive;
        }
        java.util.function.Predicate<Node> test = p.regex() != null
                ? n -> p.regex().matcher(text.apply(n)).find() == positive
                : n -> second.value().equals(text.apply(n)) == positive;
        return any ? nodes.stream().anyMatch(test) : nodes.stream().allMatch(test);
    }

    /** A reader of the few query tokens predicates are made of. */
    private static final class Tokens {
        private final String s;
        private int at;

        Tokens(String s) {
            this.s = s;
        }

        /** Moves past the next {@code (#}, skipping strings and comments; false at the end. */
        boolean findPredicateStart() {
            while (at < s.length()) {
                char c = s.charAt(at);
                if (c == '"') {
                    string();
                } else if (c == ';') {
                    while (at < s.length() && s.charAt(at) != '\n') {
                        at++;
                    }
                } else if (c == '(' && after(at + 1) == '#') {
                    at = skipSpace(at + 1) + 1;
                    return true;
                } else {
                    at++;
                }
            }
            return false;
        }

        String word() {
            int start = at;
            while (at < s.length() && !Character.isWhitespace(s.charAt(at)) && s.charAt(at) != ')' && s.charAt(at) != '(') {
                at++;
            }
            return s.substring(start, at);
        }

        /** The next argument, or null before the closing parenthesis. */
        Arg arg() {
            at = skipSpace(at);
            if (at >= s.length() || s.charAt(at) == ')') {
                return null;
            }
            char c = s.charAt(at);
            if (c == '"') {
                return new Arg(string(), false);
            }
            if (c == '@') {
                at++;
                return new Arg(word(), true);
            }
            String bare = word();
            return bare.isEmpty() ? null : new Arg(bare, false);
        }

        boolean closes() {
            at = skipSpace(at);
            return at < s.length() && s.charAt(at++) == ')';
        }

        /** A double-quoted string from {@code at}, unescaped as tree-sitter does. */
        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (at < s.length() && s.charAt(at) != '"') {
                char c = s.charAt(at++);
                if (c == '\\' && at < s.length()) {
                    char e = s.charAt(at++);
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        case '0' -> '\0';
                        default -> e;
                    });
                } else {
                    out.append(c);
                }
            }
            at++;
            return out.toString();
        }

        private char after(int i) {
            int j = skipSpace(i);
            return j < s.length() ? s.charAt(j) : 0;
        }

        private int skipSpace(int i) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i;
        }
    }
}
