package dev.eventletscan.fileio;

import dev.eventletscan.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks an output path (a report, a baseline) before the scan runs, so a typo costs no scan and the message says
 * what is wrong. Each problem is an {@link InvalidInputException}: the user's input, one line.
 */
public final class OutputPath {
    private OutputPath() {}

    /** @param what what would be written there, for the message: "report", "baseline" */
    public static void check(Path file, String what) {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = file + ": cannot write " + what + ": ";
        if (dir == null || !Files.exists(dir)) {
            throw new InvalidInputException(prefix + "folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(prefix + dir + " is not a folder");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(prefix + "it is a folder");
        }
        if (Files.isRegularFile(file) && !Files.isWritable(file)) {
            // replacing it would succeed (the folder is writable), but the user marked it read-only
            throw new InvalidInputException(prefix + "the file is read-only");
        }
    }

    /**
     * The checks for a path inside the scanned tree, whose files and links the repository decides. A committed
     * link named like the report or baseline must not turn the write into one outside the tree, or onto a device
     * or a pipe: such a target is refused. Outside the tree, the path is the user's alone: a pipe or a device
     * named there (-o /dev/stdout) is written through.
     *
     * @param always check even a path outside the tree, as for one the repository's configuration named
     */
    public static void checkInTree(Path file, String what, Path tree, boolean always) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = tree.toAbsolutePath().normalize();
        if (!always && !absolute.startsWith(root)) {
            return;
        }
        String prefix = file + ": cannot write " + what + ": ";
        try {
            if (!InsideTree.contains(root, absolute)) {
                throw new InvalidInputException(prefix + "a symbolic link leads out of the scanned tree (" + root + "); not written");
            }
            if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
                throw new InvalidInputException(prefix + "not a regular file (a device, pipe or socket in the scanned tree); not written");
            }
            if (Files.isSymbolicLink(absolute) && !Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidInputException(prefix + "a broken symbolic link; not written");
            }
        } catch (IOException e) {
            throw new InvalidInputException(prefix + FileErrors.reason(e));
        }
    }

    /** Two reports into one file would leave only the last: an error, not a silent loss. */
    public static void checkDistinct(List<Path> files, String what) {
        Map<Path, Path> seen = new HashMap<>();
        for (Path file : files.stream().filter(Objects::nonNull).toList()) {
            Path where;
            try {
                where = InsideTree.realLocation(file);
            } catch (IOException e) {
                where = file.toAbsolutePath().normalize();
            }
            Path earlier = seen.putIfAbsent(where, file);
            if (earlier != null) {
                throw new InvalidInputException(file + ": cannot write " + what + ": " + (earlier.equals(file) ? "given twice" : "the same file as " + earlier)
                        + "; each -o needs a file of its own");
            }
        }
    }
}
