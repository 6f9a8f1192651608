package dev.eventletscan.config;

import static dev.eventletscan.TestSupport.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventletscan.TestSupport.CliRun;
import dev.eventletscan.model.FailOn;
import dev.eventletscan.model.InvalidInputException;
import dev.eventletscan.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file: where it is found, what it may say, and that the command line wins. */
class ProjectConfigTest {
    @TempDir
    Path tmp;

    Path project(String configName, String config) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Files.createDirectories(dir.resolve("svc/tests"));
        Files.writeString(dir.resolve("svc/run.py"), "import eventlet\neventlet.monkey_patch()\n");
        Files.writeString(dir.resolve("svc/tests/test_run.py"), "import eventlet\n");
        Files.writeString(dir.resolve("README.md"), "Uses eventlet.\n");
        if (configName != null) {
            Files.writeString(dir.resolve(configName), config);
        }
        return dir;
    }

    @Test
    void pyprojectTableIsReadWithEveryKey() throws Exception {
        Path dir = project("pyproject.toml", """
                [project]
                name = "svc"

                [tool.eventlet-scan]
                include = ["*.py"]
                exclude = "tests"
                disable = ["docs"]
                enable = ["EVT950"]
                rules = ["extra.yaml"]
                baseline = "ci/baseline.json"
                fail-on = "new"
                fail-on-score = 40.5
                fail-on-category = ["monkey-patch"]
                fail-severity = "medium"

                [tool.eventlet-scan.severity]
                EVT001 = "high"
                """);
        assertThat(ConfigFiles.find(dir.resolve("svc"))).contains(dir.resolve("pyproject.toml").toAbsolutePath());
        ProjectConfig c = ConfigFiles.read(dir.resolve("pyproject.toml"));
        assertThat(c.include()).containsExactly("*.py");
        assertThat(c.exclude()).containsExactly("tests");
        assertThat(c.disable()).containsExactly("docs");
        assertThat(c.enable()).containsExactly("EVT950");
        assertThat(c.rules()).containsExactly(dir.resolve("extra.yaml").toAbsolutePath());
        assertThat(c.baseline()).isEqualTo(dir.resolve("ci/baseline.json").toAbsolutePath());
        assertThat(c.failOn()).isEqualTo(FailOn.NEW);
        assertThat(c.failOnScore()).isEqualTo(40.5);
        assertThat(c.failOnCategory()).containsExactly("monkey-patch");
        assertThat(c.failSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(c.severity()).isEqualTo(Map.of("EVT001", Severity.HIGH));
        assertThat(c.where("fail-on")).isEqualTo(dir.resolve("pyproject.toml") + ":11: tool.eventlet-scan.fail-on");
    }

    @Test
    void unknownKeysAndBadValuesNameFileLineAndKey() throws Exception {
        Path dir = project(".eventlet-scan.yaml", """
                exclude: [tests]
                fail-on: sometimes
                colour: true
                fail-on-score: 140
                severity:
                  EVT001: loud
                """);
        Path file = dir.resolve(".eventlet-scan.yaml");
        assertThatThrownBy(() -> ConfigFiles.read(file)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).containsExactly(
                        file + ":2: fail-on: must be new, any or none, was 'sometimes'",
                        file + ":3: colour: unknown key (known: baseline, disable, enable, exclude, fail-on, fail-on-category, "
                                + "fail-on-score, fail-severity, include, rules, severity, wrapper-depth)",
                        file + ":4: fail-on-score: must be a number from 0 to 100, was 140",
                        file + ":6: severity.EVT001: must be info, low, medium or high, was 'loud'"));

        CliRun run = cli("scan", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":3: colour: unknown key");
    }

    @Test
    void aRuleNameTheRulesDoNotKnowIsTracedToItsKey() throws Exception {
        Path dir = project("pyproject.toml", "[tool.eventlet-scan]\nexclude = [\"tests\"]\ndisable = [\"EVT999\"]\n");
        CliRun run = cli("scan", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("eventlet-scan: error: cannot disable 'EVT999': no rule or category of that name ("
                + dir.resolve("pyproject.toml").toAbsolutePath() + ":3: tool.eventlet-scan.disable)");
    }

    @Test
    void twoConfigurationsInOneFolderAreAnError() throws Exception {
        Path dir = project(".eventlet-scan.yaml", "fail-on: new\n");
        Files.writeString(dir.resolve("pyproject.toml"), "[tool.eventlet-scan]\nfail-on = \"any\"\n");
        CliRun run = cli("scan", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("both this file and").contains("keep one");
        // A pyproject.toml without the table is not a configuration.
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"svc\"\n");
        assertThat(ConfigFiles.find(dir)).contains(dir.resolve(".eventlet-scan.yaml").toAbsolutePath());
    }

    @Test
    void theNearestConfigurationUpToTheGitRootApplies() throws Exception {
        Path dir = project(".eventlet-scan.yaml", "fail-on: any\n");
        assertThat(ConfigFiles.find(dir.resolve("svc/tests"))).contains(dir.resolve(".eventlet-scan.yaml").toAbsolutePath());
        Files.createDirectories(dir.resolve("svc/.git"));
        assertThat(ConfigFiles.find(dir.resolve("svc/tests"))).as("the git root bounds the search").isEmpty();
    }

    @Test
    void theConfigurationDrivesTheScanAndTheCommandLineOverridesIt() throws Exception {
        Path dir = project(".eventlet-scan.yaml", """
                exclude: [tests]
                disable: [docs]
                severity: {monkey-patch: medium}
                fail-on-category: [monkey-patch]
                """);
        CliRun configured = cli("scan", dir.toString(), "--format", "text");
        assertThat(configured.exitCode()).isEqualTo(1);
        assertThat(configured.out()).contains("svc/run.py:2:1: EVT100").contains("[monkey-patch, medium]")
                .doesNotContain("test_run.py").doesNotContain("README.md");
        assertThat(configured.err()).contains("gate failed: --fail-on-category monkey-patch: 1 monkey-patch finding");

        CliRun overridden = cli("scan", dir.toString(), "--format", "text", "--exclude", "nothing", "--fail-on-category",
                "pool", "--severity", "monkey-patch=high");
        assertThat(overridden.exitCode()).isZero();
        assertThat(overridden.out()).contains("test_run.py").contains("[monkey-patch, high]").doesNotContain("README.md");

        CliRun ignored = cli("scan", dir.toString(), "--format", "text", "--no-config");
        assertThat(ignored.exitCode()).isZero();
        assertThat(ignored.out()).contains("README.md");
    }

    @Test
    void gatesOnScoreAndSeverity() throws Exception {
        Path dir = project(null, null);
        assertThat(cli("scan", dir.toString(), "--fail-on-score", "99").exitCode()).isZero();
        CliRun score = cli("scan", dir.toString(), "--fail-on-score", "1");
        assertThat(score.exitCode()).isEqualTo(1);
        assertThat(score.err()).containsPattern("gate failed: --fail-on-score 1: difficulty [0-9.]+/100 is at or above 1");
        assertThat(cli("scan", dir.toString(), "--fail-on", "any", "--exclude", "svc").exitCode())
                .as("a docs mention is info, below the default least severity").isZero();
        assertThat(cli("scan", dir.toString(), "--fail-on", "any", "--exclude", "svc", "--fail-severity", "info").exitCode())
                .isEqualTo(1);
        assertThat(cli("scan", dir.toString(), "--fail-on", "sometimes").exitCode()).isEqualTo(2);
        assertThat(cli("scan", dir.toString(), "--fail-on-score", "101").exitCode()).isEqualTo(2);
        assertThat(cli("scan", dir.toString(), "--fail-on-category", "nope").err()).contains("no category 'nope'");
    }
}
