package dev.eventletscan.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.cache.FileStamps;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.report.JsonRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result cache makes scans faster and never different: cold, warm, stale, corrupt or raced. */
class CachedScanTest {
    @TempDir
    Path cache;

    private record Scan(String json, String cacheSummary) {}

    private static Scan scan(Path target, Path cacheDir, int threads) throws IOException {
        ScanRequest request = new ScanRequest(target, List.of(), List.of(), threads, List.of()).withCache(cacheDir);
        AtomicReference<String> summary = new AtomicReference<>();
        ScanResult result = Scanner.forRequest(request).scan(request, new ScanListener() {
            @Override
            public void cacheSaved(String s) {
                summary.set(s);
            }
        }).withoutTiming();
        StringWriter out = new StringWriter();
        new JsonRenderer().render(result, out);
        return new Scan(out.toString(), summary.get());
    }

    private static Path samples() {
        return TestSupport.projectDir().resolve("samples");
    }

    private Path onlyPack() throws IOException {
        try (var files = Files.list(cache)) {
            List<Path> packs = files.filter(p -> p.toString().endsWith(".pack")).toList();
            assertThat(packs).hasSize(1);
            return packs.getFirst();
        }
    }

    @Test
    void coldAndWarmScansGiveTheUncachedReport() throws IOException {
        String uncached = scan(samples(), null, 2).json();
        Scan cold = scan(samples(), cache, 2);
        Scan warm = scan(samples(), cache, 1);
        assertThat(cold.json()).isEqualTo(uncached);
        assertThat(warm.json()).isEqualTo(uncached);
        // identical files (empty __init__.py) share their structure entry even in a cold scan
        assertThat(cold.cacheSummary()).matches("\\d cached, [1-9]\\d* computed; wrote .*\\.pack");
        assertThat(warm.cacheSummary()).as("nothing changed: every result comes from the cache, nothing is written")
                .isEqualTo("nothing changed, whole result read back (1 cached, 0 computed)");
    }

    @Test
    void aChangedFileIsNeverServedFromTheCache(@TempDir Path repo) throws IOException {
        Path worker = repo.resolve("svc/worker.py");
        Files.createDirectories(worker.getParent());
        Files.writeString(repo.resolve("svc/__init__.py"), "");
        Files.writeString(worker, "import eventlet\n\ndef go(fn):\n    return eventlet.spawn(fn)\n");
        Scan first = scan(repo, cache, 1);
        assertThat(first.json()).contains("eventlet.greenthread.spawn\"").doesNotContain("spawn_n");
        assertThat(scan(repo, cache, 1).cacheSummary()).as("unchanged: the whole result comes from the cache")
                .isEqualTo("nothing changed, whole result read back (1 cached, 0 computed)");
        Files.writeString(worker, "import eventlet\n\ndef go(fn):\n    return eventlet.spawn_n(fn)\n");
        Scan second = scan(repo, cache, 1);
        assertThat(second.json()).isEqualTo(scan(repo, null, 1).json()).contains("eventlet.greenthread.spawn_n");
        assertThat(second.cacheSummary())
                .as("the whole scan and the changed file are computed afresh; the unchanged file's entries were kept")
                .startsWith("1 cached, 3 computed");
    }

    /**
     * A re-scan trusts a file's recorded digest while its size, times and inode are as they were: a file written
     * back with the same size and its old modification time (cp -p, rsync -t) still moves its change time.
     * The files must be older than the racy window first, or no stamp would be trusted at all.
     */
    @Test
    void aFileWrittenBackWithItsOldTimeIsStillSeenAsChanged(@TempDir Path repo) throws Exception {
        Path worker = repo.resolve("worker.py");
        Files.writeString(worker, "import eventlet\neventlet.spawn(f)\n");
        Files.writeString(repo.resolve("other.py"), "import os\n");
        Thread.sleep(FileStamps.RACY_MILLIS + 200);
        assertThat(scan(repo, cache, 1).json()).contains("eventlet.greenthread.spawn\"");
        assertThat(scan(repo, cache, 1).cacheSummary()).as("stamps trusted: nothing read again, nothing written")
                .isEqualTo("nothing changed, whole result read back (1 cached, 0 computed)");
        var mtime = Files.getLastModifiedTime(worker);
        Files.writeString(worker, "import eventlet\neventlet.sleep(f)\n"); // the same size
        Files.setLastModifiedTime(worker, mtime);
        Scan changed = scan(repo, cache, 1);
        assertThat(changed.json()).isEqualTo(scan(repo, null, 1).json()).contains("eventlet.greenthread.sleep\"")
                .doesNotContain("eventlet.greenthread.spawn\"");
    }

