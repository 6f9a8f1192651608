package dev.eventletscan.rules;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The shipped rule files as the build read them, in one JSON file ({@value #BUNDLE}): each file's tree and the line
 * of each of its values, under a checksum of its text. A scan's start-up reads that instead of parsing the YAML,
 * which took a quarter of a warm re-scan's CPU (SnakeYAML, run cold). A file is taken from the bundle only when its
 * text is the one the bundle was made from; any other is parsed, so an out-of-date bundle costs time, never rules.
 */
public final class ShippedRules {
    /** Where the bundle lies on the class path, beside the files it holds. */
    static final String BUNDLE = "rules/shipped-rules.json";
    private static final int FORMAT = 1;

    private ShippedRules() {}

    /**
     * The build step (pom.xml, process-classes): reads the rule files on the class path, as a scan does, and writes
     * their bundle into the class folder given.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ShippedRules CLASS_FOLDER");
        }
        Path out = Path.of(args[0]).resolve(BUNDLE);
        Files.createDirectories(out.getParent());
        Files.write(out, bundle(RuleLoader.shippedFiles()));
    }

    /** The bundle of these rule files (file name to text): the same files always give the same bytes. */
    static byte[] bundle(Map<String, String> files) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = LocatedYaml.JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeObjectFieldStart("files");
            for (var file : new TreeMap<>(files).entrySet()) {
                LocatedYaml doc = LocatedYaml.parse(file.getValue());
                g.writeObjectFieldStart(file.getKey());
                g.writeStringField("checksum", checksum(file.getValue()));
                g.writeObjectFieldStart("lines");
                for (var line : new TreeMap<>(doc.lines()).entrySet()) {
                    g.writeNumberField(line.getKey(), line.getValue());
                }
                g.writeEndObject();
                g.writeFieldName("root");
                mapper.writeTree(g, doc.root);
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /**
     * The documents of the bundle on the class path whose text is the one given, by file name: none when there is no
     * bundle (a build that skipped the step) or it does not read.
     *
     * @param texts the texts to be read, by file name
     */
    static Map<String, LocatedYaml> documents(Map<String, String> texts) {
        try (InputStream in = ShippedRules.class.getResourceAsStream("/" + BUNDLE)) {
            return in == null ? Map.of() : documents(in.readAllBytes(), texts);
        } catch (IOException | RuntimeException e) {
            return Map.of(); // the files are parsed instead
        }
    }

    static Map<String, LocatedYaml> documents(byte[] bundle, Map<String, String> texts) throws IOException {
        Map<String, LocatedYaml> out = new HashMap<>();
        try (JsonParser p = LocatedYaml.JSON.createParser(bundle)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            expect(p.nextToken(), JsonToken.FIELD_NAME);
            if (!p.currentName().equals("format") || p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != FORMAT) {
                return Map.of(); // another build's bundle
            }
            expect(p.nextToken(), JsonToken.FIELD_NAME);
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                expect(p.nextToken(), JsonToken.START_OBJECT);
                String text = texts.get(name);
                String checksum = null;
                Map<String, Integer> lines = new HashMap<>();
                JsonNode root = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (field) {
                        case "checksum" -> checksum = p.getText();
                        case "lines" -> {
                            expect(value, JsonToken.START_OBJECT);
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String path = p.currentName();
                                expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
                                lines.put(path, p.getIntValue());
                            }
                        }
                        case "root" -> root = LocatedYaml.value(p);
                        default -> p.skipChildren();
                    }
                }
                if (text != null && root != null && checksum(text).equals(checksum)) {
                    out.put(name, LocatedYaml.of(root, lines));
                }
            }
        }
        return out;
    }

    private static void expect(JsonToken token, JsonToken wanted) throws IOException {
        if (token != wanted) {
            throw new IOException("not a rule bundle: " + token + " where " + wanted + " belongs");
        }
    }

    /**
     * Which text a document was read from. It tells an out-of-date bundle from the files beside it in the same jar or
     * class folder, no one's forgery: a CRC and the length, which cost next to nothing to check.
     */
    private static String checksum(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return bytes.length + ":" + Long.toHexString(crc.getValue());
    }
}
