package dev.eventletscan.detect.manifest;

import dev.eventletscan.parse.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * An INI file (setup.cfg, tox.ini, entry_points.txt) read the way Python's
 * configparser reads it, keeping the line of every value line: {@code key = value}
 * or {@code key: value}, indented continuation lines, {@code #} and {@code ;} comments.
 */
final class IniFile {
    /** One line of a value: the key's own line (text after the separator) or a continuation line. */
    record ValueLine(String text, int line, int column) {}

    record Entry(String section, String key, List<ValueLine> values) {}

    private IniFile() {}

    static List<Entry> read(SourceText source) {
        List<Entry> entries = new ArrayList<>();
        String section = "";
        Entry current = null;
        for (int line = 1; line <= source.lineCount(); line++) {
            String text = source.line(line);
            String stripped = text.strip();
            boolean indented = !text.isEmpty() && Character.isWhitespace(text.charAt(0));
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (indented && current != null) {
                current.values().add(new ValueLine(stripped, line, text.indexOf(stripped)));
                continue;
            }
            if (stripped.startsWith("[") && stripped.contains("]")) {
                section = stripped.substring(1, stripped.indexOf(']')).strip();
                current = null;
                continue;
            }
            int sep = separator(text);
            if (sep < 0) {
                current = null;
                continue;
            }
            current = new Entry(section, text.substring(0, sep).strip(), new ArrayList<>());
            entries.add(current);
            String value = text.substring(sep + 1);
            String v = value.strip();
            if (!v.isEmpty()) {
                current.values().add(new ValueLine(v, line, sep + 1 + value.indexOf(v)));
            }
        }
        return entries;
    }

    private static int separator(String text) {
        int eq = text.indexOf('=');
        int colon = text.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }
}
