package dev.eventletscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.eventletscan.TestSupport;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our SARIF against the official SARIF 2.1.0 schema, and the properties code-scanning platforms rely on. */
class SarifReportTest {
    @TempDir
    Path tmp;

    static JsonSchema schema() throws IOException {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    static JsonNode sarif(Path target) throws IOException {
        ScanRequest request = ScanRequest.of(target);
        ScanResult result = Scanner.forRequest(request).scan(request);
        StringWriter out = new StringWriter();
        new SarifRenderer().render(result, out);
        return JsonRenderer.mapper().readTree(out.toString());
    }

    static Stream<String> samples() throws IOException {
        try (Stream<Path> list = Files.list(TestSupport.projectDir().resolve("samples"))) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleGivesValidSarif(String sample) throws IOException {
        JsonNode log = sarif(TestSupport.sample(sample));
        assertThat(schema().validate(log)).isEmpty();
        JsonNode run = log.at("/runs/0");
        for (JsonNode result : run.get("results")) {
            int index = result.get("ruleIndex").asInt();
            assertThat(run.at("/tool/driver/rules/" + index + "/id").asText()).isEqualTo(result.get("ruleId").asText());
        }
    }

    @Test
    void suppressedFindingsAreMarkedAndBrokenLogsFailTheSchema() throws IOException {
        JsonNode log = sarif(TestSupport.sample("tricky-aliasing"));
        List<JsonNode> suppressed = new ArrayList<>();
        log.at("/runs/0/results").forEach(r -> {
            if (r.has("suppressions")) {
                suppressed.add(r);
            }
        });
        assertThat(suppressed).isNotEmpty().allSatisfy(r -> assertThat(r.at("/suppressions/0/kind").asText()).isEqualTo("inSource"));
        assertThat(log.at("/runs/0/columnKind").asText()).isEqualTo("unicodeCodePoints");

        ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(schema().validate(log)).isNotEmpty();
    }

    @Test
    void fingerprintsAreUniqueAndSurviveLinesAddedAbove() throws IOException {
        Path copy = tmp.resolve("svc");
        copyTree(TestSupport.sample("green-service"), copy);
        Map<String, String> before = fingerprints(sarif(copy));
        assertThat(new HashSet<>(before.values())).hasSameSizeAs(before.values());

        Path worker = copy.resolve("green_service/worker.py");
        Files.writeString(worker, "# a new first line\n\n" + Files.readString(worker));
        Map<String, String> after = fingerprints(sarif(copy));
        assertThat(after.values()).containsExactlyInAnyOrderElementsOf(before.values());
        assertThat(after.keySet()).isNotEqualTo(before.keySet()); // the lines did move
    }

    /** By {@code path:line:col:rule}. */
    private static Map<String, String> fingerprints(JsonNode log) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode r : log.at("/runs/0/results")) {
            JsonNode loc = r.at("/locations/0/physicalLocation");
            out.put(loc.at("/artifactLocation/uri").asText() + ":" + loc.at("/region/startLine").asInt() + ":"
                    + loc.at("/region/startColumn").asInt() + ":" + r.get("ruleId").asText(),
                    r.at("/partialFingerprints/eventletScan~1v2").asText());
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
