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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    private final boolean enabled;
    private final Path pack;
    private final String stamp;
    private final Map<String, PackFile.Slice> loaded;
    private final Map<String, PackFile.Slice> used = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private volatile boolean changed;
    private final String loadProblem;

    private ResultCache(boolean enabled, Path pack, String stamp) {
        this.enabled = enabled;
        this.pack = pack;
        this.stamp = stamp;
        PackFile.Read read = pack == null ? PackFile.Read.EMPTY : PackFile.read(pack, stamp);
        this.loaded = read.entries();
        this.loadProblem = read.problem();
    }

    /** A cache that keeps nothing ({@code --no-cache}). */
    public static ResultCache disabled() {
        return new ResultCache(false, null, "");
    }

    /** A cache that lives as long as this object and is never written anywhere. */
    public static ResultCache inMemory() {
        return new ResultCache(true, null, "");
    }

    /**
     * @param directory where packs live; created on save
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
     * The value under a key, decoded for a guess that may prove wrong: neither counted nor kept for the next save
     * until {@link #hit} says it was used.
     *
     * @return null when there is none (or it no longer decodes)
     */
    public <T> T peek(String key, Class<T> type) {
        PackFile.Slice bytes = enabled ? loaded.get(key) : null;
        try {
            return bytes == null ? null : SMILE.readValue(bytes.array(), bytes.offset(), bytes.length(), type);
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
        if (peeked == null) {
            misses.incrementAndGet();
            changed |= loaded.containsKey(key); // there but no longer decodes: the next save leaves it out
            return null;
        }
        used.put(key, loaded.get(key));
        hits.incrementAndGet();
        return peeked;
    }

    /**
     * As {@link #get}, for the cache's own bookkeeping (file stamps): kept for the next save when found, and not
     * counted among the results cached or computed.
     */
    public <T> T keep(String key, Class<T> type) {
        if (!enabled) {
            return null;
        }
        PackFile.Slice bytes = used.get(key);
        if (bytes == null) {
            bytes = loaded.get(key);
        }
        if (bytes != null) {
            try {
                T value = SMILE.readValue(bytes.array(), bytes.offset(), bytes.length(), type);
                used.put(key, bytes);
                return value;
            } catch (IOException | RuntimeException e) {
                changed = true; // dropped: the next save leaves it out
            }
        }
        return null;
    }

    public void put(String key, Object value) {
        if (!enabled) {
            return;
        }
        try {
            used.put(key, PackFile.Slice.of(SMILE.writeValueAsBytes(value)));
            changed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps every entry read for the next save, used by this scan or not: a whole scan came from the cache. */
    public void keepAll() {
        loaded.forEach(used::putIfAbsent);
    }

    public int hits() {
        return hits.get();
    }

    public int misses() {
        return misses.get();
    }

    /**
     * Writes the entries this scan used, when they differ from the pack read.
     *
     * @return what happened, for {@code --verbose}
     */
    public String save() {
        if (!enabled) {
            return "cache off";
        }
        String summary = hits + " cached, " + misses + " computed";
        if (pack == null) {
            return summary + " (in memory only)";
        }
        if (loadProblem != null) {
            summary += " (" + loadProblem + ")";
        }
        if (!changed && used.size() == loaded.size()) {
            return summary;
        }
        try {
            Files.createDirectories(pack.getParent());
            AtomicFile.removeStale(pack.getParent(), Duration.ofHours(1));
            // replaced, never opened: a pipe put in its place would block the scan
            AtomicFile.replaceFile(pack, tmp -> Files.write(tmp, PackFile.encode(stamp, used)));
            return summary + "; wrote " + pack;
        } catch (IOException | RuntimeException e) {
            return summary + "; cannot write " + pack + ": " + e.getMessage();
        }
    }

    static String digest(String text) {
        return HexFormat.of().formatHex(Sha256.of(text.getBytes(StandardCharsets.UTF_8)));
    }
}
