package dev.eventletscan.walk;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Blobs read lately, least recently used dropped first once their bytes pass a budget, and the size of every
 * blob asked about. A blob's id is a hash of its content, so an entry can never go stale.
 */
final class BlobMemo {
    /** Enough for the Python and text files of a large project (nova's are about 60 MB) in the default 1 GB heap. */
    static final long DEFAULT_BUDGET = 96L << 20;

    private final long budget;
    private final LinkedHashMap<ObjectId, byte[]> blobs = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<ObjectId, Long> sizes = new HashMap<>();
    private long held;

    BlobMemo(long budget) {
        this.budget = budget;
    }

    synchronized byte[] get(ObjectId id) {
        return blobs.get(id);
    }

    synchronized void put(ObjectId id, byte[] bytes) {
        if (bytes.length > budget / 4) {
            return; // one huge blob would push out everything else
        }
        byte[] old = blobs.put(id.copy(), bytes);
        held += bytes.length - (old == null ? 0 : old.length);
        sizes.put(id.copy(), (long) bytes.length);
        var it = blobs.entrySet().iterator();
        while (held > budget && it.hasNext()) {
            held -= it.next().getValue().length;
            it.remove();
        }
    }

    /** @return the blob's size, or -1 when it is not known yet */
    synchronized long size(ObjectId id) {
        return sizes.getOrDefault(id, -1L);
    }

    synchronized void putSize(ObjectId id, long size) {
        sizes.put(id.copy(), size);
    }

    synchronized long held() {
        return held;
    }
}
