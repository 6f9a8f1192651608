package dev.eventletscan.fileio;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces a file in one step: the content goes to a temporary sibling, which is then moved over the target, so
 * a run that fails or is killed half way leaves the old file whole, and a reader never sees half a file. A
 * temporary file still there when the JVM exits (an interrupt while writing) is removed by a shutdown hook; only a
 * kill that runs no hook leaves one, and {@link #removeStale} clears those in folders the tool owns.
 */
public final class AtomicFile {
    /** Ends every temporary file's name. */
    public static final String TEMPORARY_SUFFIX = ".tmp";
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Guards {@link #exiting} and the creation of temporary files, so none is made after the hook cleared them. */
    private static final Object LOCK = new Object();
    private static boolean exiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (LOCK) {
                exiting = true;
                for (Path tmp : IN_FLIGHT) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException e) {
                        // exiting: nothing else to do with it
                    }
                }
            }
        }, "remove temporary files"));
    }

    private AtomicFile() {}

    /** Writes the content of a file, given the path to write it to. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    /**
     * As {@link #replaceFile}, except that a pipe or a device at the target (-o /dev/stdout, a FIFO a CI step
     * reads) is written through: replacing it would put a regular file where the reader waits, and as root even
     * replace /dev/stdout itself.
     *
     * @param content writes the new content into the file it is given
     */
    public static void replace(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isDirectory(absolute)) {
            content.writeTo(absolute);
            return;
        }
        replaceFile(target, content);
    }

    /** Always through a temporary file and a move: whatever is at the target (a pipe too) is replaced, never opened. */
    public static void replaceFile(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path tmp;
        synchronized (LOCK) {
            if (exiting) {
                throw new IOException("the program is exiting");
            }
            tmp = createTemporary(absolute);
            IN_FLIGHT.add(tmp);
        }
        try {
            content.writeTo(tmp);
            keepPermissions(tmp, absolute);
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
            IN_FLIGHT.remove(tmp);
        }
    }

    /**
     * A new file beside the target, created as any new file is, so the process's umask decides its permissions
     * (Files.createTempFile would make it private, and a fixed mode would override the user's umask).
     */
    private static Path createTemporary(Path absolute) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] random = new byte[8];
            RANDOM.nextBytes(random);
            Path tmp = absolute.resolveSibling("." + absolute.getFileName() + "." + HexFormat.of().formatHex(random) + TEMPORARY_SUFFIX);
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            } catch (IOException e) {
                // the temporary file's name would only confuse: say which folder refused
                throw new IOException("cannot create a file in " + absolute.getParent() + " (" + FileErrors.reason(e) + ")", e);
            }
        }
    }

    /** A file replacing another keeps that file's permissions; a new one keeps what the umask gave it. */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        if (Files.isRegularFile(target) && Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        }
    }

    /**
     * Removes temporary files older than {@code age} from a folder this tool owns (the cache): those of a run
     * killed without its shutdown hook. A younger one may be another run's, still being written.
     */
    public static void removeStale(Path folder, Duration age) {
        Instant before = Instant.now().minus(age);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + TEMPORARY_SUFFIX)) {
            for (Path f : files) {
                FileTime modified = Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS);
                if (modified.toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be tidied works all the same
        }
    }
}
