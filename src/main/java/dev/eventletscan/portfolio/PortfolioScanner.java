package dev.eventletscan.portfolio;

import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.cache.ResultCache;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.TrendReport;
import dev.eventletscan.report.JsonRenderer;
import dev.eventletscan.trend.HistoryTrend;
import dev.eventletscan.trend.Step;
import dev.eventletscan.trend.TrendDates;
import dev.eventletscan.trend.TrendListener;
import dev.eventletscan.trend.TrendRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scans the repositories of a portfolio, a few at a time, and keeps only each one's row: at most {@code jobs}
 * whole scan results are alive at once, whatever the portfolio's size. Each repository's result goes into the
 * scan cache as soon as it is done, so a run that is stopped resumes where it was: the repositories finished
 * before are read back, not scanned again. A repository that fails becomes a row with its error.
 */
public final class PortfolioScanner {
    /** A JSON report larger than this is no report of ours: refused before Jackson reads it. */
    static final long REPORT_BYTES = 512L << 20;

    private final Scanner scanner;
    private final PortfolioRequest request;

    public PortfolioScanner(Scanner scanner, PortfolioRequest request) {
        this.scanner = scanner;
        this.request = request;
    }

    /** @return one row per source, in the sources' order */
    public List<RepositoryEntry> scan(List<RepositorySource> sources, PortfolioListener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(request.jobs(), sources.size())));
        try {
            List<Future<RepositoryEntry>> futures = new ArrayList<>();
            for (RepositorySource s : sources) {
                futures.add(pool.submit(() -> {
                    listener.started(s);
                    long start = System.nanoTime();
                    RepositoryEntry e = one(s).withTeam(request.teams().teamOf(s.name()));
                    listener.finished(e, (System.nanoTime() - start) / 1_000_000);
                    return e;
                }));
            }
            List<RepositoryEntry> out = new ArrayList<>();
            for (Future<RepositoryEntry> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning the portfolio", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One repository's row; any failure of this repository's own (not the tool's) becomes its error. */
    RepositoryEntry one(RepositorySource s) {
        try {
            return s.kind().equals(RepositorySource.REPORT) ? fromReport(s) : fromCheckout(s);
        } catch (NoSuchFileException e) {
            return failed(s, "no such file or folder: " + e.getFile());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return failed(s, message(e));
        } catch (StackOverflowError | RuntimeException e) {
            // one hostile repository must not stop the others; the message names what went wrong for a bug report
            return failed(s, "scan failed: " + message(e));
        }
    }

    private RepositoryEntry fromCheckout(RepositorySource s) throws IOException {
        if (!Files.isDirectory(s.path())) {
            return failed(s, Files.exists(s.path()) ? "not a folder" : "no such folder");
        }
        if (!Files.isReadable(s.path()) || !Files.isExecutable(s.path())) {
            return failed(s, "folder not readable");
        }
        ScanRequest one = request.scan(s.path());
        ScanResult result = scanner.scan(one);
        if (result.summary().filesWalked() == 0) {
            return failed(s, "no Python file found: not a Python repository");
        }
        RepositoryEntry e = EntryBuilder.build(s, result.withoutTiming(), DeclaredNames.read(s.path(), s.name()));
        return request.historyPoints() > 0 && Files.exists(s.path().resolve(".git")) ? withHistory(e, one) : e;
    }

    private RepositoryEntry fromReport(RepositorySource s) throws IOException {
        if (Files.size(s.path()) > REPORT_BYTES) {
            return failed(s, "report larger than " + (REPORT_BYTES >> 20) + " MiB");
        }
        ScanResult result;
        try (InputStream in = Files.newInputStream(s.path())) {
            result = Portfolio.READER.readValue(in, ScanResult.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return failed(s, "not a JSON report of eventlet-scan scan: " + e.getOriginalMessage());
        }
        if (result == null || result.assessment() == null || result.summary() == null) {
            return failed(s, "not a JSON report of eventlet-scan scan: no summary or assessment");
        }
        String root = result.root() == null ? s.name() : Path.of(result.root()).getFileName() == null ? s.name()
                : Path.of(result.root()).getFileName().toString();
        return EntryBuilder.build(s, result, new DeclaredNames.Declared(
                dev.eventletscan.rules.DependencyMatch.normalise(root), java.util.Set.of()));
    }

    /** Usage findings at sampled commits of the last year, through trend's own history scan. */
    private RepositoryEntry withHistory(RepositoryEntry e, ScanRequest one) {
        ScanRequest noInstalled = one.withSitePackages(List.of()); // installed packages are today's, not the history's
        Path cacheDir = noInstalled.cache();
        ResultCache cache = cacheDir == null ? ResultCache.inMemory()
                : ResultCache.open(cacheDir, "trend " + one.target().toAbsolutePath().normalize(), scanner.cacheStamp());
        try {
            TrendReport t = new HistoryTrend(scanner).run(new TrendRequest(noInstalled, new TrendDates.Since.Before(Step.parse("1y")),
                    new TrendDates.Until.Head(), null, request.historyPoints()), cache, TrendListener.NONE);
            cache.save();
            return e.withHistory(t.points().stream()
                    .map(p -> new RepositoryEntry.HistoryPoint(p.date(), p.commit(), p.usageFindings())).toList(), List.of());
        } catch (IOException | RuntimeException x) {
            return e.withHistory(null, List.of("no history: " + message(x)));
        }
    }

    private static RepositoryEntry failed(RepositorySource s, String why) {
        return RepositoryEntry.failure(s.name(), s.shownPath(), Teams.NONE, s.kind(), why);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
