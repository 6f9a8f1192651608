package dev.eventletscan.walk;

import java.nio.file.Path;

/**
 * A file chosen for scanning.
 *
 * @param path absolute path on disk
 * @param relativePath path from the scan root with '/' separators; what reports show and sort by
 */
public record SourceFile(Path path, String relativePath) implements Comparable<SourceFile> {
    @Override
    public int compareTo(SourceFile other) {
        return relativePath.compareTo(other.relativePath);
    }
}
