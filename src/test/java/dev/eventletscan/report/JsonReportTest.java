package dev.eventletscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.eventletscan.TestSupport;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    static JsonSchema schema() throws IOException {
        try (InputStream in = JsonReportTest.class.getResourceAsStream("/schema/report.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static String json(Path target, int threads) throws IOException {
        ScanRequest request = new ScanRequest(target, List.of(), List.of(), threads, List.of());
        ScanResult result = Scanner.forRequest(request).scan(request).withoutTiming();
        StringWriter out = new StringWriter();
        new JsonRenderer().render(result, out);
        return out.toString();
    }

    @Test
    void reportOfASampleFollowsTheSchema() throws IOException {
        String text = json(TestSupport.sample("green-service"), 0);
        JsonNode report = JsonRenderer.mapper().readTree(text);
        Set<ValidationMessage> errors = schema().validate(report);
        assertThat(errors).isEmpty();
        assertThat(report.at("/summary/monkeyPatchCalls").asInt()).isEqualTo(2);
        assertThat(report.get("findings").findValues("monkeyPatch")).extracting(p -> p.get("mode").asText())
                .containsExactly("global", "global");
        assertThat(report.at("/tool/schemaVersion").asText()).isEqualTo(Scanner.SCHEMA_VERSION);
    }

    @Test
    void indirectFindingsCarryTheirChainAndFollowTheSchema() throws IOException {
        JsonNode report = JsonRenderer.mapper().readTree(json(TestSupport.sample("facade-project"), 0));
        assertThat(schema().validate(report)).isEmpty();
        JsonNode viaRunLater = null;
        for (JsonNode f : report.get("findings")) {
            if (f.at("/path").asText().equals("src/harbor/api/handlers.py")) {
                viaRunLater = f;
            }
        }
        assertThat(viaRunLater).isNotNull();
        assertThat(viaRunLater.at("/ruleId").asText()).isEqualTo("EVT200"); // the direct symbol's rule
        assertThat(viaRunLater.at("/symbol").asText()).isEqualTo("eventlet.greenthread.spawn");
        assertThat(viaRunLater.get("via").findValuesAsText("name")).containsExactly("harbor.util.run_later", "harbor.concurrency.start");
        assertThat(viaRunLater.get("via").findValuesAsText("kind")).containsExactly("wrapper", "wrapper");
        assertThat(report.at("/summary/indirect/indirectFindings").asInt()).isEqualTo(26);
        assertThat(report.at("/summary/indirect/directFindings").asInt() + report.at("/summary/indirect/indirectFindings").asInt())
                .isEqualTo(report.at("/summary/findings").asInt());
        assertThat(report.at("/interfaces/facades").findValuesAsText("module")).containsExactly("harbor.compat", "harbor.concurrency");
        assertThat(report.at("/assessment/repository/switchOff/answer").asText()).isEqualTo("maybe");
    }

    @Test
    void withoutIndirectUsageTheNewFieldsAreAbsent() throws IOException {
        JsonNode report = JsonRenderer.mapper().readTree(json(TestSupport.sample("mocked-tests"), 0));
        assertThat(report.findValues("via")).isEmpty();
        assertThat(report.has("interfaces")).isFalse();
        assertThat(report.at("/summary").has("indirect")).isFalse();
        assertThat(report.at("/assessment/repository").has("indirectFindings")).isFalse();
        assertThat(report.at("/assessment/packages/0").has("switchOff")).isFalse(); // only the repository and entry points
    }

    @Test
    void theSchemaRejectsWhatItShould() throws IOException {
        JsonNode report = JsonRenderer.mapper().readTree(json(TestSupport.sample("green-service"), 0));
        ((ObjectNode) report.at("/findings/0")).put("line", 0);
        assertThat(schema().validate(report)).isNotEmpty();
    }

    @Test
    void outputIsByteIdenticalWhateverTheThreadCount() throws IOException {
        Path samples = TestSupport.projectDir().resolve("samples");
        String one = json(samples, 1);
        assertThat(json(samples, 4)).isEqualTo(one);
        assertThat(json(samples, 2)).isEqualTo(one);
        assertThat(one).doesNotContain("\r");
    }
}
