package dev.eventletscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped rule is tested by its examples (see {@link RuleExamples}), run through the real scanner:
 * each example folder is scanned as a project of its own.
 */
class RuleExamplesTest {
    private static final RuleSet RULES = RuleLoader.load(java.util.List.of());
    private static final RuleExamples EXAMPLES = RuleExamples.shipped();
    /** "folder/file:line" to the rules that fired there. */
    private static final Map<String, Set<String>> FIRED = scanAll();

    static Stream<String> shippedRules() {
        return RULES.rules().stream().map(Rule::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedRules")
    void ruleFiresOnItsPositiveExamplesAloneAndNowhereElse(String id) {
        assertThat(EXAMPLES.positives(id)).as("%s needs at least one '# match: %s' example", id, id).isNotEmpty();
        assertThat(EXAMPLES.negatives(id)).as("%s needs at least one '# ok: %s' example", id, id).isNotEmpty();
        for (RuleExamples.Line line : EXAMPLES.positives(id)) {
            assertThat(fired(line)).as("rules fired on %s:%d `%s`", line.file(), line.line(), line.text().strip())
                    .isEqualTo(new TreeSet<>(line.match()));
        }
        Set<String> expected = new TreeSet<>();
        EXAMPLES.positives(id).forEach(l -> expected.add(l.file() + ":" + l.line()));
        Set<String> actual = new TreeSet<>();
        FIRED.forEach((where, ids) -> {
            if (ids.contains(id)) {
                actual.add(where);
            }
        });
        assertThat(actual).as("where %s fires in the examples (each must be a '# match: %s' line)", id, id)
                .isEqualTo(expected);
    }

    @Test
    void everyAnnotationNamesAShippedRuleAndAnnotatesCode() {
        for (RuleExamples.Line line : EXAMPLES.lines()) {
            Set<String> named = new TreeSet<>(line.match());
            named.addAll(line.ok());
            for (String id : named) {
                assertThat(RULES.byId(id)).as("%s:%d names %s", line.file(), line.line(), id).isPresent();
            }
            assertThat(line.text()).as("%s:%d: an annotation must precede a line of code", line.file(), line.line())
                    .isNotBlank();
        }
    }

    private static Set<String> fired(RuleExamples.Line line) {
        return FIRED.getOrDefault(line.file() + ":" + line.line(), Set.of());
    }

    private static Map<String, Set<String>> scanAll() {
        Path root = TestSupport.projectDir().resolve("rules").resolve(RuleExamples.FOLDER);
        Set<String> folders = new TreeSet<>();
        EXAMPLES.files().keySet().forEach(f -> folders.add(f.substring(0, f.indexOf('/'))));
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
