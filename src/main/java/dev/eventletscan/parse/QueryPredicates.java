package dev.eventletscan.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    record Needle(List<String> texts, boolean stringContent, boolean anchoredStart, boolean wholeNode) {
        /** Whether one of the texts stands in the file where the predicate could see it. */
        boolean foundIn(String latin1) {
            for (String text : texts) {
                for (int at = latin1.indexOf(text); at >= 0; at = latin1.indexOf(text, at + 1)) {
                    if (standsAt(latin1, at, text)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether this occurrence of one of the texts is one the predicate could see. */
        boolean standsAt(String latin1, int at, String text) {
            if (!stringContent || !anchoredStart) {
                return true;
            }
            int end = at + text.length();
            return at > 0 && BEFORE_STRING_CONTENT.indexOf(latin1.charAt(at - 1)) >= 0
                    && (!wholeNode || end == latin1.length() || AFTER_STRING_CONTENT.indexOf(latin1.charAt(end)) >= 0);
        }
    }

    private final List<Predicate> predicates;
    private final boolean understood;
    /** What each predicate needs the file to hold, worked out once: it was asked for every pattern of every file. */
    private final List<Needle> needles;

    private QueryPredicates(List<Predicate> predicates, boolean understood) {
        this.predicates = predicates;
        this.understood = understood;
        this.needles = predicates.stream().map(QueryPredicates::requiredText).filter(n -> n != null).toList();
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

    /** The texts the predicates need the file to hold (see {@link #mayHold}). */
    List<Needle> needles() {
        return needles;
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
     *
     * @param searched what earlier needles found in this file, by needle
     */
    boolean mayHold(String latin1, Map<Object, Boolean> searched) {
        for (Needle needed : needles) {
            if (!searched.computeIfAbsent(needed, n -> needed.foundIn(latin1))) {
                return false;
            }
        }
        return true;
    }

    /** The texts one of which every match of {@code p} has in it, as UTF-8 bytes read as Latin-1; null when none is known. */
    private static Needle requiredText(Predicate p) {
        if (p.name().contains("not-") || p.args().size() != 2 || p.args().get(1).capture()) {
            return null;
        }
        boolean eq = EQ.contains(p.name());
        String regex = p.args().get(1).value();
        List<String> literals = eq ? List.of(regex) : MATCH.contains(p.name()) ? literalStarts(regex) : null;
        if (literals == null || literals.isEmpty() || literals.contains("")) {
            return null;
        }
        List<String> latin1 = literals.stream()
                .map(l -> new String(l.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).toList();
        return new Needle(latin1, p.stringContent(), eq || regex.startsWith("^"), eq);
    }

    /**
     * The plain texts one of which a regex must match first: {@code EVENTLET_} for {@code ^EVENTLET_[A-Z]+$},
     * {@code fork} or {@code forkpty} for {@code ^(fork|forkpty)$}, {@code Green} for {@code ^Green(Pool|Pile)$}.
     * Null when the start says nothing for sure: flags, an alternation at the top, an optional first group, or an
     * alternative that starts with anything but plain characters. The threading-hazard rules match every call and
     * keep the few whose name fits: without their names as needles, every file that used eventlet walked its tree
     * for them, and they made half the detection time.
     */
    static List<String> literalStarts(String regex) {
        if (regex.contains("(?") || alternationAt(regex, 0, regex.length())) {
            return null;
        }
        int start = regex.startsWith("^") ? 1 : 0;
        String prefix = literalRun(regex, start, regex.length());
        if (!prefix.isEmpty() || start >= regex.length() || regex.charAt(start) != '(') {
            return List.of(prefix);
        }
        int close = closing(regex, start);
        if (close < 0 || close + 1 < regex.length() && "?*{".indexOf(regex.charAt(close + 1)) >= 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int from = start + 1;
        for (int i = from; i <= close; i++) {
            if (i == close || regex.charAt(i) == '|' && depth(regex, from, i) == 0) {
                String alternative = literalRun(regex, from, i);
                if (alternative.isEmpty()) {
                    return null;
                }
                out.add(alternative);
                from = i + 1;
            }
        }
        return out;
    }

    /** The plain characters from {@code start}, less the last when a quantifier makes it optional. */
    private static String literalRun(String regex, int start, int end) {
        int i = start;
        while (i < end && (Character.isLetterOrDigit(regex.charAt(i)) || regex.charAt(i) == '_'
                || regex.charAt(i) == '-' || regex.charAt(i) == ' ')) {
            i++;
        }
        boolean quantified = i < regex.length() && "?*{".indexOf(regex.charAt(i)) >= 0;
        return regex.substring(start, quantified ? Math.max(start, i - 1) : i);
    }

    private static boolean alternationAt(String regex, int from, int to) {
        for (int i = from; i < to; i++) {
            if (regex.charAt(i) == '|' && depth(regex, from, i) == 0) {
                return true;
            }
        }
        return false;
    }

    /** How many groups are open at {@code at}, counting from {@code from}; escapes and classes skipped. */
    private static int depth(String regex, int from, int at) {
        int depth = 0;
        boolean inClass = false;
        for (int i = from; i < at; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        return inClass ? -1 : depth;
    }

    /** The index of the parenthesis closing the group opened at {@code open}; -1 when there is none. */
    private static int closing(String regex, int open) {
        for (int i = open + 1; i < regex.length(); i++) {
            if (regex.charAt(i) == ')' && depth(regex, open, i) == 1) {
                return i;
            }
        }
        return -1;
    }

    /** @param text the source text of a byte range of the file */
    boolean accept(MatchCaptures match, MatchCaptures.Text text) {
        for (Predicate p : predicates) {
            if (!holds(p, match, text)) {
                return false;
            }
        }
        return true;
    }

    /** jtreesitter's semantics: a predicate over a capture holds for all its nodes ({@code any-}: for one). */
    private static boolean holds(Predicate p, MatchCaptures match, MatchCaptures.Text text) {
        String capture = p.args().getFirst().value();
        boolean positive = !p.name().contains("not-");
        boolean any = p.name().startsWith("any-") && !ANY_OF.contains(p.name());
        boolean anyOf = ANY_OF.contains(p.name());
        Arg second = anyOf ? null : p.args().get(1);
        boolean found = false;
        for (int i = 0; i < match.size(); i++) {
            if (!match.named(i, capture)) {
                continue;
            }
            found = true;
            String value = match.text(i, text);
            boolean ok;
            if (anyOf) {
                ok = p.args().subList(1, p.args().size()).stream().anyMatch(a -> a.value().equals(value)) == positive;
            } else if (EQ.contains(p.name()) && second.capture()) {
                ok = false;
                for (int j = 0; j < match.size() && !ok; j++) {
                    ok = match.named(j, second.value()) && value.equals(match.text(j, text)) == positive;
                }
            } else if (p.regex() != null) {
                ok = p.regex().matcher(value).find() == positive;
            } else {
                ok = second.value().equals(value) == positive;
            }
            if (any && ok) {
                return true;
            }
            if (!any && !ok) {
                return false;
            }
        }
        if (!found) {
            // no node: an #any-of? or a comparison with another capture holds as jtreesitter's stream would (all of
            // none); a comparison with a literal holds only when negative
            return anyOf || EQ.contains(p.name()) && second.capture() ? !any : !positive;
        }
        return !any;
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
