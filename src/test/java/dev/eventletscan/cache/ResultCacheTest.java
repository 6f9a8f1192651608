package dev.eventletscan.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultCacheTest {
    record Value(String name, List<Integer> numbers) {}

    @TempDir
    Path tmp;

    private static String key(String text) {
        return ResultCache.key("t", "ctx", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theKeyDependsOnTableContextAndBytes() {
        byte[] bytes = "import eventlet\n".getBytes(StandardCharsets.UTF_8);
        assertThat(ResultCache.key("t", "a", bytes)).isEqualTo(ResultCache.key("t", "a", bytes.clone()))
                .isNotEqualTo(ResultCache.key("t", "b", bytes))
                .isNotEqualTo(ResultCache.key("u", "a", bytes))
                .isNotEqualTo(ResultCache.key("t", "a", "import eventlet \n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void inMemoryGivesBackWhatItWasGivenAndWritesNothing() {
        ResultCache cache = ResultCache.inMemory();
        assertThat(cache.enabled()).isTrue();
        assertThat(cache.get(key("a"), Value.class)).isNull();
        cache.put(key("a"), new Value("a", List.of(1, 2)));
        assertThat(cache.get(key("a"), Value.class)).isEqualTo(new Value("a", List.of(1, 2)));
        assertThat(cache.get(key("a"), Value.class)).isEqualTo(new Value("a", List.of(1, 2)));
        assertThat(cache.get(key("b"), Value.class)).isNull();
        assertThat(cache.hits()).isEqualTo(2);
        assertThat(cache.misses()).isEqualTo(2);
        assertThat(cache.save()).isEqualTo("2 cached, 2 computed (in memory only)");
    }

    @Test
    void disabledKeepsNothing() {
        ResultCache cache = ResultCache.disabled();
        cache.put(key("a"), new Value("a", List.of()));
        assertThat(cache.get(key("a"), Value.class)).isNull();
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.save()).isEqualTo("cache off");
    }

    @Test
    void aSavedPackIsReadBackUnderTheSameStampOnly() throws Exception {
        ResultCache first = ResultCache.open(tmp, "scope", "stamp-1");
        first.put(key("a"), new Value("a", List.of(7)));
        assertThat(first.save()).contains("wrote");
        try (var packs = Files.list(tmp)) {
            assertThat(packs).hasSize(1);
        }
        assertThat(ResultCache.open(tmp, "scope", "stamp-1").get(key("a"), Value.class)).isEqualTo(new Value("a", List.of(7)));
        assertThat(ResultCache.open(tmp, "scope", "stamp-2").get(key("a"), Value.class)).as("another build or rule set").isNull();
        assertThat(ResultCache.open(tmp, "other scope", "stamp-1").get(key("a"), Value.class)).isNull();
    }
}
