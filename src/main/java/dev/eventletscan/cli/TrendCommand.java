package dev.eventletscan.cli;

import dev.eventletscan.analysis.Analysis;
import dev.eventletscan.cache.ResultCache;
import dev.eventletscan.model.TrendReport;
import dev.eventletscan.report.ReportFormat;
import dev.eventletscan.report.TrendRenderer;
import dev.eventletscan.trend.HistoryTrend;
import dev.eventletscan.trend.Step;
import dev.eventletscan.trend.TrendDates;
import dev.eventletscan.trend.TrendRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "trend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scan sampled commits of the current branch's history and chart the migration: findings by category, "
                + "files, monkey_patch calls, score and effort per point, the biggest drops and rises with their commits, and "
                + "a projected end date.",
            "Files are read from git objects: the working tree is never touched. Dates are UTC."})
final class TrendCommand implements Callable<Integer> {
    static final List<ReportFormat> FORMATS = List.of(ReportFormat.TEXT, ReportFormat.JSON, ReportFormat.HTML);

    @Spec
    CommandSpec spec;

    @Mixin
    ScanOptions options;

    @Option(names = "--since", required = true, paramLabel = "DATE",
            description = "The first point: YYYY-MM-DD (midnight UTC), a date-time as 2025-07-01T12:00:00Z, or an amount "
                    + "before --until such as 1y or 6mo.")
    String since;

    @Option(names = "--until", paramLabel = "DATE",
            description = "The last point: a date, now, or HEAD (default: the date of HEAD's commit, so reruns agree).")
    String until;

    @Option(names = "--every", paramLabel = "STEP",
            description = "Spacing of the points: a whole number and d, w, mo or y (default 1w). The last point is --until.")
    String every;

    @Option(names = "--points", paramLabel = "N", description = "Instead of --every: N points evenly spread from --since to --until.")
    Integer points;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Report format on standard output: text (default), json or html. -o files keep their extension's format "
                    + "(or FORMAT:FILE's); with -o files this adds a report on standard output.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "[FORMAT:]FILE",
            description = "Write the report to FILE (repeatable): .txt, .json or .html, or FORMAT:FILE; - is standard output.")
    List<String> outputs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        ReportFormat explicit = format == null ? null : ReportFormat.byId(format).filter(FORMATS::contains)
                .orElseThrow(() -> new UserError("unknown --format '" + format + "' for trend (known: text, json, html)"));
        List<ReportOutput> reports = ReportOutput.plan(outputs, explicit, ReportFormat.TEXT);
        ScanCommand.checkReportFiles(reports, options.target);
        for (ReportOutput r : reports) {
            if (!FORMATS.contains(r.format())) {
                throw new UserError((r.file() == null ? "standard output" : r.file().toString()) + ": trend writes text, json or html, not "
                        + r.format().id());
            }
        }
        if (every != null && points != null) {
            throw new UserError("--every and --points exclude each other: give one");
        }
        if (!options.sitePackages.isEmpty() || options.venv != null) {
            throw new UserError("trend takes no --site-packages or --venv: installed dependencies are today's, not the history's");
        }
        Step step;
        TrendDates.Since from;
        TrendDates.Until to;
        try {
            step = points != null ? null : Step.parse(every == null ? "1w" : every);
            from = TrendDates.since(since);
            to = TrendDates.until(until, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage().startsWith("--") ? e.getMessage() : "--every " + e.getMessage());
        }
        if (points != null && points < 2) {
            throw new UserError("--points must be 2 or more, was " + points);
        }
        Path target = options.target;
        if (options.config == null && Files.isDirectory(target) && RepositoryCache.FileKey.isGitRepository(target.toFile(), FS.DETECTED)) {
            options.noConfig = true; // a bare repository: no work tree to hold a configuration, and none above it is its own
        }
        Analysis.Setup setup = Analysis.prepare(options.request());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean quiet = options.quiet;
        Path cacheDir = setup.scan().cache();
        ResultCache cache = cacheDir == null ? ResultCache.inMemory()
                : ResultCache.open(cacheDir, "trend " + target.toAbsolutePath().normalize(), setup.scanner().cacheStamp());
        long start = System.nanoTime();
        TrendReport report;
        int scans;
        try (TrendProgress progress = new TrendProgress(err, !quiet && ScanProgress.interactive(), options.verbose && !quiet)) {
            report = new HistoryTrend(setup.scanner()).run(new TrendRequest(setup.scan(), from, to, step, points), cache, progress);
            scans = progress.scans();
        }
        String saved = cache.save();
        if (options.verbose && !quiet) {
            err.println("eventlet-scan: result cache: " + saved);
        }
        boolean textOnStdout = false;
        for (ReportOutput r : reports) {
            TrendRenderer renderer = TrendRenderer.of(r.format()).orElseThrow();
            r.write(w -> renderer.render(report, w), out);
            textOnStdout |= r.file() == null && r.format() == ReportFormat.TEXT;
        }
        if (!quiet && !textOnStdout) {
            err.println(String.format(Locale.ROOT, "eventlet-scan: trend: %d points, %d commits scanned, %.1f s; %s",
                    report.points().size(), scans, (System.nanoTime() - start) / 1e9, report.projection().statement()));
        }
        return ExitCode.OK.code;
    }
}
