package dev.eventletscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The build's bundle of the shipped rule files stands in for their YAML exactly, and only for the text it was made from. */
class ShippedRulesTest {
    @Test
    void theBundleOnTheClassPathHoldsEveryShippedFileAsItsYamlReads() throws IOException {
        Map<String, String> shipped = RuleLoader.shippedFiles();
        Map<String, LocatedYaml> bundled = ShippedRules.documents(shipped);
        assertThat(bundled.keySet()).as("the build step ran on these very files").isEqualTo(shipped.keySet());
        for (var file : shipped.entrySet()) {
            LocatedYaml parsed = LocatedYaml.parse(file.getValue());
            LocatedYaml read = bundled.get(file.getKey());
            assertThat(read.root).as(file.getKey()).isEqualTo(parsed.root);
            assertThat(read.lines()).as(file.getKey()).isEqualTo(parsed.lines());
        }
    }

    @Test
    void aScanLoadsTheSameRulesFromTheBundleAsFromTheYaml() {
        RuleSet parsed = RuleLoader.fromSources(RuleLoader.shippedFiles());
        RuleSet loaded = RuleLoader.load(List.of());
        assertThat(loaded.version()).isEqualTo(parsed.version());
        assertThat(loaded.fingerprint()).isEqualTo(parsed.fingerprint());
        assertThat(loaded.rules()).extracting(r -> r.id() + " " + r.title() + " " + r.category() + " " + r.weight() + " "
                + r.message() + " " + r.hints() + " " + r.guide() + " " + r.example() + " " + r.source() + " " + r.match().describe())
                .containsExactlyElementsOf(parsed.rules().stream().map(r -> r.id() + " " + r.title() + " " + r.category() + " "
                        + r.weight() + " " + r.message() + " " + r.hints() + " " + r.guide() + " " + r.example() + " " + r.source()
                        + " " + r.match().describe()).toList());
        assertThat(loaded.knownDependencies()).isEqualTo(parsed.knownDependencies());
        assertThat(loaded.trackedRoots()).isEqualTo(parsed.trackedRoots());
    }

    @Test
    void aFileWhoseTextIsNotTheBundledOneIsLeftToTheYamlParser() throws IOException {
        String one = "format: 1\ncategories:\n  pool: pools\n";
        String two = "format: 1\nsymbols: {a.b: c.d}\n";
        byte[] bundle = ShippedRules.bundle(Map.of("rules/one.yaml", one, "rules/two.yaml", two));
        Map<String, String> now = new TreeMap<>(Map.of("rules/one.yaml", one, "rules/two.yaml", two.replace("c.d", "c.e"),
                "rules/three.yaml", one));
        Map<String, LocatedYaml> read = ShippedRules.documents(bundle, now);
        assertThat(read).containsOnlyKeys("rules/one.yaml");
        assertThat(read.get("rules/one.yaml").root.path("categories").path("pool").asText()).isEqualTo("pools");
        assertThat(read.get("rules/one.yaml").line("categories.pool")).isEqualTo(3);
        assertThat(ShippedRules.bundle(Map.of("rules/two.yaml", two, "rules/one.yaml", one))).as("deterministic").isEqualTo(bundle);
    }
}
