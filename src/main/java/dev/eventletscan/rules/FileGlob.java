package dev.eventletscan.rules;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/** A glob over a file's name (not its folder): {@code *.conf}, {@code requirements*.txt}, {@code Dockerfile*}. */
public record FileGlob(String text, PathMatcher matcher) {
    public static FileGlob of(String text) {
        if (text.isBlank() || text.contains("/")) {
            throw new IllegalArgumentException("not a file-name glob: '" + text + "' (no folders)");
        }
        return new FileGlob(text, FileSystems.getDefault().getPathMatcher("glob:" + text));
    }

    public boolean matches(String fileName) {
        return matcher.matches(Path.of(fileName));
    }
}
