package dev.eventletscan.cache;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Where each cache entry's record lies (which store, at what position, how long) and whether the next save keeps
 * it, by its key's 128-bit fingerprint, in flat arrays and an open-addressing table. A map of key strings to
 * encoded values held 400,000 entries of a 200,000-file tree in over 150 MB of the scan's 512 MB heap; this holds
 * them in about 15 MB, and the values stay on disk. Not thread-safe: {@link ResultCache} locks around it.
 */
final class EntryIndex {
    private long[] high = new long[16];
    private long[] low = new long[16];
    private long[] where = new long[16];
    private int[] length = new int[16];
    private byte[] store = new byte[16];
    private boolean[] kept = new boolean[16];
    private int size;
    private int keptCount;
    /** Entry number + 1 by hash; 0 is a free slot. At most half full, so probes stay short. */
    private int[] slots = new int[32];

    int size() {
        return size;
    }

    int keptCount() {
        return keptCount;
    }

    /** @return the entry's number, or -1 */
    int find(EntryKey key) {
        int mask = slots.length - 1;
        for (int s = slot(key.high(), key.low(), mask); slots[s] != 0; s = (s + 1) & mask) {
            int e = slots[s] - 1;
            if (high[e] == key.high() && low[e] == key.low()) {
                return e;
            }
        }
        return -1;
    }

    /** Adds an entry, or points an existing one at a new record. */
    void put(EntryKey key, byte store, long where, int length, boolean keep) {
        int e = find(key);
        if (e < 0) {
            e = add(key);
        }
        this.store[e] = store;
        this.where[e] = where;
        this.length[e] = length;
        if (keep) {
            keep(e);
        }
    }

    void keep(int entry) {
        if (!kept[entry]) {
            kept[entry] = true;
            keptCount++;
        }
    }

    void keepAll() {
        Arrays.fill(kept, 0, size, true);
        keptCount = size;
    }

    byte store(int entry) {
        return store[entry];
    }

    long where(int entry) {
        return where[entry];
    }

    int length(int entry) {
        return length[entry];
    }

    /** The kept entries in fingerprint order, the order a pack lists them in: the same entries, the same bytes. */
    int[] keptInOrder() {
        return IntStream.range(0, size).filter(e -> kept[e]).boxed().sorted((a, b) -> {
            int c = Long.compareUnsigned(high[a], high[b]);
            return c != 0 ? c : Long.compareUnsigned(low[a], low[b]);
        }).mapToInt(Integer::intValue).toArray();
    }

    private int add(EntryKey key) {
        if (size == high.length) {
            int grown = size * 2;
            high = Arrays.copyOf(high, grown);
            low = Arrays.copyOf(low, grown);
            where = Arrays.copyOf(where, grown);
            length = Arrays.copyOf(length, grown);
            store = Arrays.copyOf(store, grown);
            kept = Arrays.copyOf(kept, grown);
        }
        int e = size++;
        high[e] = key.high();
        low[e] = key.low();
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int i = 0; i < e; i++) {
                place(i);
            }
        }
        place(e);
        return e;
    }

    private void place(int e) {
        int mask = slots.length - 1;
        int s = slot(high[e], low[e], mask);
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = e + 1;
    }

    private static int slot(long high, long low, int mask) {
        return (int) (high ^ high >>> 32 ^ low) & mask; // the bits of a digest: already spread
    }
}
