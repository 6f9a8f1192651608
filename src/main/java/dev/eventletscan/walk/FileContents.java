package dev.eventletscan.walk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the walked files' bytes come from: the disk for a scan, git objects for a scan of history. The
 * engine reads through this only, so both give the same findings for the same bytes.
 */
public interface FileContents {
    /** The files on disk, as walked. */
    FileContents DISK = new FileContents() {
        @Override
        public byte[] read(SourceFile file) throws IOException {
            return Files.readAllBytes(file.path());
        }

        @Override
        public long size(SourceFile file) throws IOException {
            return Files.size(file.path());
        }

        @Override
        public boolean isPackage(Path directory) {
            return Files.isRegularFile(directory.resolve("__init__.py"));
        }
    };

    /** @throws java.nio.file.NoSuchFileException when the file is gone */
    byte[] read(SourceFile file) throws IOException;

    long size(SourceFile file) throws IOException;

    /**
     * Whether a folder (absolute, as in {@link SourceFile#path()}) holds an {@code __init__.py}: module names
     * come from these, above the scan root too.
     */
    boolean isPackage(Path directory);
}
