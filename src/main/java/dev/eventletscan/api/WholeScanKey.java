package dev.eventletscan.api;

import dev.eventletscan.cache.ResultCache;
import dev.eventletscan.cache.Sha256;
import dev.eventletscan.walk.SourceFile;
import dev.eventletscan.walk.WalkResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The key of a whole scan's result: every option that shapes it and every walked file's path and bytes. When
 * nothing changed, a re-scan reads the files only to hash them and skips parsing, the import graph and the
 * assessment alike.
 */
final class WholeScanKey {
    private WholeScanKey() {}

    /** @return null when the scan cannot be keyed: installed dependencies are scanned, or a file cannot be read */
    static String of(ScanRequest request, WalkResult walk) {
        if (!request.sitePackages().isEmpty()) {
            return null; // the dependencies' files are not walked here, so their changes could not be seen
        }
        MessageDigest files = Sha256.jdk();
        for (SourceFile f : walk.files()) {
            try {
                byte[] bytes = walk.contents().read(f);
                files.update((f.relativePath() + '\0' + f.python() + '\0' + bytes.length + '\0').getBytes(StandardCharsets.UTF_8));
                files.update(Sha256.of(bytes));
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                return null; // the scan reports it; a result with a problem of the moment is not kept
            }
        }
        String options = String.join("\0", request.includes().toString(), request.excludes().toString(),
                request.disabled().toString(), request.enabled().toString(), request.severities().toString(),
                request.extraRules().toString(), request.parseTimeout().toString(), "wrappers " + request.wrapperDepth(),
                walk.notices().toString());
        return ResultCache.key("scan", options, files.digest());
    }
}
