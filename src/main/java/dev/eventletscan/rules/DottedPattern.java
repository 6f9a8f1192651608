package dev.eventletscan.rules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A glob over dotted Python names: {@code *} is one name part, {@code **} any
 * number of parts including none. {@code eventlet.**} matches {@code eventlet}
 * and everything under it; {@code eventlet.green.*} the green modules. A
 * {@code *} inside a part ({@code spawn*}) matches any characters but a dot.
 *
 * <p>Matching walks the parts without a regular expression: a regex's repeated
 * group recurses once per part, and a generated attribute chain thousands of
 * parts long overflowed the stack.
 */
public record DottedPattern(String text, List<String> parts, int specificity) {
    public DottedPattern {
        parts = List.copyOf(parts);
    }

    /** Compiled once: the rules' several hundred patterns are checked at every start-up. */
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_*][A-Za-z0-9_*]*(\\.[A-Za-z_*][A-Za-z0-9_*]*)*");

    public static DottedPattern of(String text) {
        if (text.isBlank() || !DOTTED.matcher(text).matches()) {
            throw new IllegalArgumentException("not a dotted name pattern: '" + text + "'");
        }
        List<String> parts = List.of(text.split("\\."));
        int literal = 0;
        for (String part : parts) {
            if (!part.contains("*")) {
                literal += 2;
            } else if (!part.equals("*") && !part.equals("**")) {
                literal++;
            }
        }
        return new DottedPattern(text, parts, literal * 100 + text.length());
    }

    /** Glob matching over parts, as for file names with {@code **}: on a mismatch, the last {@code **} takes one more part. */
    public boolean matches(String dotted) {
        int star = text.indexOf('*');
        if (star < 0) {
            return text.equals(dotted); // most patterns, and every usage is matched against each: no split
        }
        if (star == text.length() - 2 && text.endsWith(".**")) {
            int dot = star - 1;
            return dotted.length() >= dot && dotted.regionMatches(0, text, 0, dot)
                    && (dotted.length() == dot || dotted.charAt(dot) == '.' && !dotted.endsWith("."));
        }
        String[] name = dotted.split("\\.", -1);
        int p = 0;
        int n = 0;
        int starPart = -1;
        int starName = 0;
        while (n < name.length) {
            if (p < parts.size() && parts.get(p).equals("**")) {
                starPart = p++;
                starName = n;
            } else if (p < parts.size() && partMatches(parts.get(p), name[n])) {
                p++;
                n++;
            } else if (starPart >= 0 && !name[starName].isEmpty()) {
                p = starPart + 1;
                n = ++starName;
            } else {
                return false;
            }
        }
        while (p < parts.size() && parts.get(p).equals("**")) {
            p++;
        }
        return p == parts.size();
    }

    /** One part: {@code *} is any non-empty part, otherwise each {@code *} stands for any run of characters. */
    private static boolean partMatches(String pattern, String part) {
        if (pattern.equals("*")) {
            return !part.isEmpty();
        }
        if (!pattern.contains("*")) {
            return pattern.equals(part);
        }
        String[] pieces = pattern.split("\\*", -1);
        String last = pieces[pieces.length - 1];
        if (!part.startsWith(pieces[0]) || part.length() < pieces[0].length() + last.length() || !part.endsWith(last)) {
            return false;
        }
        int at = pieces[0].length();
        int end = part.length() - last.length();
        for (int i = 1; i < pieces.length - 1; i++) {
            int found = part.indexOf(pieces[i], at);
            if (found < 0 || found + pieces[i].length() > end) {
                return false;
            }
            at = found + pieces[i].length();
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
