package dev.eventletscan.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
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

    private List<Path> files() throws Exception {
        try (var files = Files.list(tmp)) {
            return files.toList();
        }
    }

    @Test
    void manyEntriesAndOneLargerThanTheSpillBufferComeBackBeforeAndAfterTheSave() throws Exception {
        ResultCache cold = ResultCache.open(tmp, "scope", "stamp");
        for (int i = 0; i < 5_000; i++) {
            cold.put(key("n" + i), new Value("n" + i, List.of(i, i * 7)));
        }
        List<Integer> large = IntStream.range(0, 200_000).boxed().toList(); // over a megabyte: past the spill's buffer
        cold.put("not a digest", new Value("large", large));
        assertThat(cold.get(key("n4999"), Value.class)).isEqualTo(new Value("n4999", List.of(4999, 4999 * 7)));
        assertThat(cold.get(key("n0"), Value.class)).as("spilled to disk already").isEqualTo(new Value("n0", List.of(0, 0)));
        assertThat(cold.get("not a digest", Value.class).numbers()).isEqualTo(large);
        assertThat(cold.save()).contains("wrote");
        assertThat(files()).as("the spill file was unlinked when opened: only the pack is left").hasSize(1)
                .allMatch(p -> p.toString().endsWith(".pack"));

        ResultCache warm = ResultCache.open(tmp, "scope", "stamp");
        for (int i = 0; i < 5_000; i += 499) {
            assertThat(warm.get(key("n" + i), Value.class)).isEqualTo(new Value("n" + i, List.of(i, i * 7)));
        }
        assertThat(warm.get("not a digest", Value.class).numbers()).isEqualTo(large);
        assertThat(warm.get(key("absent"), Value.class)).isNull();
        assertThat(warm.save()).as("only the entries this scan used are kept").contains("wrote");
        ResultCache third = ResultCache.open(tmp, "scope", "stamp");
        assertThat(third.get(key("n499"), Value.class)).isNotNull();
        assertThat(third.get(key("n1"), Value.class)).as("not used by the last scan").isNull();
    }

    @Test
    void aPackWhoseEntriesAreAllUsedIsNotWrittenAgain() throws Exception {
        ResultCache first = ResultCache.open(tmp, "scope", "stamp");
        first.put(key("a"), new Value("a", List.of()));
        first.put(key("b"), new Value("b", List.of()));
        first.save();
        Path pack = files().getFirst();
        Files.setLastModifiedTime(pack, java.nio.file.attribute.FileTime.fromMillis(0));
        ResultCache again = ResultCache.open(tmp, "scope", "stamp");
        again.get(key("a"), Value.class);
        again.keepAll();
        assertThat(again.save()).isEqualTo("1 cached, 0 computed");
        assertThat(Files.getLastModifiedTime(pack).toMillis()).isZero();
    }

    @Test
    void aRecordChangedInPlaceAfterThePackWasReadIsAMissAndIsDropped() throws Exception {
        ResultCache first = ResultCache.open(tmp, "scope", "stamp");
        first.put(key("a"), new Value("aaaaaaaa", List.of(1)));
        first.put(key("b"), new Value("bbbbbbbb", List.of(2)));
        first.save();
        Path pack = files().getFirst();
        ResultCache warm = ResultCache.open(tmp, "scope", "stamp"); // checked whole and indexed; values read later
        byte[] bytes = Files.readAllBytes(pack);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("aaaaaaaa");
        try (FileChannel same = FileChannel.open(pack, StandardOpenOption.WRITE)) { // the same inode, not a new pack
            same.write(ByteBuffer.wrap("AAAAAAAA".getBytes(StandardCharsets.US_ASCII)), at);
        }
        assertThat(warm.get(key("a"), Value.class)).isNull();
        assertThat(warm.get(key("b"), Value.class)).isEqualTo(new Value("bbbbbbbb", List.of(2)));
        assertThat(warm.save()).contains("1 cached, 1 computed").contains("wrote");
        ResultCache after = ResultCache.open(tmp, "scope", "stamp");
        assertThat(after.get(key("a"), Value.class)).isNull();
        assertThat(after.get(key("b"), Value.class)).isNotNull();
    }

    @Test
    void threadsPuttingAndGettingAtOnceEachGetTheirOwnValues() throws Exception {
        ResultCache cache = ResultCache.open(tmp, "scope", "stamp");
        List<Future<Integer>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                Callable<Integer> work = () -> {
                    int ok = 0;
                    for (int i = 0; i < 2_000; i++) {
                        String name = thread + "/" + i;
                        cache.put(key(name), new Value(name, List.of(i)));
                        ok += new Value(name, List.of(i)).equals(cache.get(key(name), Value.class)) ? 1 : 0;
                    }
                    return ok;
                };
                done.add(pool.submit(work));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(2_000);
            }
        }
        cache.save();
        assertThat(ResultCache.open(tmp, "scope", "stamp").get(key("3/1999"), Value.class)).isEqualTo(new Value("3/1999", List.of(1999)));
    }
}
