package dev.eventletscan.fileio;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where a path really leads, after every symbolic link, and whether that is inside a tree. A scanned repository
 * is untrusted: a path its configuration names, or a file it commits under a name the tool reads or writes by
 * default, must not lead out of it.
 */
public final class InsideTree {
    private InsideTree() {}

    /** The real path when the path exists, else the real location of its folder with its name: where a new file would go. */
    public static Path realLocation(Path path) throws IOException {
        return realLocation(path, 0);
    }

    private static Path realLocation(Path path, int links) throws IOException {
        if (links > 40) {
            throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return absolute.toRealPath();
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            // a dangling link: where it points is where a write would land
            Path target = Files.readSymbolicLink(absolute);
            return realLocation(absolute.getParent().resolve(target), links + 1);
        }
        Path parent = absolute.getParent();
        return parent == null ? absolute : realLocation(parent, links).resolve(absolute.getFileName());
    }

    /** Whether the path, followed to its end, lies in {@code tree} (itself followed). */
    public static boolean contains(Path tree, Path path) throws IOException {
        return realLocation(path).startsWith(realLocation(tree));
    }

    /**
     * The repository a folder belongs to: the nearest folder at or above it holding {@code .git}, else the
     * folder itself.
     */
    public static Path repositoryOf(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        for (Path d = absolute; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return absolute;
    }
}
