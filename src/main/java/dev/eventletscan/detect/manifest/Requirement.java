package dev.eventletscan.detect.manifest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The distribution name in a PEP 508 requirement or a requirements-file line. */
final class Requirement {
    private static final Pattern NAME = Pattern.compile("^\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(?:\\[[^\\]]*])?\\s*(?:[<>=!~;@(,]|$)");
    private static final Pattern EGG = Pattern.compile("#egg=([A-Za-z0-9][A-Za-z0-9._-]*)");

    private Requirement() {}

    /**
     * The name a requirement line installs, or null for options ({@code -r other.txt},
     * {@code --index-url}), bare URLs and paths, comments and blank lines.
     */
    static String name(String line) {
        String text = stripComment(line).strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.startsWith("-")) {
            if (text.startsWith("-e ") || text.startsWith("--editable")) {
                Matcher egg = EGG.matcher(text);
                return egg.find() ? egg.group(1) : null;
            }
            return null;
        }
        if (text.contains("://") && !text.contains(" @ ")) {
            Matcher egg = EGG.matcher(text);
            return egg.find() ? egg.group(1) : null;
        }
        Matcher m = NAME.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** A requirements-file comment starts at '#' at the line start or after white space. */
    static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
