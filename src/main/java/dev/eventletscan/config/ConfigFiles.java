package dev.eventletscan.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.eventletscan.fileio.BoundedFile;
import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.fileio.InsideTree;
import dev.eventletscan.model.InvalidInputException;
import dev.eventletscan.rules.LocatedYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds and reads the configuration: {@code .eventlet-scan.yaml} (or {@code .yml}) or the
 * {@code [tool.eventlet-scan]} table of {@code pyproject.toml}, in the scanned folder or the nearest folder above
 * it, up to the root of its git work tree (outside git, up to the file system's root). Two of them in one folder is an error rather than a silent choice.
 */
public final class ConfigFiles {
    public static final List<String> YAML_NAMES = List.of(".eventlet-scan.yaml", ".eventlet-scan.yml");
    static final String SECTION = "tool.eventlet-scan";
    /** Made on first use: most scans find no pyproject.toml with our section, and the mapper takes a while to build. */
    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }
    private static final Pattern SECTION_HEADER = Pattern.compile("^\\s*\\[\\s*tool\\s*\\.\\s*\"?eventlet-scan\"?\\s*\\]\\s*(#.*)?$");

    private ConfigFiles() {}

    /** The configuration that applies to a scan target, if any. */
    public static Optional<Path> find(Path target) throws IOException {
        Path dir = target.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        for (Path d = dir; d != null; d = d.getParent()) {
            Optional<Path> here = inFolder(d);
            if (here.isPresent() || Files.exists(d.resolve(".git"))) {
                return here;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> inFolder(Path dir) throws IOException {
        Path yaml = null;
        for (String name : YAML_NAMES) {
            if (Files.isRegularFile(dir.resolve(name))) {
                yaml = dir.resolve(name);
                break;
            }
        }
        Path repository = InsideTree.repositoryOf(dir);
        if (yaml != null) {
            confine(yaml, repository);
        }
        Path pyproject = dir.resolve("pyproject.toml");
        boolean inPyproject = Files.isRegularFile(pyproject) && confine(pyproject, repository) && hasSection(text(pyproject));
        if (yaml != null && inPyproject) {
            throw new InvalidInputException(yaml + ": both this file and " + pyproject
                    + " [tool.eventlet-scan] configure eventlet-scan; keep one");
        }
        return Optional.ofNullable(yaml != null ? yaml : inPyproject ? pyproject : null);
    }

    /**
     * A configuration found in a repository is the repository's: it may not be a link to a file elsewhere, whose
     * content a parse error would quote. One named with --config is the user's and is not checked.
     */
    private static boolean confine(Path file, Path repository) throws IOException {
        if (!InsideTree.contains(repository, file)) {
            throw new InvalidInputException(file + ": a symbolic link to a file outside the repository (" + repository
                    + "): not read; name a configuration elsewhere with --config");
        }
        return true;
    }

    private static String text(Path file) {
        try {
            return BoundedFile.readString(file, BoundedFile.CONFIG_BYTES);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read configuration: " + FileErrors.reason(e));
        }
    }

    private static boolean hasSection(String toml) {
        return toml.lines().anyMatch(l -> SECTION_HEADER.matcher(l).matches() || l.strip().startsWith("[tool.eventlet-scan."));
    }

    /**
     * Reads and checks a configuration file.
     *
     * @throws InvalidInputException naming the file, line and key of every problem
     */
    public static ProjectConfig read(Path file) {
        String text = text(file);
        boolean toml = file.getFileName().toString().endsWith(".toml");
        return toml ? readToml(file, text) : readYaml(file, text);
    }

    private static ProjectConfig readYaml(Path file, String text) {
        LocatedYaml doc;
        try {
            doc = LocatedYaml.parse(text);
        } catch (IOException e) {
            throw new InvalidInputException(file + FileErrors.syntax("YAML", e));
        }
        if (doc.root.isNull() || doc.root.isMissingNode()) {
            return ConfigReader.read(file, "", Map.of(), JsonNodeFactory.instance.objectNode());
        }
        Map<String, Integer> lines = new HashMap<>();
        doc.root.fieldNames().forEachRemaining(k -> lines.put(k, doc.line(k)));
        return ConfigReader.read(file, "", lines, doc.root);
    }

    private static ProjectConfig readToml(Path file, String text) {
        JsonNode root;
        try {
            root = Toml.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInputException(file + FileErrors.syntax("TOML", e));
        }
        JsonNode table = root.path("tool").path("eventlet-scan");
        if (table.isMissingNode()) {
            return ProjectConfig.none();
        }
        return ConfigReader.read(file, SECTION, tomlLines(text, table), table);
    }

    /** TOML keeps no positions, so each key is looked up in the text of its table. */
    private static Map<String, Integer> tomlLines(String text, JsonNode table) {
        List<String> lines = text.lines().toList();
        int header = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (SECTION_HEADER.matcher(lines.get(i)).matches()) {
                header = i;
                break;
            }
        }
        Map<String, Integer> out = new HashMap<>();
        int from = header;
        table.fieldNames().forEachRemaining(key -> {
            Pattern assignment = Pattern.compile("^\\s*\"?" + Pattern.quote(key) + "\"?\\s*[=.]");
            Pattern subTable = Pattern.compile("^\\s*\\[\\s*tool\\s*\\.\\s*\"?eventlet-scan\"?\\s*\\.\\s*\"?" + Pattern.quote(key) + "\"?\\s*\\]");
            for (int i = from; i < lines.size(); i++) {
                if (assignment.matcher(lines.get(i)).find() || subTable.matcher(lines.get(i)).find()) {
                    out.put(key, i + 1);
                    return;
                }
            }
            out.put(key, from + 1);
        });
        return out;
    }
}
