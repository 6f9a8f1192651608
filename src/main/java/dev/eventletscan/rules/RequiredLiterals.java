package dev.eventletscan.rules;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text every match of a regular expression must contain, so a file without any of it need not be read line by
 * line: {@code wsgi_default_pool_size} for {@code wsgi_default_pool_size\s*=}, {@code eventlet} for
 * {@code executor\s*=\s*eventlet|-k eventlet}. Lower case, to be looked for in lower-cased text (which also covers
 * case-insensitive patterns). Null when the expression has no such text, or uses syntax this reader does not
 * follow (comments mode, Unicode case folding, non-ASCII literals): the file is then read.
 */
public final class RequiredLiterals {
    private final String regex;
    private int at;

    private RequiredLiterals(String regex) {
        this.regex = regex;
    }

    /** One of these strings (lower case) is in every match of the pattern; null when nothing is known. */
    public static Set<String> of(Pattern pattern) {
        if ((pattern.flags() & (Pattern.COMMENTS | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS | Pattern.LITERAL
                | Pattern.CANON_EQ)) != 0) {
            return null;
        }
        try {
            RequiredLiterals reader = new RequiredLiterals(pattern.pattern());
            Set<String> found = reader.alternation();
            return reader.at == reader.regex.length() ? found : null;
        } catch (Unsupported e) {
            return null;
        }
    }

    /** Syntax this reader does not follow. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** {@code a|b|c} up to a closing parenthesis or the end: one of each alternative's literals. */
    private Set<String> alternation() {
        Set<String> all = new LinkedHashSet<>();
        boolean known = true;
        while (true) {
            Set<String> one = sequence();
            if (one == null) {
                known = false;
            } else {
                all.addAll(one);
            }
            if (at < regex.length() && regex.charAt(at) == '|') {
                at++;
                continue;
            }
            return known ? all : null;
        }
    }

