package dev.eventletscan.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.UncheckedIOException;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The cache's file: a magic word, the stamp, the entries (key, length, bytes) in key order, and a checksum of
 * all that, so a torn or tampered pack reads as empty instead of as wrong results.
 */
final class PackFile {
    private static final long MAGIC = 0x4556_5343_4143_4801L; // "EVSCACH" and the format number

    /** An entry's bytes: in place in the pack that was read (decoding a pack copies nothing), or on their own. */
    record Slice(byte[] array, int offset, int length) {
        static Slice of(byte[] bytes) {
            return new Slice(bytes, 0, bytes.length);
        }
    }

    /** @param problem why the pack was not used, or null when it was read or did not exist */
    record Read(Map<String, Slice> entries, String problem) {
        static final Read EMPTY = new Read(Map.of(), null);
    }

    private PackFile() {}

    static byte[] encode(String stamp, Map<String, Slice> entries) {
        byte[] body = bytesOf(out -> {
            out.writeLong(MAGIC);
            out.writeUTF(stamp);
            out.writeInt(entries.size());
            for (var e : new TreeMap<>(entries).entrySet()) {
                out.writeUTF(e.getKey());
                Slice value = e.getValue();
                out.writeInt(value.length());
                out.write(value.array(), value.offset(), value.length());
            }
        });
        CRC32C crc = new CRC32C();
        crc.update(body);
        return bytesOf(out -> {
            out.write(body);
            out.writeLong(crc.getValue());
        });
    }

    static Read read(Path pack, String stamp) {
        byte[] all;
        if (Files.exists(pack) && !Files.isRegularFile(pack)) {
            // a pipe would block the scan until someone writes to it, a device may never end
            return new Read(Map.of(), "ignored " + pack + ": not a regular file");
        }
        try {
            all = Files.readAllBytes(pack);
        } catch (NoSuchFileException e) {
            return Read.EMPTY;
        } catch (IOException | OutOfMemoryError e) {
            return new Read(Map.of(), "cannot read " + pack + ": " + e.getMessage());
        }
        if (all.length < 16) {
            return new Read(Map.of(), "ignored " + pack + ": truncated");
        }
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - 8);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
            in.skipNBytes(all.length - 8);
            if (in.readLong() != crc.getValue()) {
                return new Read(Map.of(), "ignored " + pack + ": checksum mismatch");
            }
        } catch (IOException e) {
            return new Read(Map.of(), "ignored " + pack + ": " + e.getMessage());
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(all, 0, all.length - 8); // big-endian, as DataOutputStream wrote it
            if (in.getLong() != MAGIC) {
                return new Read(Map.of(), "ignored " + pack + ": not a cache pack of this format");
            }
            if (!utf(in).equals(stamp)) {
                return Read.EMPTY; // another build or other rules: the entries would be stale, silently
            }
            int count = in.getInt();
            Map<String, Slice> entries = new HashMap<>(Math.max(16, count * 2));
            for (int i = 0; i < count; i++) {
                String key = utf(in);
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    throw new IOException("entry longer than the pack");
                }
                entries.put(key, new Slice(all, in.position(), length));
                in.position(in.position() + length);
            }
            return new Read(entries, null);
        } catch (IOException | RuntimeException e) {
            return new Read(Map.of(), "ignored " + pack + ": " + e.getMessage());
        }
    }

    /** A string as {@link DataOutputStream#writeUTF} wrote it; keys are ASCII, read without a stream. */
    private static String utf(ByteBuffer in) throws IOException {
        int length = Short.toUnsignedInt(in.getShort());
        int start = in.position();
        if (length > in.remaining()) {
            throw new IOException("key longer than the pack");
        }
        byte[] array = in.array();
        for (int i = start; i < start + length; i++) {
            if (array[i] < 0) { // beyond ASCII: modified UTF-8, decoded by the JDK
                in.position(start + length);
                return new DataInputStream(new ByteArrayInputStream(array, start - 2, length + 2)).readUTF();
            }
        }
        in.position(start + length);
        return new String(array, start, length, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytesOf(Writer writer) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    @FunctionalInterface
    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }
}
