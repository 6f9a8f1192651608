package dev.eventletscan.walk;

import dev.eventletscan.fileio.Glob;
import java.util.List;

/**
 * The user's --include and --exclude globs. A pattern without '/' matches a
 * file or folder name at any depth ({@code tests}, {@code *_test.py}); a
 * pattern with '/' matches the path from the scan root ({@code nova/tests/**}).
 * Excludes prune whole folders; includes only choose among files. Globs come from a repository's configuration
 * too, so they are matched in linear time ({@link Glob}).
 */
public final class PathFilter {
    private final List<PathGlob> includes;
    private final List<PathGlob> excludes;

    public PathFilter(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().map(PathGlob::new).toList();
        this.excludes = excludes.stream().map(PathGlob::new).toList();
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

    private static final class PathGlob {
        private final boolean anchored;
        private final Glob matcher;

        PathGlob(String pattern) {
            String p = pattern.startsWith("./") ? pattern.substring(2) : pattern;
            if (p.endsWith("/")) {
                p = p + "**";
            }
            this.anchored = p.contains("/");
            this.matcher = Glob.of(p);
        }

        boolean matches(String relativePath, boolean directory) {
            if (!anchored) {
                int slash = relativePath.lastIndexOf('/');
                return matcher.matches(relativePath.substring(slash + 1));
            }
            return matcher.matches(relativePath) || (directory && matcher.matches(relativePath + "/"));
        }
    }
}
