package dev.eventletscan.walk;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

class BlobMemoTest {
    private static ObjectId id(int n) {
        return ObjectId.fromString(String.format("%040x", n));
    }

    @Test
    void dropsTheLeastRecentlyUsedBlobsPastItsBudgetButKeepsTheirSizes() {
        BlobMemo memo = new BlobMemo(100);
        memo.put(id(1), new byte[20]);
        memo.put(id(2), new byte[20]);
        memo.put(id(3), new byte[20]);
        assertThat(memo.get(id(1))).hasSize(20); // 1 is now the most recently used
        memo.put(id(4), new byte[20]);
        memo.put(id(5), new byte[20]);
        assertThat(memo.held()).isEqualTo(100);
        memo.put(id(6), new byte[20]);
        assertThat(memo.held()).isEqualTo(100);
        assertThat(memo.get(id(2))).as("least recently used").isNull();
        assertThat(memo.get(id(1))).isNotNull();
        assertThat(memo.size(id(2))).isEqualTo(20);
        assertThat(memo.size(id(9))).isEqualTo(-1);
    }

    @Test
    void aBlobOverAQuarterOfTheBudgetIsNotKept() {
        BlobMemo memo = new BlobMemo(100);
        memo.put(id(1), new byte[10]);
        memo.put(id(2), new byte[26]);
        assertThat(memo.get(id(2))).isNull();
        assertThat(memo.get(id(1))).isNotNull();
        assertThat(memo.held()).isEqualTo(10);
    }
}
