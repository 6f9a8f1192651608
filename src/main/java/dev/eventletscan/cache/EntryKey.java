package dev.eventletscan.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A cache key as the pack stores it (its UTF-8 bytes) and the 128 bits the in-memory index files it under. Keys
 * made by {@link ResultCache#key} are already SHA-256 digests in hex, so their first 32 digits serve; any other
 * key is hashed. A record holds its whole key, so two keys that shared a fingerprint would miss, never mix.
 */
record EntryKey(byte[] bytes, long high, long low) {
    static EntryKey of(String key) {
        return of(key.getBytes(StandardCharsets.UTF_8));
    }

    static EntryKey of(byte[] bytes) {
        if (bytes.length == 2 * Sha256.LENGTH && isHex(bytes)) {
            return new EntryKey(bytes, hexLong(bytes, 0), hexLong(bytes, 16));
        }
        ByteBuffer digest = ByteBuffer.wrap(Sha256.of(bytes));
        return new EntryKey(bytes, digest.getLong(0), digest.getLong(8));
    }

    private static boolean isHex(byte[] bytes) {
        for (byte b : bytes) {
            if (Character.digit(b, 16) < 0 || Character.isUpperCase(b)) {
                return false;
            }
        }
        return true;
    }

    private static long hexLong(byte[] hex, int from) {
        long value = 0;
        for (int i = from; i < from + 16; i++) {
            value = value << 4 | Character.digit(hex[i], 16);
        }
        return value;
    }
}
