package dev.eventletscan.fileio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole input that is not Python (a configuration, a rule file, a baseline) up to a size limit, so a
 * 600 MB configuration or {@code rules: [/dev/zero]} is an error naming the limit, not an exhausted heap. The
 * limit is checked on the bytes read, not on the size the file system claims: a device claims none.
 */
public final class BoundedFile {
    /** Configuration files: a {@code pyproject.toml} of a few KB is usual, one MiB is generous. */
    public static final long CONFIG_BYTES = 1L << 20;
    /** Rule files: the shipped ones together are under 200 KB. */
    public static final long RULES_BYTES = 4L << 20;
    /** Baselines: about 300 bytes a finding, so some 50,000 findings. */
    public static final long BASELINE_BYTES = 16L << 20;

    private BoundedFile() {}

    /** Thrown when the input is longer than its limit. */
    public static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("larger than " + (limit >> 20) + " MiB, the limit for this kind of file");
        }
    }

    /**
     * The file as strict UTF-8 text. Only a regular file is read: a pipe would block the scan for as long as
     * nobody writes to it, and a device may never end.
     */
    public static String readString(Path file, long limit) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new FileSystemException(file.toString(), null, "not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
        }
        if (bytes.length > limit) {
            throw new TooLargeException(limit);
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
