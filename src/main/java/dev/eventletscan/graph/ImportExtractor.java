package dev.eventletscan.graph;

import dev.eventletscan.parse.LogicalLines;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the import statements of a Python file without parsing it: reads the
 * {@link LogicalLines} that start with {@code import} or {@code from}. The import graph needs every file of a
 * repository, so this must cost little more than reading the bytes.
 */
public final class ImportExtractor {
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern FROM = Pattern.compile("from\\s+(\\.*)\\s*(" + DOTTED.pattern() + ")?\\s+import\\s+(.*)", Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("import\\s+(.*)", Pattern.DOTALL);
    private static final Pattern ALIAS = Pattern.compile("\\s+as\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*");

    private ImportExtractor() {}

    public static List<ImportStatement> extract(String source) {
        return extract(LogicalLines.statements(source));
    }

    /** The same as {@link #extract(List)}; a String is made only for the statements that start with the words. */
    public static List<ImportStatement> extract(LogicalLines.Statements statements) {
        List<ImportStatement> out = new ArrayList<>();
        for (int i = 0; i < statements.count(); i++) {
            if (statements.startsWith(i, "import") || statements.startsWith(i, "from")) {
                read(statements.text(statements.start(i), statements.end(i)).strip(), statements.lineNumber(i),
                        statements.indent(i), out);
            }
        }
        return out;
    }

    public static List<ImportStatement> extract(List<LogicalLines.Line> lines) {
        List<ImportStatement> out = new ArrayList<>();
        for (LogicalLines.Line l : lines) {
            String text = l.text().strip();
            if (text.startsWith("import") || text.startsWith("from")) {
                read(text, l.line(), l.indent(), out);
            }
        }
        return out;
    }

    private static void read(String text, int line, int indent, List<ImportStatement> out) {
        Matcher from = FROM.matcher(text);
        if (from.matches()) {
            String module = from.group(2) == null ? "" : from.group(2).replaceAll("\\s", "");
            List<String> names = new ArrayList<>();
            List<String> aliases = new ArrayList<>();
            for (String part : from.group(3).replace("(", "").replace(")", "").split(",")) {
                String[] words = part.strip().split("\\s+");
                String name = words[0];
                if (name.equals("*") || DOTTED.matcher(name).matches()) {
                    names.add(name);
                    aliases.add(words.length == 3 && words[1].equals("as") ? words[2] : name);
                }
            }
            if (!module.isEmpty() || !from.group(1).isEmpty()) {
                out.add(new ImportStatement(line, from.group(1).length(), module, names, aliases, indent));
            }
            return;
        }
        Matcher plain = IMPORT.matcher(text);
        if (plain.matches()) {
            for (String part : plain.group(1).split(",")) {
                Matcher m = DOTTED.matcher(part.strip());
                if (m.lookingAt()) {
                    Matcher alias = ALIAS.matcher(part.strip().substring(m.end()));
                    out.add(new ImportStatement(line, 0, m.group().replaceAll("\\s", ""), List.of(),
                            List.of(alias.matches() ? alias.group(1) : ""), indent));
                }
            }
        }
    }
}
