package dev.eventletscan.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.eventletscan.rules.DependencyMatch;
import dev.eventletscan.rules.RuleFileException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The shipped readiness of libraries tied to eventlet: {@code rules/readiness/libraries.yaml}. */
public record ReadinessBase(Map<String, Entry> libraries, Set<String> notLibraries) {
    static final String FILE = "rules/readiness/libraries.yaml";
    public static final String EVENTLET_ONLY = "eventlet only";
    public static final String DUAL = "dual mode";
    public static final String FREE = "eventlet-free";
    private static final Set<String> STATES = Set.of(EVENTLET_ONLY, DUAL, FREE);

    /** @param since the first release with a non-eventlet path, or null */
    public record Entry(String state, String since, String switchName, String evidence) {}

    public static ReadinessBase shipped() {
        try (InputStream in = ReadinessBase.class.getResourceAsStream("/" + FILE)) {
            if (in == null) {
                throw new RuleFileException(List.of(FILE + ": missing from the class path"));
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new RuleFileException(List.of(FILE + ": " + e.getMessage()));
        }
    }

    static ReadinessBase parse(JsonNode root) {
        if (root == null || root.path("format").asInt() != 1) {
            throw new RuleFileException(List.of(FILE + ": format must be 1"));
        }
        Map<String, Entry> out = new TreeMap<>();
        for (var e : root.path("libraries").properties()) {
            JsonNode v = e.getValue();
            String state = v.path("state").asText();
            if (!STATES.contains(state)) {
                throw new RuleFileException(List.of(FILE + ": " + e.getKey() + ": state must be one of " + new TreeSet<>(STATES)));
            }
            if (!v.hasNonNull("evidence")) {
                throw new RuleFileException(List.of(FILE + ": " + e.getKey() + ": every claim needs its evidence"));
            }
            out.put(DependencyMatch.normalise(e.getKey()), new Entry(state, text(v, "since"), text(v, "switch"), v.get("evidence").asText()));
        }
        Set<String> skip = new TreeSet<>();
        root.path("notLibraries").forEach(n -> skip.add(DependencyMatch.normalise(n.asText())));
        return new ReadinessBase(out, skip);
    }

    private static String text(JsonNode v, String key) {
        return v.hasNonNull(key) ? v.get(key).asText() : null;
    }
}
