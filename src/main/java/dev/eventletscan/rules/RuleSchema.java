package dev.eventletscan.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The published rule-file schema ({@code rules/schema/rule-file.schema.json}), applied to a document read
 * with {@link LocatedYaml}, its messages turned into {@code line: path: problem}.
 */
final class RuleSchema {
    private static final String RESOURCE = "rules/schema";
    private static volatile Loaded loaded;

    private RuleSchema() {}

    /** One schema violation: the path in the document ({@code rules[3].match}) and what is wrong there. */
    record Problem(String path, String message) {}

    static List<Problem> validate(JsonNode document) {
        Set<ValidationMessage> messages = loaded().schema.validate(document);
        Set<String> oneOfs = messages.stream().filter(m -> m.getType().equals("oneOf"))
                .map(m -> m.getInstanceLocation().toString()).collect(Collectors.toSet());
        List<Problem> out = new ArrayList<>();
        for (ValidationMessage m : messages) {
            if (m.getType().equals("oneOf") || !oneOfs.contains(m.getInstanceLocation().toString())) {
                out.add(problem(m)); // beside a oneOf's own message, why each alternative failed only adds noise
            }
        }
        return out;
    }

    private static Problem problem(ValidationMessage m) {
        String at = path(m);
        JsonNode rule = m.getSchemaNode();
        JsonNode owner = owner(m);
        return switch (m.getType()) {
            case "required" -> new Problem(join(at, m.getProperty()), "missing");
            case "additionalProperties" -> new Problem(join(at, m.getProperty()),
                    "unknown field (allowed: " + String.join(", ", keys(owner.path("properties"))) + ")");
            case "propertyNames" -> new Problem(join(at, m.getProperty()),
                    "does not go with the others (allowed together: " + list(rule.path("enum")) + ")");
            case "enum" -> new Problem(at, quoted(m.getInstanceNode()) + " is not one of " + list(rule));
            case "const" -> new Problem(at, "must be " + rule + ", found " + m.getInstanceNode());
            case "pattern" -> new Problem(at, quoted(m.getInstanceNode()) + " does not match " + rule.asText()
                    + (owner.has("description") ? " (" + owner.get("description").asText() + ")" : ""));
            case "oneOf" -> new Problem(at, "needs exactly one of " + StreamSupport.stream(rule.spliterator(), false)
                    .map(b -> "'" + b.path("required").path(0).asText() + "'").collect(Collectors.joining(", ")));
            default -> new Problem(at, m.getError());
        };
    }

    /** The schema object holding the keyword that failed (its properties, its description). */
    private static JsonNode owner(ValidationMessage m) {
        String location = m.getSchemaLocation().toString();
        String pointer = location.substring(location.indexOf('#') + 1);
        return loaded().document.at(pointer.substring(0, Math.max(0, pointer.lastIndexOf('/'))));
    }

    /** {@code $.rules[3].match} as the loader's paths spell it: {@code rules[3].match}. */
    private static String path(ValidationMessage m) {
        String p = m.getInstanceLocation().toString();
        return p.equals("$") ? "" : p.substring(2);
    }

    private static String join(String path, String key) {
        return key == null ? path : path.isEmpty() ? key : path + "." + key;
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.properties().forEach(e -> out.add(e.getKey()));
        return out;
    }

    private static String quoted(JsonNode value) {
        return value != null && value.isTextual() ? "'" + value.asText() + "'" : String.valueOf(value);
    }

    private static String list(JsonNode values) {
        return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(", "));
    }

    private record Loaded(JsonNode document, JsonSchema schema) {}

    private static Loaded loaded() {
        Loaded known = loaded;
        if (known == null) {
            String text = ShippedFolder.read(RESOURCE, 1, name -> name.endsWith("rule-file.schema.json"))
                    .values().stream().findFirst()
                    .orElseThrow(() -> new RuleFileException(List.of(RESOURCE + "/rule-file.schema.json: not on the class path")));
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            try {
                known = new Loaded(new ObjectMapper().readTree(text), factory.getSchema(text));
            } catch (JsonProcessingException e) {
                throw new RuleFileException(List.of(RESOURCE + "/rule-file.schema.json: " + e.getOriginalMessage()));
            }
            loaded = known;
        }
        return known;
    }
}
