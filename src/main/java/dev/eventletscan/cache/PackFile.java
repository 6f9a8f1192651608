package dev.eventletscan.cache;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CheckedOutputStream;
import java.util.zip.CRC32C;

/**
 * The cache's file: a magic word, the stamp, the number of entries, the entries ({@link CacheRecord}s) in
 * fingerprint order, and a checksum of all that, so a torn or tampered pack reads as empty instead of as wrong
 * results. Reading it checks the whole file and notes where each record lies; the values stay on disk until a
 * scan asks for them, and a new pack is written record by record: neither side holds the pack in the heap.
 */
final class PackFile {
    private static final long MAGIC = 0x4556_5343_4143_4802L; // "EVSCACH" and the format number

    /**
     * @param records the pack's records, where the index points; null when none were read
     * @param problem why the pack was not used, or null when it was read or did not exist
     */
    record Read(EntryIndex index, RecordStore.Pack records, String problem) {
        static Read empty(String problem) {
            return new Read(new EntryIndex(), null, problem);
        }
    }

    /** The records of a new pack, in the order they are written. */
    interface Source {
        int count();

        byte[] record(int i) throws IOException;
    }

    private PackFile() {}

    static Read read(Path pack, String stamp) {
        if (Files.exists(pack) && !Files.isRegularFile(pack)) {
            // a pipe would block the scan until someone writes to it, a device may never end
            return Read.empty("ignored " + pack + ": not a regular file");
        }
        FileChannel file;
        try {
            file = FileChannel.open(pack, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return Read.empty(null);
        } catch (IOException e) {
            return Read.empty("cannot read " + pack + ": " + e.getMessage());
        }
        Read read;
        try {
            read = index(file, pack, stamp);
        } catch (EOFException e) {
            read = Read.empty("ignored " + pack + ": truncated");
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            read = Read.empty("ignored " + pack + ": " + e.getMessage());
        }
        if (read.records() == null) {
            try {
                file.close();
            } catch (IOException e) {
                // only read from: nothing is lost
            }
        }
        return read;
    }

    private static Read index(FileChannel file, Path pack, String stamp) throws IOException {
        long size = file.size();
        if (size < 16) {
            return Read.empty("ignored " + pack + ": truncated");
        }
        long body = size - 8;
        if (checksum(file, body) != ByteBuffer.wrap(readAt(file, body, 8)).getLong()) {
            return Read.empty("ignored " + pack + ": checksum mismatch");
        }
        // not closed: that would close the channel the records are read from later
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(file.position(0)), 1 << 16));
        if (in.readLong() != MAGIC) {
            return Read.empty("ignored " + pack + ": not a cache pack of this format");
        }
        int stampLength = in.readInt();
        if (stampLength < 0 || stampLength > body) {
            return Read.empty("ignored " + pack + ": not a cache pack of this format");
        }
        boolean sameStamp = new String(in.readNBytes(stampLength), StandardCharsets.UTF_8).equals(stamp);
        if (!sameStamp) {
            return Read.empty(null); // another build or other rules: the entries would be stale, silently
        }
        int count = in.readInt();
        long position = 16 + stampLength;
        EntryIndex index = new EntryIndex();
        for (int i = 0; i < count; i++) {
            int keyLength = in.readInt();
            if (keyLength < 0 || position + CacheRecord.OVERHEAD + keyLength > body) {
                return malformed(pack);
            }
            EntryKey key = EntryKey.of(in.readNBytes(keyLength));
            int valueLength = in.readInt();
            long length = CacheRecord.OVERHEAD + (long) keyLength + valueLength;
            if (valueLength < 0 || position + length > body) {
                return malformed(pack);
            }
            in.skipNBytes(valueLength + 4L);
            index.put(key, (byte) 0, position, (int) length, false);
            position += length;
        }
        return position == body ? new Read(index, new RecordStore.Pack(file), null) : malformed(pack);
    }

    /** Whole, yet not as this tool writes a pack: made by hand, say. */
    private static Read malformed(Path pack) {
        return Read.empty("ignored " + pack + ": its entries do not add up");
    }

    /** The checksum of a file's first bytes, read straight through before anything in them is believed. */
    private static long checksum(FileChannel file, long length) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
        for (long at = 0; at < length; ) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), length - at));
            int n = file.read(chunk, at);
            if (n < 0) {
                throw new EOFException();
            }
            crc.update(chunk.flip());
            at += n;
        }
        return crc.getValue();
    }

    private static byte[] readAt(FileChannel file, long at, int length) throws IOException {
        return new RecordStore.Pack(file).read(at, length);
    }

    /** Writes a pack of these records to a new file. */
    static void write(Path file, String stamp, Source records) throws IOException {
        CRC32C crc = new CRC32C();
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            byte[] stampBytes = stamp.getBytes(StandardCharsets.UTF_8);
            out.writeLong(MAGIC);
            out.writeInt(stampBytes.length);
            out.write(stampBytes);
            out.writeInt(records.count());
            for (int i = 0; i < records.count(); i++) {
                out.write(records.record(i));
            }
            out.flush();
            new DataOutputStream(raw).writeLong(crc.getValue());
        }
    }
}
