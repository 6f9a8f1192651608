package dev.eventletscan.api;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The threads of one scan: every phase runs its parallel work here, so phases that need nothing from each other
 * share the cores instead of each starting and stopping its own threads, and {@code -j N} bounds them all.
 */
final class ScanPool {
    private ScanPool() {}

    /** A pool of {@code threads} daemon workers named {@code scan-N}; close it when the scan ends. */
    static ForkJoinPool create(int threads) {
        return new ForkJoinPool(Math.max(1, threads), pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("scan-" + t.getPoolIndex());
            return t;
        }, null, false);
    }

    /**
     * Waits for work on the pool and returns its result. The wait blocks without running pool work on the
     * waiting thread (a {@link CompletableFuture} never helps), so the pool's size is the scan's parallelism.
     */
    static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (CancellationException e) {
            throw new IllegalStateException("scan interrupted", e);
        }
    }
}
