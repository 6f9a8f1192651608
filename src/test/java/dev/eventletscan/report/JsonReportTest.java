package dev.eventletscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
    void theSchemaRejectsWhatItShould() throws IOException {
        JsonNode report = JsonRenderer.mapper().readTree(json(TestSupport.sample("green-service"), 0));
        ((com.fasterxml.jackson.databind.node.ObjectNode) report.at("/findings/0")).put("line", 0);
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
