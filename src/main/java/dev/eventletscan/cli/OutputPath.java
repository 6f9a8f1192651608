package dev.eventletscan.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output path before the scan runs, so a typo costs no scan and the message says what is wrong. */
final class OutputPath {
    private OutputPath() {}

    /** @param what what would be written there, for the message: "report", "baseline" */
    static void check(Path file, String what) {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = file + ": cannot write " + what + ": ";
        if (dir == null || !Files.exists(dir)) {
            throw new UserError(prefix + "folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError(prefix + dir + " is not a folder");
        }
        if (Files.isDirectory(file)) {
            throw new UserError(prefix + "it is a folder");
        }
    }
}
