package dev.eventletscan.rules;

import dev.eventletscan.fileio.Glob;

/** A glob over a file's name (not its folder): {@code *.conf}, {@code requirements*.txt}, {@code Dockerfile*}. */
public record FileGlob(String text, Glob glob) {
    public static FileGlob of(String text) {
        if (text.isBlank() || text.contains("/")) {
            throw new IllegalArgumentException("not a file-name glob: '" + text + "' (no folders)");
        }
        return new FileGlob(text, Glob.of(text));
    }

    public boolean matches(String fileName) {
        return glob.matches(fileName);
    }
}
