package dev.eventletscan.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.eventletscan.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's CI snippets are copied into projects as they are: they must parse, and the configuration must load. */
class ReadmeSnippetsTest {
    @TempDir
    Path tmp;

    static List<String> blocks(String language) throws Exception {
        String readme = Files.readString(TestSupport.projectDir().resolve("README.md"));
        String gating = readme.substring(readme.indexOf("## CI gating"), readme.indexOf("## Rules are data"));
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(gating);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The set-up section shows the first command's output; it has to be what that command prints today. */
    @Test
    void theSetUpListingIsWhatTheFirstCommandPrints() throws Exception {
        String readme = Files.readString(TestSupport.projectDir().resolve("README.md"));
        String setUp = readme.substring(readme.indexOf("## Set-up: two commands"));
        Matcher m = Pattern.compile("```\\n(samples/green-service/.*?)```", Pattern.DOTALL).matcher(setUp);
        assertThat(m.find()).as("the listing after the set-up commands").isTrue();
        TestSupport.CliRun run = TestSupport.cli("scan", TestSupport.projectDir().resolve("samples/green-service").toString(),
                "--format", "text", "--no-cache");
        String printed = run.out().replace(TestSupport.projectDir().resolve("samples").toString(), "samples");
        assertThat(m.group(1)).isEqualTo(printed);
    }

    @Test
    void theConfigurationExampleLoadsWithEveryKeyItShows() throws Exception {
        List<String> toml = blocks("toml");
        assertThat(toml).hasSize(1);
        Path file = tmp.resolve("pyproject.toml");
        Files.writeString(file, toml.getFirst());
        ProjectConfig c = ConfigFiles.read(file);
        assertThat(c.failOn()).isNotNull();
        assertThat(c.severity()).isNotEmpty();
        // Every key but include, which the README leaves out on purpose: it narrows the scan to what it names.
        assertThat(c.lines().keySet()).containsExactlyInAnyOrderElementsOf(
                ConfigReader.KEYS.stream().filter(k -> !k.equals("include")).toList());
    }

    @Test
    void theWorkflowAndPreCommitExamplesAreValidYaml() throws Exception {
        List<String> yaml = blocks("yaml");
        assertThat(yaml).hasSize(2);
        JsonNode preCommit = new YAMLMapper().readTree(yaml.get(0));
        JsonNode hookIds = new YAMLMapper().readTree(TestSupport.projectDir().resolve(".pre-commit-hooks.yaml").toFile());
        List<String> declared = new ArrayList<>();
        hookIds.forEach(h -> declared.add(h.get("id").asText()));
        assertThat(declared).contains(preCommit.at("/repos/0/hooks/0/id").asText());
        JsonNode workflow = new YAMLMapper().readTree(yaml.get(1));
        String run = step(workflow, "eventlet-scan").get("run").asText();
        assertThat(run).contains("--fail-on new").contains("-o github:-").contains("eventlet-scan.sarif");
        assertThat(workflow.at("/jobs/eventlet/steps").findValuesAsText("sarif_file")).containsExactly("eventlet-scan.sarif");
        // the release comes from the cache keyed on the tool's revision, and is built only when that misses
        String cacheKey = workflow.at("/jobs/eventlet/steps").findValuesAsText("key").getFirst();
        assertThat(cacheKey).contains("steps.tool.outputs.revision");
        assertThat(step(workflow, "build the release (only when the cache has none for this revision)").get("run").asText())
                .contains("./build dist");
        assertThat(run).startsWith("~/eventlet-scan-release/bin/eventlet-scan scan");
    }

    private static JsonNode step(JsonNode workflow, String name) {
        for (JsonNode step : workflow.at("/jobs/eventlet/steps")) {
            if (name.equals(step.path("name").asText())) {
                return step;
            }
        }
        throw new AssertionError("the workflow has no step named " + name);
    }
}
