package dev.eventletscan.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.eventletscan.fileio.BoundedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which team owns which repository, from a YAML file of {@code team: [repository, ...]}, the shape of a
 * governance file's deliverables per team. A repository no team names belongs to {@link #NONE}.
 *
 * @param byTeam the repositories of each team, as given, teams sorted
 */
public record Teams(SortedMap<String, List<String>> byTeam) {
    public static final String NONE = "(no team)";
    public static final Teams EMPTY = new Teams(new TreeMap<>());

    public Teams {
        SortedMap<String, List<String>> copy = new TreeMap<>();
        byTeam.forEach((k, v) -> copy.put(k, v.stream().sorted().toList()));
        byTeam = Collections.unmodifiableSortedMap(copy);
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    public static Teams read(Path file) throws IOException {
        String text = BoundedFile.readString(file, BoundedFile.CONFIG_BYTES);
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return EMPTY;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a mapping of team names to lists of repositories");
        }
        SortedMap<String, List<String>> out = new TreeMap<>();
        Map<String, String> seen = new TreeMap<>();
        for (var e : root.properties()) {
            if (!e.getValue().isArray()) {
                throw new IllegalArgumentException(file + ": team '" + e.getKey() + "': expected a list of repository names");
            }
            List<String> repos = new ArrayList<>();
            for (JsonNode r : e.getValue()) {
                if (!r.isValueNode()) {
                    throw new IllegalArgumentException(file + ": team '" + e.getKey() + "': a repository must be a name");
                }
                String before = seen.put(r.asText(), e.getKey());
                if (before != null && !before.equals(e.getKey())) {
                    throw new IllegalArgumentException(file + ": repository '" + r.asText() + "' is in two teams: '" + before
                            + "' and '" + e.getKey() + "'");
                }
                repos.add(r.asText());
            }
            out.put(e.getKey(), repos);
        }
        return new Teams(out);
    }

    public String teamOf(String repository) {
        for (var e : byTeam.entrySet()) {
            if (e.getValue().contains(repository)) {
                return e.getKey();
            }
        }
        return NONE;
    }
}
