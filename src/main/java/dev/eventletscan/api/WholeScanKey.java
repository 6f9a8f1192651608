package dev.eventletscan.api;

import dev.eventletscan.cache.FileStamps;
import dev.eventletscan.cache.ResultCache;
import dev.eventletscan.cache.Sha256;
import dev.eventletscan.walk.FileContents;
import dev.eventletscan.walk.SourceFile;
import dev.eventletscan.walk.WalkResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The key of a whole scan's result: every option that shapes it and every walked file's path and bytes. When
 * nothing changed, a re-scan skips parsing, the import graph and the assessment alike; and a file whose stamp
 * (size, times, inode) is as the last scan saw it is not even read, its digest is the one recorded then.
 */
final class WholeScanKey {
    /** Where the cache keeps a root's file stamps: one entry per pack, and a pack is per scanned root. */
    static final String STAMPS = "file stamps";

    private WholeScanKey() {}

    /**
     * Reads the file stamps the cache holds for this root and, when this walk learned something the next scan
     * can use, puts new ones.
     *
     * @return null when the scan cannot be keyed: installed dependencies are scanned, or a file cannot be read
     */
    static String of(ScanRequest request, WalkResult walk, ResultCache cache, ForkJoinPool pool) {
        if (!request.sitePackages().isEmpty()) {
            return null; // the dependencies' files are not walked here, so their changes could not be seen
        }
        FileStamps stored = cache.keep(STAMPS, FileStamps.class);
        FileStamps known = stored == null ? FileStamps.NONE : stored;
        boolean onDisk = walk.contents() == FileContents.DISK;
        FileStamps.Builder stamps = new FileStamps.Builder();
        boolean newlyTrusted = false;
        MessageDigest files = Sha256.jdk();
        List<SourceFile> walked = walk.files();
        // Stat and, where a stamp changed, read and hash each file on the scan's threads: a cold scan of a large
        // tree reads every byte here. The digests are folded in the walk's order below, so the key is the same.
        Seen[] seen = ScanPool.join(CompletableFuture.supplyAsync(() -> IntStream.range(0, walked.size()).parallel()
                .mapToObj(i -> see(walked.get(i), onDisk, known, walk.contents())).toArray(Seen[]::new), pool));
        for (int i = 0; i < walked.size(); i++) {
            SourceFile f = walked.get(i);
            if (seen[i].digest() == null) {
                return null; // the scan reports it; a result with a problem of the moment is not kept
            }
            newlyTrusted |= stamps.add(f.relativePath(), seen[i].stamp(), seen[i].digest()) && seen[i].hashed();
            files.update((f.relativePath() + '\0' + f.python() + '\0').getBytes(StandardCharsets.UTF_8));
            files.update(seen[i].digest());
        }
        String options = String.join("\0", request.includes().toString(), request.excludes().toString(),
                request.disabled().toString(), request.enabled().toString(), request.severities().toString(),
                request.extraRules().toString(), request.parseTimeout().toString(), "wrappers " + request.wrapperDepth(),
                walk.notices().toString());
        FileStamps next = stamps.build();
        // A file hashed again because it changed a moment ago would be hashed again next time too: saving the
        // stamps then would rewrite the whole pack for nothing.
        if (onDisk && (newlyTrusted || !next.files().keySet().equals(known.files().keySet()))) {
            cache.put(STAMPS, next);
        }
        return ResultCache.key("scan", options, files.digest());
    }

    /** One file's stamp and digest; a null digest when it could not be read. */
    private record Seen(FileStamps.Stamp stamp, byte[] digest, boolean hashed) {}

    private static Seen see(SourceFile f, boolean onDisk, FileStamps known, FileContents contents) {
        FileStamps.Stamp stamp = onDisk ? FileStamps.Stamp.of(f.path()) : null;
        byte[] digest = known.digestIfUnchanged(f.relativePath(), stamp);
        if (digest != null) {
            return new Seen(stamp, digest, false);
        }
        try {
            return new Seen(stamp, Sha256.of(contents.read(f)), true);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return new Seen(stamp, null, true);
        }
    }
}
