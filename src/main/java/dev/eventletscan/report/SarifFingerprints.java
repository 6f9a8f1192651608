package dev.eventletscan.report;

import dev.eventletscan.model.Finding;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Fingerprints that identify a finding across commits: rule, file, symbol and
 * the code of its line (white space ignored), never its line number, so adding
 * lines above it changes nothing. Identical lines in one file are told apart by
 * their order.
 */
final class SarifFingerprints {
    static final String KEY = "eventletScan/v1";
    private final Map<String, Integer> seen = new HashMap<>();

    /** The fingerprint of the next finding; findings must come in report order. */
    String next(Finding f, boolean suppressed) {
        String code = f.code() == null ? "" : f.code().replaceAll("\\s+", " ").strip();
        String identity = String.join("\u0000", f.ruleId(), f.path(), String.valueOf(f.symbol()), code, suppressed ? "s" : "");
        int occurrence = seen.merge(identity, 1, Integer::sum);
        return sha256(identity + "\u0000" + occurrence);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A relative path as a URI reference: reserved characters escaped, and no first segment that looks like a scheme. */
    static String uri(String path) {
        String safe = path.indexOf(':') >= 0 && (path.indexOf('/') < 0 || path.indexOf(':') < path.indexOf('/')) ? "./" + path : path;
        try {
            return new URI(null, null, safe, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a path always makes a URI: " + path, e);
        }
    }
}
