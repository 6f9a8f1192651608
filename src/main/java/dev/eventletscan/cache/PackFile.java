package dev.eventletscan.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.UncheckedIOException;
import java.io.DataInputStream;
import java.io.IOException;
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

    /** @param problem why the pack was not used, or null when it was read or did not exist */
    record Read(Map<String, byte[]> entries, String problem) {
        static final Read EMPTY = new Read(Map.of(), null);
    }

    private PackFile() {}

    static byte[] encode(String stamp, Map<String, byte[]> entries) {
        byte[] body = bytesOf(out -> {
            out.writeLong(MAGIC);
            out.writeUTF(stamp);
            out.writeInt(entries.size());
            for (var e : new TreeMap<>(entries).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
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
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8))) {
            if (in.readLong() != MAGIC) {
                return new Read(Map.of(), "ignored " + pack + ": not a cache pack of this format");
            }
            if (!in.readUTF().equals(stamp)) {
                return Read.EMPTY; // another build or other rules: the entries would be stale, silently
            }
            int count = in.readInt();
            Map<String, byte[]> entries = new HashMap<>(Math.max(16, count * 2));
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                entries.put(key, in.readNBytes(in.readInt()));
            }
            return new Read(entries, null);
        } catch (IOException | RuntimeException e) {
            return new Read(Map.of(), "ignored " + pack + ": " + e.getMessage());
        }
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
