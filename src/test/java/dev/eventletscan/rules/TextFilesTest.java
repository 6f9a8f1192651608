package dev.eventletscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextFilesTest {
    private static final String[] PARTS = {"", ".", "*", "env", "conf", "ini", "cfg", "yaml", "yml", "txt", "md", "rst",
        "sh", "Dockerfile", "requirements", "constraints", "entry_points", "top_level", "SOURCES", "service", "tpl", "po",
        "json", "-", "_", "a", "README", "{", ",", "["};

    /** The one combined matcher passes over exactly the names no rule reads. */
    @Test
    void wantsTheSameNamesAsEveryRuleAskedInTurn() {
        RuleSet rules = RuleLoader.load(List.of());
        List<String> names = new ArrayList<>(List.of(".env", "nova.conf", "README.rst", "requirements.txt",
                "test-requirements.txt", "entry_points.txt", "SOURCES.txt", "Dockerfile", "Dockerfile.dev", "x.tpl",
                "nova.po", "api-paste.ini", "setup.cfg", "tox.ini", "a.yaml", "b.yml", "run.sh", "notes.md", "x.py"));
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                name.append(PARTS[random.nextInt(PARTS.length)]);
            }
            if (!name.isEmpty() && !name.toString().contains("/")) {
                names.add(name.toString());
            }
        }
        int wanted = 0;
        for (String name : names) {
            boolean each = rules.rules().stream().anyMatch(r -> r.match() instanceof TextMatch t && t.appliesTo(name));
            assertThat(rules.wantsText(name)).as(name).isEqualTo(each);
            wanted += each ? 1 : 0;
        }
        assertThat(wanted).as("names some rule reads").isGreaterThan(500).isLessThan(names.size() - 5_000);
    }

    @Test
    void globsThatAreGroupsThemselvesAreAskedOfTheRules() {
        TextFiles grouped = TextFiles.of(List.of(FileGlob.of("*.{conf,ini}"), FileGlob.of("*.txt")));
        assertThat(grouped.any()).isNull();
        assertThat(grouped.mayBeWanted("x.tpl")).isTrue();
        TextFiles plain = TextFiles.of(List.of(FileGlob.of("*.conf"), FileGlob.of("Dockerfile*")));
        assertThat(plain.mayBeWanted("nova.conf")).isTrue();
        assertThat(plain.mayBeWanted("Dockerfile.dev")).isTrue();
        assertThat(plain.mayBeWanted("nova.po")).isFalse();
        assertThat(TextFiles.of(List.of()).mayBeWanted("nova.conf")).isFalse();
    }
}