    /** Items up to {@code |}, {@code )} or the end: the best required part, a literal run or a required group's set. */
    private Set<String> sequence() {
        Set<String> best = null;
        StringBuilder run = new StringBuilder();
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            char c = regex.charAt(at);
            Set<String> group = null;
            String literal = null;
            switch (c) {
                case '(' -> group = group();
                case '[' -> skipClass();
                case '\\' -> literal = escape();
                case '.', '^', '$' -> at++;
                case '?', '*', '+', '{' -> throw new Unsupported(); // a quantifier with nothing before it
                default -> {
                    at++;
                    literal = String.valueOf(c);
                }
            }
            Quantifier q = quantifier();
            if (literal != null && q == Quantifier.NONE) {
                run.append(literal);
                continue;
            }
            if (literal != null && q == Quantifier.REPEATED) {
                run.append(literal); // x+: one x is there, but what follows need not be next to it
            }
            best = better(best, run);
            run.setLength(0);
            if (group != null && q != Quantifier.OPTIONAL) {
                best = better(best, group);
            }
        }
        return better(best, run);
    }

    private enum Quantifier { NONE, OPTIONAL, REPEATED }

    /** Reads the quantifier after an item, if any. */
    private Quantifier quantifier() {
        if (at >= regex.length()) {
            return Quantifier.NONE;
        }
        Quantifier q;
        switch (regex.charAt(at)) {
            case '?', '*' -> {
                q = Quantifier.OPTIONAL;
                at++;
            }
            case '+' -> {
                q = Quantifier.REPEATED;
                at++;
            }
            case '{' -> {
                int close = regex.indexOf('}', at);
                if (close < 0) {
                    throw new Unsupported();
                }
                try {
                    q = Integer.parseInt(regex.substring(at + 1, close).split(",", -1)[0].strip()) == 0
                            ? Quantifier.OPTIONAL : Quantifier.REPEATED;
                } catch (NumberFormatException e) {
                    throw new Unsupported();
                }
                at = close + 1;
            }
            default -> {
                return Quantifier.NONE;
            }
        }
        if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
            at++; // lazy or possessive
        }
        return q;
    }

    /** A group: the set its content requires, or null for a look-around, a flag group or nothing known. */
    private Set<String> group() {
        at++; // (
        boolean lookaround = false;
        if (regex.startsWith("?", at)) {
            if (regex.startsWith("?:", at) || regex.startsWith("?>", at)) {
                at += 2;
            } else if (regex.startsWith("?=", at) || regex.startsWith("?!", at)) {
                at += 2;
                lookaround = true;
            } else if (regex.startsWith("?<=", at) || regex.startsWith("?<!", at)) {
                at += 3;
                lookaround = true;
            } else if (regex.startsWith("?<", at)) {
                int close = regex.indexOf('>', at);
                if (close < 0) {
                    throw new Unsupported();
                }
                at = close + 1;
            } else {
                // inline flags, (?i) or (?i:...): case does not matter to lower-cased text; comments mode and
                // Unicode case (u, or U which implies it) would
                int end = at + 1;
                while (end < regex.length() && (Character.isLetter(regex.charAt(end)) || regex.charAt(end) == '-')) {
                    end++;
                }
                String flags = regex.substring(at + 1, end);
                if (flags.contains("x") || flags.contains("u") || flags.contains("U") || end >= regex.length()) {
                    throw new Unsupported();
                }
                at = end;
                if (regex.charAt(at) == ')') {
                    at++;
                    return null;
                }
                if (regex.charAt(at) != ':') {
                    throw new Unsupported();
                }
                at++;
            }
        }
        Set<String> inside = alternation();
        if (at >= regex.length() || regex.charAt(at) != ')') {
            throw new Unsupported();
        }
        at++;
        return lookaround ? null : inside;
    }

    /** An escape: the character it stands for when it is one, else null (a class, a boundary, a back-reference). */
    private String escape() {
        if (at + 1 >= regex.length()) {
            throw new Unsupported();
        }
        char e = regex.charAt(at + 1);
        at += 2;
        if (e == 'Q') {
            int end = regex.indexOf("\\E", at);
            String quoted = regex.substring(at, end < 0 ? regex.length() : end);
            at = end < 0 ? regex.length() : end + 2;
            return quoted.isEmpty() ? null : quoted;
        }
        if (e == 'p' || e == 'P' || e == 'x' || e == 'u' || e == 'k' || e == 'N' || e == 'c' || e == '0') {
            if (at < regex.length() && (regex.charAt(at) == '{' || regex.charAt(at) == '<')) {
                int close = regex.indexOf(regex.charAt(at) == '{' ? '}' : '>', at);
                at = close < 0 ? regex.length() : close + 1;
            } else if (e == 'c') {
                at++; // \cX
            } else if (e != 'k' && e != 'p' && e != 'P' && e != 'N') {
                // \x41, \u0041, \0101: some character, whichever it is
                int digits = e == 'x' ? 2 : e == 'u' ? 4 : 3;
                while (digits-- > 0 && at < regex.length() && Character.isLetterOrDigit(regex.charAt(at))) {
                    at++;
                }
            } else if (e == 'p' || e == 'P') {
                at++; // \pL
            }
            return null;
        }
        if (e == 't') {
            return "\t";
        }
        return Character.isLetterOrDigit(e) ? null : String.valueOf(e);
    }

    /** Past a character class, nested ones ({@code [a-z&&[^b]]}) included. */
    private void skipClass() {
        int depth = 0;
        while (at < regex.length()) {
            char c = regex.charAt(at);
            if (c == '\\') {
                at += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                if (regex.startsWith("]", at + 1) || regex.startsWith("^]", at + 1)) {
                    throw new Unsupported(); // a leading ]: read differently by different engines
                }
            } else if (c == ']' && --depth == 0) {
                at++;
                return;
            }
            at++;
        }
        throw new Unsupported();
    }

    /** The better of two required parts: the one whose shortest member is longest (fewer chance hits). */
    private static Set<String> better(Set<String> current, CharSequence run) {
        return run.isEmpty() ? current : better(current, Set.of(run.toString()));
    }

    private static Set<String> better(Set<String> current, Set<String> candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.stream().anyMatch(s -> s.isEmpty() || !ascii(s))) {
            return current;
        }
        Set<String> lower = new LinkedHashSet<>();
        candidate.forEach(s -> lower.add(s.toLowerCase(Locale.ROOT)));
        if (current == null) {
            return lower;
        }
        return shortest(lower) > shortest(current) ? lower : current;
    }

    private static int shortest(Set<String> set) {
        return set.stream().mapToInt(String::length).min().orElse(0);
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(ch -> ch < 0x80);
    }
}
