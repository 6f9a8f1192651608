package dev.eventletscan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventletscan.parse.SyntaxQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleLoaderTest {
    @Test
    void everyShippedRuleFileLoadsAndIsComplete() {
        Map<String, String> shipped = RuleLoader.shippedFiles();
        assertThat(shipped).isNotEmpty();
        RuleSet rules = RuleLoader.fromSources(shipped);
        assertThat(rules.rules()).isNotEmpty();
        for (Rule r : rules.rules()) {
            assertThat(r.hints().threading()).as(r.id()).isNotBlank();
            assertThat(r.hints().asyncio()).as(r.id()).isNotBlank();
            assertThat(r.guide()).as(r.id()).startsWith("https://removal.eventlet.org/");
        }
        assertThat(rules.trackedRoots()).contains("eventlet");
        // a scan's start-up trusts the shipped files to this test: their queries are compiled only to parse a file
        assertThat(rules.queryRules()).isNotEmpty().allSatisfy(r -> assertThat(
                SyntaxQuery.check(((QueryMatch) r.match()).query(), SyntaxQuery.MATCH_CAPTURE)).as(r.id()).isEmpty());
    }

    @Test
    void everyProblemIsListedWithFileLineAndField() {
        String bad = """
                format: 1
                rules:
                  - id: EVT9
                    title: broken
                    category: nonsense
                    severity: hgh
                    weight: 5
                    message: m
                    hints: {threading: t}
                    guide: http://insecure
                    example: x
                    colour: red
                    match:
                      usages: [calls]
                      symbols: ["eventlet..spawn"]
                """;
        assertThatThrownBy(() -> RuleLoader.fromSources(Map.of("categories.yaml", CATEGORIES, "extra.yaml", bad)))
                .isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "extra.yaml:3: rules[0].id: 'EVT9' does not match ^[A-Z]{2,5}[0-9]{3,4}$ (a stable identifier like EVT101: "
                                + "2 to 5 capital letters, then 3 or 4 digits; users suppress and gate by it)",
                        "extra.yaml:6: rules[0].severity: 'hgh' is not one of info, low, medium, high",
                        "extra.yaml:9: rules[0].hints.asyncio: missing",
                        "extra.yaml:10: rules[0].guide: 'http://insecure' does not match ^https:// (an https:// link to the part "
                                + "of the migration guide that covers it)",
                        "extra.yaml:12: rules[0].colour: unknown field (allowed: category, example, guide, hints, id, match, message, "
                                + "severity, title, weight)",
                        "extra.yaml:14: rules[0].match.usages[0]: 'calls' is not one of import, call, decorator, base-class, with, "
                                + "except, reference, mock, string",
                        "extra.yaml:15: rules[0].match.symbols[0]: not a dotted name pattern: 'eventlet..spawn'",
                        "extra.yaml:5: rules[0].category: 'nonsense' is not a declared category (declared: import, pool)"));
    }

    /** Categories are data: a rule's must be declared in some file loaded with it. */
    static final String CATEGORIES = "format: 1\ncategories: {import: imports, pool: pools}\n";

    @Test
    void wrongFormatAndDuplicateIdsAreErrors() {
        String one = """
                format: 1
                rules:
                  - {id: EVT001, title: t, category: import, severity: low, weight: 1, message: m,
                     hints: {threading: a, asyncio: b}, guide: "https://removal.eventlet.org/", match: {symbols: [eventlet]}}
                """;
        assertThatThrownBy(() -> RuleLoader.fromSources(Map.of("a.yaml", one, "b.yaml", one.replace("format: 1", "format: 2"),
                "c.yaml", CATEGORIES)))
                .isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "b.yaml:1: format: must be 1, found 2",
                        "b.yaml: rules: duplicate rule id EVT001 (first defined in a.yaml)"));
    }

    @Test
    void aFileMayDeclareTheCategoryItsRulesUse() {
        String mine = """
                format: 1
                categories: {widgets: "the widget framework's green pool"}
                rules:
                  - {id: XTR001, title: t, category: widgets, severity: low, weight: 1, message: m,
                     hints: {threading: a, asyncio: b}, guide: "https://example.org/", match: {symbols: [widgets.pool]}}
                """;
        assertThat(RuleLoader.fromSources(Map.of("mine.yaml", mine)).categories()).containsExactly("widgets");
        assertThatThrownBy(() -> RuleLoader.fromSources(Map.of("mine.yaml", mine.replace("category: widgets", "category: Widgets"))))
                .isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.problems()).containsExactly(
                        "mine.yaml:4: rules[0].category: 'Widgets' does not match ^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
                        "mine.yaml:4: rules[0].category: 'Widgets' is not a declared category (declared: widgets)"));
    }

    @Test
    void dottedPatterns() {
        assertThat(DottedPattern.of("eventlet.**").matches("eventlet")).isTrue();
        assertThat(DottedPattern.of("eventlet.**").matches("eventlet.green.socket")).isTrue();
        assertThat(DottedPattern.of("eventlet.**").matches("eventlets")).isFalse();
        assertThat(DottedPattern.of("eventlet.green.*").matches("eventlet.green.socket")).isTrue();
        assertThat(DottedPattern.of("eventlet.green.*").matches("eventlet.green.socket.socket")).isFalse();
        assertThat(DottedPattern.of("eventlet.spawn*").matches("eventlet.spawn_n")).isTrue();
        assertThat(DottedPattern.of("eventlet.x").specificity()).isGreaterThan(DottedPattern.of("eventlet.**").specificity());
        assertThat(DottedPattern.of("eventlet.**.sleep").matches("eventlet.sleep")).isTrue();
        assertThat(DottedPattern.of("eventlet.**.sleep").matches("eventlet.greenthread.x.sleep")).isTrue();
        assertThat(DottedPattern.of("eventlet.**.sleep").matches("eventlet.sleepy")).isFalse();
        assertThat(DottedPattern.of("**.monkey_patch").matches("eventlet.patcher.monkey_patch")).isTrue();
        assertThat(DottedPattern.of("eventlet.*.spawn").matches("eventlet.spawn")).isFalse();
        assertThat(DottedPattern.of("eventlet.sp*wn*").matches("eventlet.spwn")).isTrue();
        assertThat(DottedPattern.of("eventlet.sp*wn*").matches("eventlet.spawn_n")).isTrue();
        assertThat(DottedPattern.of("eventlet.sp*wn*").matches("eventlet.span")).isFalse();
        assertThat(DottedPattern.of("eventlet.*").matches("eventlet.")).isFalse();
        String chain = "eventlet" + ".a".repeat(20_000); // a generated attribute chain: no stack overflow
        assertThat(DottedPattern.of("eventlet.**").matches(chain)).isTrue();
        assertThat(DottedPattern.of("eventlet.**.b").matches(chain)).isFalse();
    }

    @Test
    void theMostSpecificRuleWins() {
        RuleSet rules = RuleLoader.load(List.of());
        assertThat(rules.ruleFor(new Usage(Usage.Kind.CALL, "eventlet.patcher.monkey_patch", 0)))
                .map(Rule::id).contains("EVT100");
        assertThat(rules.ruleFor(new Usage(Usage.Kind.IMPORT, "eventlet.patcher.monkey_patch", 0)))
                .map(Rule::id).contains("EVT001");
    }

    @Test
    void canonicalNamesFollowReexports() {
        SymbolNames names = RuleLoader.load(List.of()).symbols();
        assertThat(names.canonical("eventlet.spawn")).isEqualTo("eventlet.greenthread.spawn");
        assertThat(names.canonical("eventlet.Timeout.cancel")).isEqualTo("eventlet.timeout.Timeout.cancel");
        assertThat(names.canonical("eventlet.greenthread.spawn")).isEqualTo("eventlet.greenthread.spawn");
        assertThat(names.canonical("eventlet.spawner")).isEqualTo("eventlet.spawner");
    }
}
