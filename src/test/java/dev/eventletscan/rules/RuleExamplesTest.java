package dev.eventletscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped rule is tested by its examples (see {@link RuleExamples}), run through the real scanner:
 * each folder of rules/examples/ is scanned as a project of its own.
 */
class RuleExamplesTest {
    private static final RuleSet RULES = RuleLoader.load(List.of());
    private static final RuleExamples EXAMPLES = RuleExamples.shipped();
    private static final Map<String, Set<String>> FIRED =
            scan(TestSupport.projectDir().resolve("rules").resolve(RuleExamples.FOLDER), EXAMPLES);

    static Stream<String> shippedRules() {
        return RULES.rules().stream().map(Rule::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedRules")
    void ruleFiresOnItsPositiveExamplesAloneAndNowhereElse(String id) {
        assertThat(problems(id, EXAMPLES, FIRED)).isEmpty();
    }

    @Test
    void everyAnnotationNamesAShippedRuleAndAnnotatesCode() {
        for (RuleExamples.Line line : EXAMPLES.lines()) {
            Set<String> named = new TreeSet<>(line.match());
            named.addAll(line.ok());
            for (String id : named) {
                assertThat(RULES.byId(id)).as("%s:%d names %s", line.file(), line.line(), id).isPresent();
            }
            assertThat(line.text()).as("%s:%d: an annotation must precede a line", line.file(), line.line()).isNotBlank();
        }
    }

    @Test
    void anExampleThatAlsoFiresAnUndeclaredRuleOrLacksANegativeIsRefused(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("hub"));
        Files.writeString(dir.resolve("hub/bridge.py"), """
                # match: EVT001
                from eventlet import hubs
                # match: EVT551
                hubs.use_hub("asyncio"); hubs.get_hub()
                """);
        RuleExamples examples = RuleExamples.of(Map.of("hub/bridge.py", Files.readString(dir.resolve("hub/bridge.py"))));
        List<String> problems = problems("EVT551", examples, scan(dir, examples));
        assertThat(problems).containsExactly(
                "EVT551 needs at least one '# ok: EVT551' example",
                "hub/bridge.py:4 `hubs.use_hub(\"asyncio\"); hubs.get_hub()`: fired [EVT551, EVT552], declared [EVT551]");
    }

    /** What is wrong with a rule's examples: each line says where and what. */
    static List<String> problems(String id, RuleExamples examples, Map<String, Set<String>> fired) {
        List<String> out = new ArrayList<>();
        if (examples.positives(id).isEmpty()) {
            out.add(id + " needs at least one '# match: " + id + "' example");
        }
        if (examples.negatives(id).isEmpty()) {
            out.add(id + " needs at least one '# ok: " + id + "' example");
        }
        Set<String> declared = new TreeSet<>();
        for (RuleExamples.Line line : examples.positives(id)) {
            String where = line.file() + ":" + line.line();
            declared.add(where);
            Set<String> actual = fired.getOrDefault(where, Set.of());
            if (!actual.equals(line.match())) {
                out.add(where + " `" + line.text().strip() + "`: fired " + actual + ", declared " + new TreeSet<>(line.match()));
            }
        }
        fired.forEach((where, ids) -> {
            if (ids.contains(id) && !declared.contains(where)) {
                out.add(where + ": " + id + " fires on a line not annotated '# match: " + id + "'");
            }
        });
        return out;
    }

    /** "folder/file:line" to the rules that fired there, each folder of examples scanned as a project. */
    private static Map<String, Set<String>> scan(Path root, RuleExamples examples) {
        Set<String> folders = new TreeSet<>();
        examples.files().keySet().forEach(f -> folders.add(f.substring(0, f.indexOf('/'))));
        Map<String, Set<String>> fired = new TreeMap<>();
        Scanner scanner = new Scanner(RULES);
        for (String folder : folders) {
            try {
                for (Finding f : scanner.scan(ScanRequest.of(root.resolve(folder))).findings()) {
                    fired.computeIfAbsent(folder + "/" + f.path() + ":" + f.line(), k -> new TreeSet<>()).add(f.ruleId());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fired;
    }
}
