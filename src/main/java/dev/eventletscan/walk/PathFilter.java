package dev.eventletscan.walk;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * The user's --include and --exclude globs. A pattern without '/' matches a
 * file or folder name at any depth ({@code tests}, {@code *_test.py}); a
 * pattern with '/' matches the path from the scan root ({@code nova/tests/**}).
 * Excludes prune whole folders; includes only choose among files.
 */
public final class PathFilter {
    private final List<Glob> includes;
    private final List<Glob> excludes;

    public PathFilter(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().map(Glob::new).toList();
        this.excludes = excludes.stream().map(Glob::new).toList();
    }

    public static PathFilter none() {
        return new PathFilter(List.of(), List.of());
    }

    public boolean excludes(String relativePath, boolean directory) {
        return excludes.stream().anyMatch(g -> g.matches(relativePath, directory));
    }

    public boolean includesFile(String relativePath) {
        return includes.isEmpty() || includes.stream().anyMatch(g -> g.matches(relativePath, false));
    }

    private static final class Glob {
        private final boolean anchored;
        private final PathMatcher matcher;

        Glob(String pattern) {
            String p = pattern.startsWith("./") ? pattern.substring(2) : pattern;
            if (p.endsWith("/")) {
                p = p + "**";
            }
            this.anchored = p.contains("/");
            this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + p);
        }

        boolean matches(String relativePath, boolean directory) {
            if (!anchored) {
                int slash = relativePath.lastIndexOf('/');
                return matcher.matches(Path.of(relativePath.substring(slash + 1)));
            }
            return matcher.matches(Path.of(relativePath))
                    || (directory && matcher.matches(Path.of(relativePath + "/")));
        }
    }
}
