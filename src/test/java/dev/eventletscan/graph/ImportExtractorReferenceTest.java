package dev.eventletscan.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.parse.LogicalLines;
import dev.eventletscan.parse.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The import reader was rewritten by hand for speed; its first version, regular expressions, is kept here as the
 * reference: on real files and on random statements made of what an import holds, both must agree exactly.
 */
class ImportExtractorReferenceTest {
    private static final String[] PIECES = {"from", "import", "from ", "import ", " import ", " ", "  ", "\t", "\f", "\r",
        ".", "..", " . ", "a", "b_1", "os", "_", "9", "(", ")", ",", ", ", "as", " as ", "*", "\u3000", "é", "''", ";",
        "\u001c"};

    @Test
    void agreesWithTheReferenceOnRealFiles() throws IOException {
        List<Path> files = TestSupport.samplePythonFiles();
        assertThat(files).hasSizeGreaterThan(20);
        int imports = 0;
        for (Path f : files) {
            List<LogicalLines.Line> lines = LogicalLines.of(SourceText.decode(Files.readAllBytes(f)).text());
            List<ImportStatement> ours = ImportExtractor.extract(lines);
            assertThat(ours).as(f.toString()).isEqualTo(Reference.extract(lines));
            imports += ours.size();
        }
        assertThat(imports).isGreaterThan(100);
    }

    @Test
    void agreesWithTheReferenceOnRandomStatements() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "from" : "import");
            for (int k = random.nextInt(14); k > 0; k--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            List<LogicalLines.Line> lines = List.of(new LogicalLines.Line(1, 0, text.toString()));
            assertThat(ImportExtractor.extract(lines)).as("seed %d, input %d: %s", seed, n, text)
                    .isEqualTo(Reference.extract(lines));
        }
    }

    /** The first version, as it was. */
    private static final class Reference {
        private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*)*");
        private static final Pattern FROM = Pattern.compile("from\\s+(\\.*)\\s*(" + DOTTED.pattern() + ")?\\s+import\\s+(.*)", Pattern.DOTALL);
        private static final Pattern IMPORT = Pattern.compile("import\\s+(.*)", Pattern.DOTALL);
        private static final Pattern ALIAS = Pattern.compile("\\s+as\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*");

        static List<ImportStatement> extract(List<LogicalLines.Line> lines) {
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
}
