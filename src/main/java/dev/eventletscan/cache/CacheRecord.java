package dev.eventletscan.cache;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * One entry as the pack and the spill file store it: key length, key, value length, value, and a checksum of
 * those. Entries are read one at a time long after the pack was opened, so each carries its own check and its
 * whole key: a record that was changed, or that belongs to another key, reads as a miss.
 */
final class CacheRecord {
    /** The two lengths and the checksum. */
    static final int OVERHEAD = 12;

    private CacheRecord() {}

    static byte[] of(EntryKey key, byte[] value) {
        ByteBuffer record = ByteBuffer.allocate(OVERHEAD + key.bytes().length + value.length);
        record.putInt(key.bytes().length).put(key.bytes()).putInt(value.length).put(value);
        record.putInt(checksum(record.array(), record.position()));
        return record.array();
    }

    /** The value's place in a record that is whole and holds this key: {offset, length}; null otherwise. */
    static int[] value(byte[] record, EntryKey key) {
        int keyLength = key.bytes().length;
        if (record.length < OVERHEAD + keyLength) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(record);
        int body = record.length - 4;
        if (in.getInt(body) != checksum(record, body) || in.getInt(0) != keyLength
                || !Arrays.equals(record, 4, 4 + keyLength, key.bytes(), 0, keyLength)
                || in.getInt(4 + keyLength) != body - 8 - keyLength) {
            return null;
        }
        return new int[] {8 + keyLength, body - 8 - keyLength};
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
