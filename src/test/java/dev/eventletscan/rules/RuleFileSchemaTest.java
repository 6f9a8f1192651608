package dev.eventletscan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.eventletscan.TestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published rule-file schema and the loader agree on every shipped file, and the schema is not vacuous. */
class RuleFileSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonSchema schema() throws IOException {
        String text = Files.readString(TestSupport.projectDir().resolve("rules/schema/rule-file.schema.json"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
    }

    @Test
    void everyShippedRuleFileFollowsTheSchema() throws IOException {
        Map<String, String> shipped = RuleLoader.shippedFiles();
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(4);
        JsonSchema schema = schema();
        for (var file : shipped.entrySet()) {
            JsonNode doc = YAML.readTree(file.getValue());
            assertThat(schema.validate(doc)).as(file.getKey()).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsARuleWithTwoKindsOfMatch() throws IOException {
        JsonNode doc = YAML.readTree("""
                format: 1
                rules:
                  - {id: EVT001, title: t, category: import, severity: low, weight: 1, message: m,
                     hints: {threading: a, asyncio: b}, guide: "https://x", match: {symbols: [eventlet], text: x}}
                """);
        assertThat(schema().validate(doc)).isNotEmpty();
    }
}
