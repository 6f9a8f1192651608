package dev.eventletscan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teaching the scanner a new eventlet API, a new setting, a new dependency and
 * a knowledge-base entry is a data change: a rule file given with --rules, no Java.
 */
class ExtraRuleFileTest {
    static final String EXTRA = """
            format: 1
            knownDependencies:
              green-widgets: "runs its widgets on eventlet"
            rules:
              - id: XTR101
                title: eventlet.future_api call
                category: green-thread
                severity: medium
                weight: 4
                message: "calls {symbol}, new in a future eventlet"
                hints: {threading: "use a thread", asyncio: "use a task"}
                guide: https://removal.eventlet.org/guide/faq
                example: "eventlet.future_api()"
                match: {usages: [call], symbols: ["eventlet.future_api"]}
              - id: XTR102
                title: green-gadgets declared
                category: dependency
                severity: low
                weight: 1
                message: "depends on {symbol}"
                hints: {threading: "t", asyncio: "a"}
                guide: https://removal.eventlet.org/guide/faq
                match: {dependencies: ["Green_Gadgets"]}
              - id: XTR103
                title: widget pool setting
                category: config
                severity: low
                weight: 1
                message: "widget pool is {symbol}"
                hints: {threading: "t", asyncio: "a"}
                guide: https://removal.eventlet.org/guide/faq
                match: {text: "widget_pool\\\\s*=\\\\s*(?<symbol>eventlet)", files: ["*.ini"]}
            """;

    @Test
    void aTextRuleSeesFilesThatNeverNameEventlet(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("nova.conf"), "[wsgi]\nwsgi_default_pool_size = 100\n");
        Files.writeString(dir.resolve("other.conf"), "[wsgi]\nworkers = 4\n");
        Path rules = Files.writeString(dir.resolve("extra-rules.yaml"), """
                format: 1
                rules:
                  - id: XTR201
                    title: green pool size
                    category: config
                    severity: low
                    weight: 1
                    message: "sets {symbol}"
                    hints: {threading: "t", asyncio: "a"}
                    guide: https://removal.eventlet.org/guide/faq
                    match: {text: "wsgi_default_pool_size\\\\s*=", files: ["*.conf"]}
                """);

        ScanRequest with = new ScanRequest(dir, List.of(), List.of(), 1, List.of(rules));
        ScanResult result = Scanner.forRequest(with).scan(with);
        assertThat(result.findings()).extracting(f -> f.path() + ":" + f.line() + " " + f.ruleId())
                .containsExactly("nova.conf:2 XTR201");
    }

    @Test
    void aRuleFileAddsDetectionsWithoutCode(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("app.py"), "from eventlet import future_api as fa\nfa()\n");
        Files.writeString(dir.resolve("requirements.txt"), "green-widgets>=1\ngreen.gadgets\n");
        Files.writeString(dir.resolve("widgets.ini"), "[w]\nwidget_pool = eventlet\n");
        Path rules = Files.writeString(dir.resolve("extra-rules.yaml"), EXTRA);

        ScanRequest without = ScanRequest.of(dir);
        ScanResult before = Scanner.forRequest(without).scan(without);
        assertThat(before.findings()).extracting(Finding::ruleId).doesNotContain("XTR101", "XTR102", "XTR103", "EVT801");

        ScanRequest with = new ScanRequest(dir, List.of(), List.of(), 1, List.of(rules));
        ScanResult after = Scanner.forRequest(with).scan(with);
        assertThat(after.findings()).filteredOn(f -> f.ruleId().startsWith("XTR") || f.ruleId().equals("EVT801"))
                .extracting(f -> f.path() + ":" + f.line() + " " + f.ruleId() + " " + f.symbol() + " " + f.message())
                .containsExactly(
                        "app.py:2 XTR101 eventlet.future_api calls eventlet.future_api, new in a future eventlet",
                        "requirements.txt:1 EVT801 green-widgets depends on green-widgets, tied to eventlet: runs its widgets on eventlet (requirements)",
                        "requirements.txt:2 XTR102 green.gadgets depends on green.gadgets (requirements)",
                        "widgets.ini:2 XTR103 eventlet widget pool is eventlet");
    }

    @Test
    void brokenQueriesRegexesAndMixedMatchesAreReportedWithTheirLines() {
        String bad = """
                format: 1
                rules:
                  - {id: BAD001, title: t, category: config, severity: low, weight: 1, message: m,
                     hints: {threading: a, asyncio: b}, guide: "https://x",
                     match: {query: "(call function: (identifier) @fn"}}
                  - {id: BAD002, title: t, category: config, severity: low, weight: 1, message: m,
                     hints: {threading: a, asyncio: b}, guide: "https://x",
                     match: {query: "(call) @fn", symbol: x}}
                  - {id: BAD003, title: t, category: config, severity: low, weight: 1, message: m,
                     hints: {threading: a, asyncio: b}, guide: "https://x",
                     match: {text: "(unclosed", files: ["conf/*.ini"]}}
                  - {id: BAD004, title: t, category: config, severity: low, weight: 1, message: m,
                     hints: {threading: a, asyncio: b}, guide: "https://x",
                     match: {symbols: [eventlet], dependencies: [eventlet]}}
                """;
        assertThatThrownBy(() -> RuleLoader.fromSources(Map.of("bad.yaml", bad, "categories.yaml", RuleLoaderTest.CATEGORIES
                .replace("pool: pools", "config: settings"))))
                .isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.problems()).satisfiesExactly(
                        p -> assertThat(p).isEqualTo("bad.yaml:5: rules[0].match.symbol: missing"),
                        p -> assertThat(p).startsWith("bad.yaml:5: rules[0].match.query: tree-sitter query does not compile"),
                        p -> assertThat(p).isEqualTo("bad.yaml:8: rules[1].match.query: the query has no @match capture (it marks where the finding is)"),
                        p -> assertThat(p).startsWith("bad.yaml:11: rules[2].match.text: not a valid regular expression"),
                        p -> assertThat(p).isEqualTo("bad.yaml:11: rules[2].match.files[0]: not a file-name glob: 'conf/*.ini' (no folders)"),
                        p -> assertThat(p).isEqualTo("bad.yaml:14: rules[3].match: needs exactly one of 'symbols', 'query', 'text', 'dependencies', 'analysis'")));
    }

    /**
     * The shipped queries are compiled by RuleLoaderTest, not at each start-up; a user's rule file given to the
     * scan is still checked in full before anything is scanned.
     */
    @Test
    void aUserRuleFileLoadedForAScanHasItsQueriesCompiled(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("mine.yaml");
        Files.writeString(file, """
                format: 1
                rules:
                  - {id: BAD001, title: t, category: green-thread, severity: low, weight: 1, message: m,
                     hints: {threading: a, asyncio: b}, guide: "https://x",
                     match: {query: "(call function: (identifier) @match", symbol: x}}
                  - {id: BAD002, title: t, category: green-thread, severity: low, weight: 1, message: m,
                     hints: {threading: a, asyncio: b}, guide: "https://x",
                     match: {query: "(call) @fn", symbol: x}}
                """);
        assertThatThrownBy(() -> RuleLoader.load(List.of(file)))
                .isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.problems()).satisfiesExactly(
                        p -> assertThat(p).startsWith(file + ":5: rules[0].match.query: tree-sitter query does not compile"),
                        p -> assertThat(p).isEqualTo(file + ":8: rules[1].match.query: the query has no @match capture (it marks where the finding is)")));
    }
}
