package dev.eventletscan.fileio;

/**
 * Text from a scanned repository or an installed package, made safe to print: a file name, a string in a file or
 * a parser's quote of one must not move the cursor, recolour or retitle the terminal (C0 and C1 controls), nor
 * reorder what a reader sees (bidirectional overrides such as U+202E). Such characters are
 * shown escaped, as a backslash and x1b or u202e, so the reader still sees that they are there.
 */
public final class Printable {
    private Printable() {}

    public static String of(String text) {
        if (text == null || text.chars().noneMatch(Printable::unsafe)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                b.append(c);
            } else if (c < 0x100) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /** A character that acts on a terminal or on the order of the text around it. */
    public static boolean unsafe(int c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0)
                || c == 0x061c || c == 0x200e || c == 0x200f // the Arabic letter mark and the directional marks
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) // embeddings, overrides and isolates
                || c == 0x2028 || c == 0x2029; // line and paragraph separators, which some terminals break lines at
    }
}
