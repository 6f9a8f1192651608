package dev.eventletscan.config;

import dev.eventletscan.model.FailOn;
import dev.eventletscan.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The settings of {@code .eventlet-scan.yaml} or of {@code [tool.eventlet-scan]} in {@code pyproject.toml}.
 * A null field was not set; the command line overrides any field it sets. Paths are resolved against the
 * configuration file's folder.
 *
 * @param file the configuration file
 * @param lines the line each key was set on, for messages about values only checkable later (rule names)
 */
public record ProjectConfig(
        Path file,
        String section,
        Map<String, Integer> lines,
        List<String> include,
        List<String> exclude,
        List<String> disable,
        List<String> enable,
        Map<String, Severity> severity,
        List<Path> rules,
        Path baseline,
        FailOn failOn,
        Double failOnScore,
        List<String> failOnCategory,
        Severity failSeverity,
        Integer wrapperDepth) {

    /** No configuration file: nothing set. */
    public static ProjectConfig none() {
        return new ProjectConfig(null, "", Map.of(), null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Where a key was set, as messages start: {@code pyproject.toml:14: tool.eventlet-scan.disable}. */
    public String where(String key) {
        return file + ":" + lines.getOrDefault(key, 1) + ": " + (section.isEmpty() ? "" : section + ".") + key;
    }
}
