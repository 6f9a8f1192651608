package dev.eventletscan.cache;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Where cache records live: the pack that was read, or what a run put, read back where the index points. */
sealed interface RecordStore extends Closeable {
    byte[] read(long where, int length) throws IOException;

    /** Where a run's records go between a put and the save: read back by the position their append returned. */
    sealed interface Writable extends RecordStore {
        long append(byte[] record) throws IOException;
    }

    /** Records in the heap: the in-memory cache of one run, and the fallback when no spill file can be made. */
    final class Heap implements Writable {
        private final List<byte[]> records = new ArrayList<>();

        @Override
        public synchronized long append(byte[] record) {
            records.add(record);
            return records.size() - 1;
        }

        @Override
        public synchronized byte[] read(long where, int length) {
            return records.get((int) where);
        }

        @Override
        public void close() {}
    }

    /**
     * Records in a file of the cache folder that is unlinked as soon as it is open: it takes no heap, and a run
     * that is killed leaves nothing behind. Appends collect in a buffer, so a 200,000-file scan does not make
     * 400,000 small writes.
     */
    final class Spill implements Writable {
        private static final int BUFFER = 1 << 18;
        private final FileChannel file;
        private final ByteBuffer pending = ByteBuffer.allocate(BUFFER);
        private long flushed;

        private Spill(FileChannel file) {
            this.file = file;
        }

        /** @throws IOException when the folder cannot hold one (the caller keeps records in the heap instead) */
        static Spill in(Path folder, String name) throws IOException {
            Files.createDirectories(folder);
            Path path = Files.createTempFile(folder, "." + name + ".", ".spill.tmp");
            FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                Files.delete(path);
            } catch (IOException e) {
                file.close();
                Files.deleteIfExists(path);
                throw e;
            }
            return new Spill(file);
        }

        @Override
        public synchronized long append(byte[] record) throws IOException {
            if (record.length > pending.remaining()) {
                flush();
            }
            long where = flushed + pending.position();
            if (record.length > pending.capacity()) {
                writeFully(ByteBuffer.wrap(record), where);
                flushed += record.length;
            } else {
                pending.put(record);
            }
            return where;
        }

        @Override
        public synchronized byte[] read(long where, int length) throws IOException {
            byte[] out = new byte[length];
            if (where >= flushed) {
                pending.get((int) (where - flushed), out);
                return out;
            }
            return readFully(file, where, out);
        }

        @Override
        public void close() throws IOException {
            file.close();
        }

        private void flush() throws IOException {
            pending.flip();
            writeFully(pending, flushed);
            flushed += pending.limit();
            pending.clear();
        }

        private void writeFully(ByteBuffer data, long at) throws IOException {
            long position = at;
            while (data.hasRemaining()) {
                position += file.write(data, position);
            }
        }
    }

    /** The records of the pack that was read: a file already checked whole, read where the index points. */
    record Pack(FileChannel file) implements RecordStore {
        @Override
        public byte[] read(long where, int length) throws IOException {
            return readFully(file, where, new byte[length]);
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    private static byte[] readFully(FileChannel file, long where, byte[] out) throws IOException {
        ByteBuffer into = ByteBuffer.wrap(out);
        while (into.hasRemaining()) {
            if (file.read(into, where + into.position()) < 0) {
                throw new IOException("the file ends before the record");
            }
        }
        return out;
    }
}
