package dev.eventletscan.api;

import dev.eventletscan.cache.ResultCache;
import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.detect.ProjectFacts;
import dev.eventletscan.detect.manifest.Manifest;
import dev.eventletscan.model.NativeLibraryException;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.parse.ParseTimeoutException;
import dev.eventletscan.rules.RuleSet;
import dev.eventletscan.walk.FileContents;
import dev.eventletscan.walk.SourceFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs detection over the files on the scan's pool, one {@link FileScanner}
 * (a native parser and compiled queries) per thread; outcomes keep the files'
 * order, so nothing downstream depends on thread timing.
 */
final class DetectionPool {
    private DetectionPool() {}

    /** @return one outcome per file, in the files' order */
    static List<FileOutcome> scan(RuleSet rules, List<SourceFile> files, ForkJoinPool pool, ProjectFacts project,
            Map<String, Manifest> manifests, ScanListener listener, Duration parseTimeout, FileContents contents,
            ResultCache cache) {
        FileOutcome[] outcomes = new FileOutcome[files.size()];
        ConcurrentLinkedQueue<FileScanner> workers = new ConcurrentLinkedQueue<>();
        CombinedQueries queries = new CombinedQueries(rules);
        ThreadLocal<FileScanner> worker = ThreadLocal.withInitial(() -> {
            FileScanner s = new FileScanner(rules, parseTimeout, contents, cache, queries);
            workers.add(s);
            return s;
        });
        AtomicInteger next = new AtomicInteger();
        Runnable drain = () -> {
            for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                SourceFile f = files.get(i);
                outcomes[i] = scanOne(worker.get(), f, project.factsFor(f), manifests.get(f.relativePath()));
                listener.fileScanned();
            }
        };
        int n = Math.max(1, Math.min(pool.getParallelism(), files.size()));
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                running.add(CompletableFuture.runAsync(drain, pool));
            }
            ScanPool.join(CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)));
        } catch (NativeLibraryException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException("scan worker failed", e);
        } finally {
            workers.forEach(FileScanner::close);
            queries.close();
        }
        return List.of(outcomes);
    }

    /** A bug or an exhausted resource while scanning one file must not lose the others. */
    private static FileOutcome scanOne(FileScanner scanner, SourceFile file, FileFacts facts, Manifest manifest) {
        try {
            return scanner.scan(file, facts, manifest);
        } catch (NativeLibraryException e) {
            throw e;
        } catch (ParseTimeoutException e) {
            return FileOutcome.failed(ProcessingIssue.error(file.relativePath(), e.getMessage()));
        } catch (OutOfMemoryError e) {
            // What ran out was this file's tree and findings, which are garbage now: the other files can go on.
            return FileOutcome.failed(ProcessingIssue.error(file.relativePath(),
                    "out of memory while scanning this file (more heap: EVENTLET_SCAN_JAVA_OPTS=-Xmx4g)"));
        } catch (StackOverflowError e) {
            // Every pass walks trees with loops; what is left is recursion in a library (the regex engine, say).
            return FileOutcome.failed(ProcessingIssue.error(file.relativePath(),
                    "nested too deeply to scan (stack overflow); file not scanned"));
        } catch (RuntimeException e) {
            return FileOutcome.failed(ProcessingIssue.error(file.relativePath(),
                    "internal error while scanning (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
        }
    }
}
