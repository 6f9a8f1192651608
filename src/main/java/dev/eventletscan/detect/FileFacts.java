package dev.eventletscan.detect;

import dev.eventletscan.modules.PythonModules;
import java.util.List;

/**
 * What the project as a whole says about one file, before it is read.
 *
 * @param path relative path from the scan root
 * @param testPath the path is test code ({@code tests/}, {@code test_*.py}, {@code conftest.py}, ...)
 * @param entryPoints declared entry points whose module is this file or lies in its package
 * @param module the file's dotted module name, as Python imports it: what its relative imports start from
 */
public record FileFacts(String path, boolean testPath, List<EntryPoint> entryPoints, String module) {
    public FileFacts {
        entryPoints = List.copyOf(entryPoints);
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
