package dev.eventletscan.indirect;

import dev.eventletscan.parse.LogicalLines;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Module-level aliases such as {@code spawn = concurrency.spawn}, read from every file's logical lines by the
 * structure pass: a module that re-exports another facade's name this way is a facade too.
 */
public final class ModuleAssignments {
    private static final Pattern ALIAS = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*)*)\\s*");

    /** {@code name = dotted} at module level. */
    public record Assignment(int line, String name, String dotted) {}

    private ModuleAssignments() {}

    public static List<Assignment> extract(List<LogicalLines.Line> lines) {
        List<Assignment> out = null;
        for (LogicalLines.Line l : lines) {
            String text = l.text();
            if (l.indent() != 0 || text.indexOf('=') < 0 || text.indexOf('(') >= 0) {
                continue;
            }
            Matcher m = ALIAS.matcher(text);
            if (m.matches() && !m.group(2).equals("None") && !m.group(2).equals("True") && !m.group(2).equals("False")) {
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(new Assignment(l.line(), m.group(1), m.group(2).replaceAll("\\s", "")));
            }
        }
        return out == null ? List.of() : out;
    }
}