    @Test
    void aCorruptOrTruncatedPackIsIgnoredAndRebuilt() throws IOException {
        String uncached = scan(samples(), null, 1).json();
        scan(samples(), cache, 1);
        Path pack = onlyPack();
        byte[] bytes = Files.readAllBytes(pack);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(pack, bytes);
        Scan afterFlip = scan(samples(), cache, 1);
        assertThat(afterFlip.json()).isEqualTo(uncached);
        String cold = scan(samples(), cache.resolve("other"), 1).cacheSummary();
        assertThat(afterFlip.cacheSummary()).startsWith(cold.substring(0, cold.indexOf(';')))
                .contains("checksum mismatch").contains("; wrote ");
        assertThat(scan(samples(), cache, 1).cacheSummary()).as("rebuilt whole").endsWith(" 0 computed)");

        Files.write(pack, Arrays.copyOf(bytes, 10));
        Scan afterCut = scan(samples(), cache, 1);
        assertThat(afterCut.json()).isEqualTo(uncached);
        assertThat(afterCut.cacheSummary()).contains("truncated");
    }

    @Test
    void otherRulesDoNotReadTheEntries() throws IOException {
        String cold = scan(samples(), cache, 1).cacheSummary();
        ScanRequest fewer = new ScanRequest(samples(), List.of(), List.of(), 1, List.of(), List.of("EVT200"), List.of())
                .withCache(cache);
        AtomicReference<String> summary = new AtomicReference<>();
        ScanResult result = Scanner.forRequest(fewer).scan(fewer, new ScanListener() {
            @Override
            public void cacheSaved(String s) {
                summary.set(s);
            }
        });
        assertThat(result.findings()).noneMatch(f -> f.ruleId().equals("EVT200"));
        assertThat(summary.get()).as("as cold as the first scan").startsWith(cold.substring(0, cold.indexOf(';')));
    }

    @Test
    void concurrentScansShareOneCacheSafely() throws Exception {
        String uncached = scan(samples(), null, 1).json();
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            for (int round = 0; round < 3; round++) {
                List<Future<Scan>> running = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Callable<Scan> task = () -> scan(samples(), cache, 1);
                    running.add(pool.submit(task));
                }
                for (Future<Scan> f : running) {
                    assertThat(f.get().json()).isEqualTo(uncached);
                }
            }
        }
        assertThat(scan(samples(), cache, 1).cacheSummary()).as("the pack the last writer left is whole")
                .endsWith(" 0 computed)");
        try (var left = Files.list(cache)) {
            assertThat(left).as("no temporary files left behind").allMatch(p -> p.toString().endsWith(".pack"));
        }
    }

    @Test
    void anUnwritableCacheSlowsTheScanDownButDoesNotFailIt(@TempDir Path tmp) throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("cache"), "a file where the cache folder should be");
        Scan s = scan(samples(), notADirectory.resolve("results"), 1);
        assertThat(s.json()).isEqualTo(scan(samples(), null, 1).json());
        assertThat(s.cacheSummary()).contains("cannot write");
    }

    @Test
    void theCommandLineHonoursCacheDirAndNoCache(@TempDir Path tmp) {
        Path used = tmp.resolve("used");
        Path unused = tmp.resolve("unused");
        var run = TestSupport.cli("scan", TestSupport.sample("green-service").toString(), "--no-config", "-q", "-f", "json",
                "-o", tmp.resolve("a.json").toString(), "--cache-dir", used.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(used).isDirectoryContaining(p -> p.toString().endsWith(".pack"));
        run = TestSupport.cli("scan", TestSupport.sample("green-service").toString(), "--no-config", "-q", "-f", "json",
                "-o", tmp.resolve("b.json").toString(), "--cache-dir", unused.toString(), "--no-cache");
        assertThat(run.exitCode()).isZero();
        assertThat(unused).doesNotExist();
    }
}
