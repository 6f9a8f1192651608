package dev.eventletscan.detect;

import dev.eventletscan.modules.PythonModules;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the project as a whole says about one file, before it is read.
 *
 * @param path relative path from the scan root
 * @param testPath the path is test code ({@code tests/}, {@code test_*.py}, {@code conftest.py}, ...)
 * @param entryPoints declared entry points whose module is this file or lies in its package
 * @param module the file's dotted module name, as Python imports it: what its relative imports start from
 * @param ownTrackedNames the project's own modules named like a tracked package ({@code proj.cmd.eventlet}): a
 *     dotted string through one of them names the project's code, not eventlet
 */
public record FileFacts(String path, boolean testPath, List<EntryPoint> entryPoints, String module,
        Set<String> ownTrackedNames) {
    public FileFacts {
        entryPoints = List.copyOf(entryPoints);
        ownTrackedNames = Collections.unmodifiableSortedSet(new TreeSet<>(ownTrackedNames));
    }

    public FileFacts(String path, boolean testPath, List<EntryPoint> entryPoints, String module) {
        this(path, testPath, entryPoints, module, Set.of());
    }

    public static FileFacts of(String path) {
        return new FileFacts(path, TestPaths.isTest(path), List.of(), PythonModules.dottedPath(path));
    }

    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public boolean isPackageInit() {
        return fileName().equals("__init__.py");
    }
}
