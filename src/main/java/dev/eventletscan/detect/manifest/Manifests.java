package dev.eventletscan.detect.manifest;

import dev.eventletscan.detect.EntryPoint;
import dev.eventletscan.parse.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises and reads the files that declare dependencies and entry points:
 * requirements and constraints files, setup.cfg, tox.ini, pyproject.toml,
 * installed metadata's entry_points.txt (setup.py is Python: see {@link SetupPy}).
 * Nothing is ever executed.
 */
public final class Manifests {
    private static final Pattern REQUIREMENTS = Pattern.compile("(?i)(.*requirements.*|.*constraints.*)\\.(txt|in)");
    private static final Set<String> SETUP_CFG_REQUIREMENT_KEYS = Set.of("install_requires", "setup_requires", "tests_require");

    private Manifests() {}

    /** Whether a file, by its path, is one this class reads. */
    public static boolean isManifest(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return REQUIREMENTS.matcher(name).matches() || isInstalledMetadata(relativePath, "requires.txt")
                || (relativePath.contains("requirements/") && (name.endsWith(".txt") || name.endsWith(".in")))
                || name.equals("setup.cfg") || name.equals("tox.ini") || name.equals("pyproject.toml")
                || isInstalledEntryPoints(relativePath);
    }

    /** {@code entry_points.txt} of an installed distribution's metadata folder. */
    static boolean isInstalledEntryPoints(String relativePath) {
        return isInstalledMetadata(relativePath, "entry_points.txt");
    }

    /** A file of an installed distribution's metadata folder ({@code *.egg-info}, {@code *.dist-info}). */
    private static boolean isInstalledMetadata(String relativePath, String fileName) {
        String[] parts = relativePath.split("/");
        return parts.length >= 2 && parts[parts.length - 1].equals(fileName)
                && (parts[parts.length - 2].endsWith(".egg-info") || parts[parts.length - 2].endsWith(".dist-info"));
    }

    /**
     * @throws IllegalArgumentException with a one-line reason when the file cannot be understood
     */
    public static Manifest read(String relativePath, SourceText source) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return switch (name) {
            case "setup.cfg" -> setupCfg(relativePath, source);
            case "tox.ini" -> toxIni(source);
            case "pyproject.toml" -> PyprojectToml.read(relativePath, source);
            default -> isInstalledEntryPoints(relativePath)
                    ? new Manifest(List.of(), entryPoints(IniFile.read(source), relativePath, null))
                    : new Manifest(requirementsFile(source), List.of());
        };
    }

    static List<DeclaredDependency> requirementsFile(SourceText source) {
        List<DeclaredDependency> out = new ArrayList<>();
        for (int line = 1; line <= source.lineCount(); line++) {
            String text = source.line(line);
            add(out, source, line, text, text.indexOf(text.strip()), text.strip(), "requirements");
        }
        return out;
    }

    private static Manifest setupCfg(String path, SourceText source) {
        List<IniFile.Entry> entries = IniFile.read(source);
        List<DeclaredDependency> deps = new ArrayList<>();
        for (IniFile.Entry e : entries) {
            String declaredAs = switch (e.section()) {
                case "options" -> SETUP_CFG_REQUIREMENT_KEYS.contains(e.key()) ? e.key() : null;
                case "options.extras_require", "extras" -> "extras_require[" + e.key() + "]";
                case "metadata" -> e.key().equals("requires_dist") || e.key().equals("requires-dist") ? e.key() : null;
                default -> null;
            };
            if (declaredAs != null) {
                addValues(deps, source, e, declaredAs);
            }
        }
        return new Manifest(deps, entryPoints(entries, path, Set.of("entry_points", "options.entry_points")));
    }

    private static Manifest toxIni(SourceText source) {
        List<DeclaredDependency> deps = new ArrayList<>();
        for (IniFile.Entry e : IniFile.read(source)) {
            if (e.section().startsWith("testenv") && e.key().equals("deps")) {
                addValues(deps, source, e, "[" + e.section() + "] deps");
            }
        }
        return new Manifest(deps, List.of());
    }

    private static void addValues(List<DeclaredDependency> out, SourceText source, IniFile.Entry e, String declaredAs) {
        for (IniFile.ValueLine v : e.values()) {
            String text = v.text();
            // tox factor conditions: "py3: eventlet>=0.30"
            int factor = text.matches("[A-Za-z0-9_,{}.-]+:\\s.*") ? text.indexOf(':') + 1 : 0;
            String requirement = text.substring(factor).strip();
            int column = v.column() + text.indexOf(requirement, factor);
            add(out, source, v.line(), source.line(v.line()), column, requirement, declaredAs);
        }
    }

    private static void add(List<DeclaredDependency> out, SourceText source, int line, String lineText, int column,
            String requirement, String declaredAs) {
        String name = Requirement.name(requirement);
        if (name == null) {
            return;
        }
        String spec = Requirement.stripComment(requirement).strip();
        int start = source.byteAt(line, lineText, column);
        int end = source.byteAt(line, lineText, Math.min(lineText.length(), column + spec.length()));
        out.add(new DeclaredDependency(name, spec, declaredAs, start, end));
    }

    /**
     * Entry points of INI-style sections: either sections named after groups
     * ({@code [console_scripts]}, entry_points.txt) or one section whose keys are groups (setup.cfg).
     */
    private static List<EntryPoint> entryPoints(List<IniFile.Entry> entries, String path, Set<String> groupSections) {
        List<EntryPoint> out = new ArrayList<>();
        for (IniFile.Entry e : entries) {
            if (groupSections == null) {
                for (IniFile.ValueLine v : e.values()) {
                    addEntryPoint(out, e.section(), e.key(), v.text(), path);
                }
            } else if (groupSections.contains(e.section())) {
                for (IniFile.ValueLine v : e.values()) {
                    int eq = v.text().indexOf('=');
                    if (eq > 0) {
                        addEntryPoint(out, e.key(), v.text().substring(0, eq), v.text().substring(eq + 1), path);
                    }
                }
            }
        }
        return out;
    }

    static void addEntryPoint(List<EntryPoint> out, String group, String name, String reference, String path) {
        EntryPoint ep = EntryPoint.parse(name, group, reference, path);
        if (ep != null) {
            out.add(ep);
        }
    }
}
