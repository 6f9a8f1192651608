package dev.eventletscan.rules;

import java.util.regex.Pattern;

/**
 * A glob over dotted Python names: {@code *} is one name part, {@code **} any
 * number of parts including none. {@code eventlet.**} matches {@code eventlet}
 * and everything under it; {@code eventlet.green.*} the green modules.
 */
public record DottedPattern(String text, Pattern regex, int specificity) {
    public static DottedPattern of(String text) {
        if (text.isBlank() || !text.matches("[A-Za-z_*][A-Za-z0-9_*]*(\\.[A-Za-z_*][A-Za-z0-9_*]*)*")) {
            throw new IllegalArgumentException("not a dotted name pattern: '" + text + "'");
        }
        StringBuilder re = new StringBuilder();
        int literal = 0;
        String[] parts = text.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.equals("**")) {
                // "a.**" also matches "a": the separator belongs to the repeated group
                re.append(i == 0 ? "(?:[^.]+(?:\\.[^.]+)*)?" : "(?:\\.[^.]+)*");
                continue;
            }
            if (i > 0) {
                re.append("\\.");
            }
            if (part.equals("*")) {
                re.append("[^.]+");
            } else if (part.contains("*")) {
                re.append(Pattern.quote(part).replace("*", "\\E[^.]*\\Q"));
                literal++;
            } else {
                re.append(Pattern.quote(part));
                literal += 2;
            }
        }
        return new DottedPattern(text, Pattern.compile(re.toString()), literal * 100 + text.length());
    }

    public boolean matches(String dotted) {
        return regex.matcher(dotted).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
