package dev.eventletscan.detect;

import java.util.Set;

/** Test code by its path, the conventions pytest, stestr and unittest discovery follow. */
public final class TestPaths {
    private static final Set<String> TEST_FOLDERS = Set.of("tests", "test", "testing", "unittests", "functional_tests");
    /** Importing one of these makes a file test code whatever its path. */
    public static final Set<String> FRAMEWORKS = Set.of("unittest", "pytest", "testtools", "oslotest", "nose", "unittest2", "testscenarios");

    private TestPaths() {}

    public static boolean isTest(String relativePath) {
        String[] parts = relativePath.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (TEST_FOLDERS.contains(parts[i])) {
                return true;
            }
        }
        String name = parts[parts.length - 1];
        return name.startsWith("test_") || name.endsWith("_test.py") || name.endsWith("_tests.py")
                || name.equals("conftest.py") || name.equals("tests.py");
    }
}
