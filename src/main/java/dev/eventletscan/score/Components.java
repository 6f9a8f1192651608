package dev.eventletscan.score;

import dev.eventletscan.modules.PythonModules;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which component a file belongs to: the package of its folder when that
 * folder has an {@code __init__.py}, else the file itself as a top-level module.
 */
final class Components {
    private final Set<String> pythonFiles;
    /** Files by component, grouped once: every component's assessment asks for its own. */
    private Map<String, Set<String>> byComponent;

    Components(Set<String> pythonFiles) {
        this.pythonFiles = pythonFiles;
    }

    /** Where findings in requirements, configuration and docs go: they belong to the project, not to a package. */
    static final String PROJECT_FILES = "(project files)";

    /** The component's path: a folder ({@code nova/compute}, {@code ""} for the root) or a module file. */
    String componentOf(String path) {
        if (!isPython(path)) {
            return PROJECT_FILES;
        }
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash);
        String init = dir.isEmpty() ? "__init__.py" : dir + "/__init__.py";
        return pythonFiles.contains(init) ? dir : path;
    }

    /** The Python files of a component. */
    synchronized Set<String> filesOf(String componentPath) {
        if (byComponent == null) {
            byComponent = new HashMap<>();
            for (String f : pythonFiles) {
                byComponent.computeIfAbsent(componentOf(f), k -> new TreeSet<>()).add(f);
            }
        }
        return Collections.unmodifiableSet(byComponent.getOrDefault(componentPath, Set.of()));
    }

    boolean isPackage(String componentPath) {
        return !isPython(componentPath) && !componentPath.equals(PROJECT_FILES);
    }

    static boolean isPython(String path) {
        return path.endsWith(".py") || path.endsWith(".pyi");
    }

    /** Dotted display name: {@code compute.api} for a folder, {@code setup} for {@code setup.py}, {@code (root)} for the root package. */
    static String displayName(String componentPath) {
        if (componentPath.isEmpty()) {
            return "(root)";
        }
        if (componentPath.equals(PROJECT_FILES)) {
            return componentPath;
        }
        return PythonModules.dottedPath(componentPath);
    }
}
