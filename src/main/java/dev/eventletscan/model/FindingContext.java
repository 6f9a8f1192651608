package dev.eventletscan.model;

import java.util.List;

/**
 * Where a finding sits, as far as migration planning cares.
 *
 * @param test in test code: a test path ({@code tests/}, {@code test_*.py}, ...) or a file importing a test framework
 * @param packageInit at module level of a package's {@code __init__.py}: runs for everything that imports the package
 * @param entryPoints declared entry points (console scripts and the like) whose start-up runs this code, by name
 * @param mainBlock inside {@code if __name__ == "__main__":}
 */
public record FindingContext(boolean test, boolean packageInit, List<String> entryPoints, boolean mainBlock) {
    public static final FindingContext NONE = new FindingContext(false, false, List.of(), false);

    public FindingContext {
        entryPoints = List.copyOf(entryPoints);
    }
}
