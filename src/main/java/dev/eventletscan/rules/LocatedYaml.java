package dev.eventletscan.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML (or JSON) document read into a Jackson tree that remembers the line
 * of every value, so validation can point at {@code file:line} for each field.
 * Paths look like {@code rules[3].match.symbols[0]}. Aliases and duplicate keys are syntax errors.
 */
public final class LocatedYaml {
    static final JsonFactory JSON = new JsonFactory();

    /** Made on first use: a scan whose rules come from the build's bundle ({@link ShippedRules}) parses no YAML. */
    private static final class Yaml {
        static final YAMLFactory FACTORY = new YAMLFactory();
    }

    public final JsonNode root;
    private final Map<String, Integer> lines;

    private LocatedYaml(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    public static LocatedYaml parse(String text) throws IOException {
        return parse(Yaml.FACTORY, text);
    }

    /** Strict JSON, for files this tool writes as JSON (baselines). */
    public static LocatedYaml parseJson(String text) throws IOException {
        return parse(JSON, text);
    }

    private static LocatedYaml parse(JsonFactory factory, String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            JsonNode root = first == null ? JsonNodeFactory.instance.nullNode() : read(p, "", lines);
            return new LocatedYaml(root, lines);
        }
    }

    /** A document read before (see {@link ShippedRules}): its tree and the line of each path, as {@link #lines()} gave them. */
    static LocatedYaml of(JsonNode root, Map<String, Integer> lines) {
        return new LocatedYaml(root, Map.copyOf(lines));
    }

    /** The line of every value, by path ({@code rules[3].match}); the document's own is under the empty path. */
    Map<String, Integer> lines() {
        return Collections.unmodifiableMap(lines);
    }

    /** The value the parser is at, whole, with no lines recorded (the parser then stands on its last token). */
    static JsonNode value(JsonParser p) throws IOException {
        return read(p, "", null);
    }

    /** The line of the value at a path, or of its nearest located parent. */
    public int line(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return lines.getOrDefault("", 1);
            }
            p = p.substring(0, cut);
        }
    }

    /** @param lines where each value's line goes, by path; null to record none */
    private static JsonNode read(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        if (lines != null) {
            lines.put(path, p.currentTokenLocation().getLineNr());
        }
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            // Jackson hands an alias on as its anchor's name, a silently wrong value
            throw new JsonParseException(p, "aliases (*name) are not supported: write the value out");
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode obj = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = lines == null ? "" : path.isEmpty() ? name : path + "." + name;
                    if (obj.has(name)) {
                        // YAML and JSON parsers let the last one win: a second key is more likely a mistake
                        throw new JsonParseException(p, "duplicate key '" + name + "'");
                    }
                    p.nextToken();
                    obj.set(name, read(p, child, lines));
                }
                yield obj;
            }
            case START_ARRAY -> {
                ArrayNode arr = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    arr.add(read(p, lines == null ? "" : path + "[" + i + "]", lines));
                    i++;
                }
                yield arr;
            }
            case VALUE_STRING -> f.textNode(p.getText());
            case VALUE_NUMBER_INT -> f.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> f.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            default -> f.nullNode();
        };
    }
}
