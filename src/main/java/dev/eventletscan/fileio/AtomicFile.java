package dev.eventletscan.fileio;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file in one step: the content goes to a temporary sibling, which is then moved over the target, so
 * a run that fails or is killed half way leaves the old file whole, and a reader never sees half a file.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Writes the content of a file, given the path to write it to. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    /**
     * @param content writes the new content into the temporary file it is given
     */
    public static void replace(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isDirectory(absolute)) {
            // A pipe or a device (-o /dev/stdout, a FIFO a CI step reads): write through it; replacing it would
            // put a regular file where the reader waits, and as root even replace /dev/stdout itself.
            content.writeTo(absolute);
            return;
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        } catch (IOException e) {
            // the temporary file's name would only confuse: say which folder refused
            throw new IOException("cannot create a file in " + absolute.getParent() + " (" + FileErrors.reason(e) + ")", e);
        }
        try {
            content.writeTo(tmp);
            keepUsualPermissions(tmp, absolute);
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Temporary files are private (rw-------); a file replacing another keeps that file's permissions, a new one
     * gets the usual rw-r--r--, as any tool writing a file would give it.
     */
    private static void keepUsualPermissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        var permissions = Files.exists(target) ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, permissions);
    }
}
