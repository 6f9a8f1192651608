package dev.eventletscan.detect.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.eventletscan.detect.EntryPoint;
import dev.eventletscan.parse.SourceText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * pyproject.toml: PEP 621 ({@code [project]} dependencies, optional
 * dependencies, scripts), PEP 735 dependency groups, build requirements and
 * Poetry's tables. The TOML library reads the values; each is then located in
 * the text for its line, as the library keeps no positions.
 */
final class PyprojectToml {
    private static final TomlMapper TOML = new TomlMapper();

    private PyprojectToml() {}

    static Manifest read(String path, SourceText source) {
        JsonNode root;
        try {
            root = TOML.readTree(source.text());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid TOML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        Locator locator = new Locator(source);
        List<DeclaredDependency> deps = new ArrayList<>();
        list(deps, locator, root.at("/project/dependencies"), "project.dependencies");
        fields(root.at("/project/optional-dependencies"), (k, v) -> list(deps, locator, v, "project.optional-dependencies." + k));
        fields(root.at("/dependency-groups"), (k, v) -> list(deps, locator, v, "dependency-groups." + k));
        list(deps, locator, root.at("/build-system/requires"), "build-system.requires");
        poetry(deps, locator, root.at("/tool/poetry/dependencies"), "tool.poetry.dependencies");
        poetry(deps, locator, root.at("/tool/poetry/dev-dependencies"), "tool.poetry.dev-dependencies");
        fields(root.at("/tool/poetry/group"), (k, v) -> poetry(deps, locator, v.path("dependencies"), "tool.poetry.group." + k));
        List<EntryPoint> entryPoints = new ArrayList<>();
        scripts(entryPoints, root.at("/project/scripts"), "console_scripts", path);
        scripts(entryPoints, root.at("/project/gui-scripts"), "gui_scripts", path);
        scripts(entryPoints, root.at("/tool/poetry/scripts"), "console_scripts", path);
        fields(root.at("/project/entry-points"), (group, table) -> scripts(entryPoints, table, group, path));
        return new Manifest(deps, entryPoints);
    }

    private static void list(List<DeclaredDependency> out, Locator locator, JsonNode array, String declaredAs) {
        for (JsonNode item : array) {
            if (item.isTextual()) {
                String name = Requirement.name(item.asText());
                if (name != null) {
                    int start = locator.quoted(item.asText());
                    out.add(new DeclaredDependency(name, item.asText(), declaredAs, start, start + locator.length(item.asText())));
                }
            }
        }
    }

    /** Poetry lists dependencies as keys: {@code eventlet = "^0.33"}; {@code python} is the interpreter. */
    private static void poetry(List<DeclaredDependency> out, Locator locator, JsonNode table, String declaredAs) {
        fields(table, (name, spec) -> {
            if (!name.equals("python")) {
                int start = locator.key(name);
                String requirement = name + (spec.isTextual() ? " " + spec.asText() : "");
                out.add(new DeclaredDependency(name, requirement, declaredAs, start, start + locator.length(name)));
            }
        });
    }

    private static void scripts(List<EntryPoint> out, JsonNode table, String group, String path) {
        fields(table, (name, ref) -> {
            if (ref.isTextual()) {
                Manifests.addEntryPoint(out, group, name, ref.asText(), path);
            }
        });
    }

    private static void fields(JsonNode node, BiConsumer<String, JsonNode> each) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            each.accept(e.getKey(), e.getValue());
        }
    }

    /** Finds values in the text, each occurrence used once, so repeated values get successive positions. */
    private static final class Locator {
        private final String text;
        private final SourceText source;
        private final Set<Integer> used = new HashSet<>();

        Locator(SourceText source) {
            this.source = source;
            this.text = source.text();
        }

        int quoted(String value) {
            for (String q : List.of("\"", "'")) {
                for (int i = text.indexOf(q + value + q); i >= 0; i = text.indexOf(q + value + q, i + 1)) {
                    if (used.add(i)) {
                        return bytes(i + 1);
                    }
                }
            }
            return 0;
        }

        int key(String name) {
            var m = Pattern.compile("(?m)^[ \\t]*[\"']?" + Pattern.quote(name) + "[\"']?[ \\t]*=").matcher(text);
            while (m.find()) {
                int at = text.indexOf(name, m.start());
                if (used.add(at)) {
                    return bytes(at);
                }
            }
            return 0;
        }

        int length(String value) {
            return value.getBytes(StandardCharsets.UTF_8).length;
        }

        private int bytes(int charIndex) {
            return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
