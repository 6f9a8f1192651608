package dev.eventletscan.walk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Git's ignore rules as they apply while walking down a tree: the
 * repository's info/exclude, then one .gitignore per folder, the deepest
 * deciding first. Matching itself is JGit's, so patterns behave as in git.
 */
final class IgnoreRules {
    /** Rules that apply to paths under {@code base} (relative to the scan root); {@code above} leads from the
     *  rules' own folder down to the scan root when that folder lies above it. */
    private record Level(String base, String above, IgnoreNode node) {}

    private final Deque<Level> levels = new ArrayDeque<>();

    /** Reads the ignore file if it exists and makes it apply below {@code base} (a '/'-ended prefix, or ""). */
    boolean push(Path ignoreFile, String base) throws IOException {
        return push(ignoreFile, base, "");
    }

    /** As {@link #push(Path, String)}, for an ignore file in a folder above the scan root. */
    boolean push(Path ignoreFile, String base, String above) throws IOException {
        if (!Files.isRegularFile(ignoreFile)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(ignoreFile)) {
            return push(in, ignoreFile.toString(), base, above);
        }
    }

    /** As {@link #push(Path, String, String)}, for an ignore file's content read elsewhere (a commit's tree). */
    boolean push(InputStream content, String name, String base, String above) throws IOException {
        IgnoreNode node = new IgnoreNode();
        node.parse(name, content);
        if (node.getRules().isEmpty()) {
            return false;
        }
        levels.push(new Level(base, above, node));
        return true;
    }

    void pop() {
        levels.pop();
    }

    boolean isIgnored(String relativePath, boolean directory) {
        for (Iterator<Level> it = levels.iterator(); it.hasNext(); ) {
            Level level = it.next();
            if (!relativePath.startsWith(level.base())) {
                continue;
            }
            String path = level.above() + relativePath.substring(level.base().length());
            Boolean ignored = level.node().checkIgnored(path, directory);
            if (ignored != null) {
                return ignored;
            }
        }
        return false;
    }
}
