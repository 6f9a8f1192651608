package dev.eventletscan.walk;

import java.nio.file.Path;

/**
 * A file chosen for scanning.
 *
 * @param path absolute path on disk
 * @param relativePath path from the scan root with '/' separators; what reports show and sort by
 * @param python Python source; otherwise a manifest, configuration or documentation file that rules read as text
 */
public record SourceFile(Path path, String relativePath, boolean python) implements Comparable<SourceFile> {
    public SourceFile(Path path, String relativePath) {
        this(path, relativePath, true);
    }

    public String fileName() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    @Override
    public int compareTo(SourceFile other) {
        return relativePath.compareTo(other.relativePath);
    }
}
