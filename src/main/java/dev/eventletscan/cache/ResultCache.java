package dev.eventletscan.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import dev.eventletscan.fileio.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-file results of earlier scans, each under a digest of the file's bytes and of whatever else the result
 * depends on (its path, the project facts it was read with), so a changed file can never meet a stale entry.
 * <p>
 * One pack file per scanned root holds the entries its last scan used: it grows with the repository, not with
 * its history. The pack is stamped with the tool's build and the rules in force, and a pack with another stamp
 * is not read. It is replaced in one step, so concurrent scans never see half a pack (the last to finish wins),
 * and a pack that fails its checksum or does not decode is ignored and rebuilt: the cache can make a scan
 * faster, never different.
 * <p>
 * Values stay out of the heap: a pack that is read is checked and indexed, and each value is read from it when a
 * scan asks; what a scan puts goes to a spill file beside the pack, and the save copies the entries it keeps into
 * the new pack one by one. Held in the heap until the save, the entries of 200,000 files did not leave the scan
 * room to finish in the launcher's 512 MB.
 * <p>
 * An in-memory cache ({@link #inMemory}) keeps entries for one run only: a scan of history reuses a file's
 * results at every point where its bytes are unchanged, even with {@code --no-cache}.
 */
public final class ResultCache {
    // The model's annotations shape the JSON report (empty lists left out, say); the cache must give back exactly
    // what it was given, so it sees plain records.
    private static final ObjectMapper SMILE = SmileMapper.builder()
            .disable(MapperFeature.USE_ANNOTATIONS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final byte IN_PACK = 0;
    private static final byte IN_SPILL = 1;

    private final boolean enabled;
    private final Path pack;
    private final String stamp;
    private final String loadProblem;
    /** Every entry known, read or put, and which of them the next save keeps. Guarded by this. */
    private final EntryIndex index;
    private final int packed;
    private final RecordStore.Pack packRecords;
    /** The records this run put; on disk beside the pack unless there is no pack (or no room for a spill file). */
    private RecordStore.Writable spill;
    private String spillProblem;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private volatile boolean changed;

    private ResultCache(boolean enabled, Path pack, String stamp) {
        this.enabled = enabled;
        this.pack = pack;
        this.stamp = stamp;
        PackFile.Read read = pack == null ? PackFile.Read.empty(null) : PackFile.read(pack, stamp);
        this.index = read.index();
        this.packed = index.size();
        this.packRecords = read.records();
        this.loadProblem = read.problem();
        this.spill = pack == null ? new RecordStore.Heap() : null;
    }

    /** A cache that keeps nothing ({@code --no-cache}). */
    public static ResultCache disabled() {
        return new ResultCache(false, null, "");
    }

    /** A cache that lives as long as this object and is never written anywhere (its values stay in the heap). */
    public static ResultCache inMemory() {
        return new ResultCache(true, null, "");
    }

    /**
     * @param directory where packs live; created on the first put or the save
     * @param scope what the pack is for, such as the scanned root's absolute path
     * @param stamp the tool build and rule fingerprint that entries are valid for
     */
    public static ResultCache open(Path directory, String scope, String stamp) {
        return new ResultCache(true, directory.resolve(digest(scope).substring(0, 32) + ".pack"), stamp);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The key of a result: the digest of what it depends on besides the bytes, and of the bytes' digest. */
    public static String key(String table, String context, byte[] content) {
        MessageDigest d = Sha256.jdk();
        d.update((table + '\0' + context + '\0').getBytes(StandardCharsets.UTF_8));
        d.update(Sha256.of(content));
        return HexFormat.of().formatHex(d.digest());
    }

    /** @return the cached value, or null when there is none (or it no longer decodes) */
    public <T> T get(String key, Class<T> type) {
        T value = keep(key, type);
        if (value != null) {
            hits.incrementAndGet();
        } else if (enabled) {
            misses.incrementAndGet();
        }
        return value;
    }

    /**
     * As {@link #get}, for the cache's own bookkeeping (file stamps): kept for the next save when found, and not
     * counted among the results cached or computed.
     */
    public <T> T keep(String key, Class<T> type) {
        return read(key, type, true);
    }

    /**
     * The value under a key, decoded for a guess that may prove wrong: neither counted nor kept for the next save
     * until {@link #hit} says it was used.
     *
     * @return null when there is none (or it no longer decodes)
     */
    public <T> T peek(String key, Class<T> type) {
        return read(key, type, false);
    }

    /**
     * A value {@link #peek}ed under a key proved to be the one wanted: counted as {@link #get} counts it and kept.
     *
     * @param peeked what {@link #peek} gave for the key (null: counted as a miss, as {@link #get} would count it)
     * @return the value
     */
    public <T> T hit(String key, T peeked) {
        if (!enabled) {
            return null;
        }
        synchronized (this) {
            int entry = index.find(EntryKey.of(key));
            if (peeked == null) {
                misses.incrementAndGet();
                changed |= entry >= 0; // there but no longer decodes: the next save leaves it out
                return null;
            }
            if (entry >= 0) {
                index.keep(entry);
            }
        }
        hits.incrementAndGet();
        return peeked;
    }

    /** @param keep whether a value found is kept for the next save, and one that no longer decodes dropped */
    private <T> T read(String key, Class<T> type, boolean keep) {
        if (!enabled) {
            return null;
        }
        EntryKey k = EntryKey.of(key);
        int entry;
        RecordStore from;
        long where;
        int length;
        synchronized (this) {
            entry = index.find(k);
            if (entry < 0) {
                return null;
            }
            from = index.store(entry) == IN_PACK ? packRecords : spill;
            where = index.where(entry);
            length = index.length(entry);
        }
        try {
            byte[] record = from.read(where, length);
            int[] value = CacheRecord.value(record, k);
            if (value != null) {
                T decoded = SMILE.readValue(record, value[0], value[1], type);
                if (keep) {
                    synchronized (this) {
                        index.keep(entry);
                    }
                }
                return decoded;
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or no longer decodes: a miss
        }
        if (keep) {
            changed = true; // dropped: the next save leaves it out
        }
        return null;
    }

    public void put(String key, Object value) {
        if (!enabled) {
            return;
        }
        EntryKey k = EntryKey.of(key);
        byte[] record;
        try {
            record = CacheRecord.of(k, SMILE.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            try {
                index.put(k, IN_SPILL, spill().append(record), record.length, true);
                changed = true;
            } catch (IOException e) {
                spillProblem = "cannot keep results: " + e.getMessage(); // this scan's result stands; the next computes it
            }
        }
    }

    /** The spill file, made on the first put: a scan that puts nothing (a warm one) makes none. Guarded by this. */
    private RecordStore.Writable spill() {
        if (spill == null) {
            try {
                spill = RecordStore.Spill.in(pack.getParent(), pack.getFileName().toString());
            } catch (IOException | RuntimeException e) {
                spill = new RecordStore.Heap(); // an unwritable cache folder: the save will say so
            }
        }
        return spill;
    }

    /** Keeps every entry read for the next save, used by this scan or not: a whole scan came from the cache. */
    public synchronized void keepAll() {
        index.keepAll();
    }

    public int hits() {
        return hits.get();
    }

    public int misses() {
        return misses.get();
    }

    /**
     * Writes the entries this scan used, when they differ from the pack read, and lets go of the files it read.
     *
     * @return what happened, for {@code --verbose}
     */
    public synchronized String save() {
        if (!enabled) {
            return "cache off";
        }
        String summary = hits + " cached, " + misses + " computed";
        if (spillProblem != null) {
            summary += " (" + spillProblem + ")";
        }
        if (pack == null) {
            return summary + " (in memory only)";
        }
        if (loadProblem != null) {
            summary += " (" + loadProblem + ")";
        }
        try {
            if (!changed && index.keptCount() == packed) {
                return summary;
            }
            int[] order = index.keptInOrder();
            Files.createDirectories(pack.getParent());
            AtomicFile.removeStale(pack.getParent(), Duration.ofHours(1));
            // replaced, never opened: a pipe put in its place would block the scan
            AtomicFile.replaceFile(pack, tmp -> PackFile.write(tmp, stamp, new PackFile.Source() {
                @Override
                public int count() {
                    return order.length;
                }

                @Override
                public byte[] record(int i) throws IOException {
                    int entry = order[i];
                    return (index.store(entry) == IN_PACK ? packRecords : spill).read(index.where(entry), index.length(entry));
                }
            }));
            return summary + "; wrote " + pack;
        } catch (IOException | RuntimeException e) {
            return summary + "; cannot write " + pack + ": " + e.getMessage();
        } finally {
            closeFiles();
        }
    }

    private void closeFiles() {
        for (RecordStore files : new RecordStore[] {packRecords, spill}) {
            try {
                if (files != null) {
                    files.close();
                }
            } catch (IOException e) {
                // read from, or already unlinked: nothing is lost
            }
        }
    }

    static String digest(String text) {
        return HexFormat.of().formatHex(Sha256.of(text.getBytes(StandardCharsets.UTF_8)));
    }
}
