package dev.eventletscan.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.fileio.InsideTree;
import dev.eventletscan.model.FailOn;
import dev.eventletscan.model.InvalidInputException;
import dev.eventletscan.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a configuration table key by key, collecting a {@code file:line: key: problem} line for each fault. */
final class ConfigReader {
    static final Set<String> KEYS = Set.of("include", "exclude", "disable", "enable", "severity", "rules", "baseline",
            "fail-on", "fail-on-score", "fail-on-category", "fail-severity", "wrapper-depth");

    private final Path file;
    private final String section;
    private final Map<String, Integer> lines;
    private final JsonNode table;
    private final List<String> problems = new ArrayList<>();
    private final ProjectConfig located;

    private ConfigReader(Path file, String section, Map<String, Integer> lines, JsonNode table) {
        this.file = file;
        this.section = section;
        this.lines = lines;
        this.table = table;
        this.located = new ProjectConfig(file, section, lines, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static ProjectConfig read(Path file, String section, Map<String, Integer> lines, JsonNode table) {
        return new ConfigReader(file, section, lines, table).read();
    }

    private ProjectConfig read() {
        if (!table.isObject()) {
            throw new InvalidInputException(file + ":1: " + (section.isEmpty() ? "" : section + ": ")
                    + "the configuration must be a mapping of keys (" + String.join(", ", new TreeSet<>(KEYS)) + ")");
        }
        table.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                problems.add(where(key) + ": unknown key (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        });
        Path dir = file.toAbsolutePath().getParent();
        var config = new ProjectConfig(file, section, lines,
                strings("include"), strings("exclude"), strings("disable"), strings("enable"), severities("severity"),
                paths("rules", dir), path("baseline", dir),
                value("fail-on", JsonNode::isTextual, "must be new, any or none", n -> FailOn.parse(n.asText())),
                value("fail-on-score", n -> n.isNumber() && n.asDouble() >= 0 && n.asDouble() <= 100,
                        "must be a number from 0 to 100", JsonNode::asDouble),
                strings("fail-on-category"),
                value("fail-severity", JsonNode::isTextual, "must be info, low, medium or high", n -> severity(n.asText())),
                value("wrapper-depth", n -> n.isInt() && n.asInt() >= 0 && n.asInt() <= 10, "must be a whole number from 0 to 10",
                        JsonNode::asInt));
        if (!problems.isEmpty()) {
            // values are quoted short: a message is a pointer into the file, not a copy of it
            throw new InvalidInputException(problems.stream().sorted(Comparator.comparingInt(ConfigReader::lineOf))
                    .map(FileErrors::shortenQuoted).toList());
        }
        return config;
    }

    /** The line number a problem starts with, after "file:": problems are reported top to bottom. */
    private static int lineOf(String problem) {
        Matcher m = Pattern.compile(":(\\d+): ").matcher(problem);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private String where(String key) {
        return located.where(key);
    }

    /** A value checked by {@code valid}, then converted; a conversion's own message is kept when it has one. */
    private <T> T value(String key, Predicate<JsonNode> valid, String expected, Function<JsonNode, T> convert) {
        JsonNode n = table.get(key);
        if (n == null) {
            return null;
        }
        if (valid.test(n)) {
            try {
                return convert.apply(n);
            } catch (IllegalArgumentException e) {
                problems.add(where(key) + ": " + e.getMessage());
                return null;
            }
        }
        problems.add(where(key) + ": " + expected + ", was " + n);
        return null;
    }

    /** A string or a list of strings. */
    private List<String> strings(String key) {
        JsonNode n = table.get(key);
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            return List.of(n.asText());
        }
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode item : n) {
                if (!item.isTextual() || item.asText().isBlank()) {
                    problems.add(where(key) + ": must be a list of non-empty strings, found " + item);
                    return null;
                }
                out.add(item.asText());
            }
            return out;
        }
        problems.add(where(key) + ": must be a string or a list of strings, was " + n);
        return null;
    }

    private List<Path> paths(String key, Path dir) {
        List<String> names = strings(key);
        return names == null ? null : names.stream().map(name -> inRepository(key, dir, name)).toList();
    }

    private Path path(String key, Path dir) {
        return value(key, n -> n.isTextual() && !n.asText().isBlank(), "must be a file path", n -> inRepository(key, dir, n.asText()));
    }

    /**
     * A path the configuration names, which must lead (after its links) into the repository holding the
     * configuration: a repository's settings cannot make the scanner read or write elsewhere. Only the command
     * line names files anywhere.
     */
    private Path inRepository(String key, Path dir, String name) {
        Path path = dir.resolve(name).normalize();
        Path repository = InsideTree.repositoryOf(dir);
        try {
            if (InsideTree.contains(repository, path)) {
                return path;
            }
        } catch (IOException e) {
            problems.add(where(key) + ": " + name + ": " + FileErrors.reason(e));
            return path;
        }
        problems.add(where(key) + ": " + name + " leads outside the repository (" + repository
                + "); a configuration names files inside it only (give others on the command line)");
        return path;
    }

    private Map<String, Severity> severities(String key) {
        JsonNode n = table.get(key);
        if (n == null) {
            return null;
        }
        if (!n.isObject()) {
            problems.add(where(key) + ": must map rule ids or categories to info, low, medium or high, was " + n);
            return null;
        }
        Map<String, Severity> out = new TreeMap<>();
        n.fields().forEachRemaining(e -> {
            try {
                if (!e.getValue().isTextual()) {
                    throw new IllegalArgumentException("must be info, low, medium or high, was " + e.getValue());
                }
                out.put(e.getKey(), severity(e.getValue().asText()));
            } catch (IllegalArgumentException ex) {
                problems.add(where(key) + "." + e.getKey() + ": " + ex.getMessage());
            }
        });
        return out;
    }

    static Severity severity(String text) {
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be info, low, medium or high, was '" + text + "'");
        }
    }
}
