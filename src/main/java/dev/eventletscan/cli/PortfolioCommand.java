package dev.eventletscan.cli;

import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.cache.CacheDirectory;
import dev.eventletscan.fileio.OutputPath;
import dev.eventletscan.portfolio.Portfolio;
import dev.eventletscan.portfolio.PortfolioListener;
import dev.eventletscan.portfolio.PortfolioRenderer;
import dev.eventletscan.portfolio.PortfolioReport;
import dev.eventletscan.portfolio.PortfolioRequest;
import dev.eventletscan.portfolio.RepositoryEntry;
import dev.eventletscan.portfolio.RepositorySource;
import dev.eventletscan.portfolio.PortfolioInputs;
import dev.eventletscan.portfolio.Shard;
import dev.eventletscan.portfolio.Teams;
import dev.eventletscan.report.ReportFormat;
import dev.eventletscan.walk.WalkOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** A thin shell: options to a {@link PortfolioRequest}, then {@link Portfolio#build}, then the renderers. */
@Command(name = "portfolio", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = PortfolioCommand.Merge.class,
        description = {"Scan many repositories and report them as one portfolio: status, score, effort and switch-off verdict per "
                + "repository, totals per team, dependency readiness with the blockers graph, an order of work and who to nudge.",
            "Repositories are scanned a few at a time (--jobs) and cached; a stopped run resumes. A repository that fails is "
                + "listed with its error."})
final class PortfolioCommand implements Callable<Integer> {
    static final List<ReportFormat> FORMATS = List.of(ReportFormat.MARKDOWN, ReportFormat.JSON, ReportFormat.HTML);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FOLDER", arity = "0..*", description = "Folders whose sub-folders are checkouts to scan.")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--list", paramLabel = "FILE", description = "A file naming one checkout per line (relative to the file; # comments).")
    List<Path> lists = new ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE|DIR",
            description = "A JSON report of 'eventlet-scan scan' made elsewhere, or a folder of them (NAME.json is repository NAME).")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--teams", paramLabel = "FILE", description = "YAML mapping team names to lists of repository names.")
    Path teams;

    @Option(names = "--previous", paramLabel = "FILE", description = "An earlier portfolio JSON report: adds the change since it.")
    Path previous;

    @Option(names = "--shard", paramLabel = "I/N", description = "Scan only the I-th of N deterministic shares (for a CI matrix); "
            + "join the JSON reports with 'portfolio merge'.")
    String shard;

    @Option(names = {"-J", "--jobs"}, paramLabel = "N",
            description = "Repositories scanned at once (default: one per core, at most 4). Memory grows with N, not with the portfolio.")
    Integer jobs;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Parser threads per repository (default: cores / jobs, at least 1).")
    Integer threads;

    @Option(names = "--history-points", paramLabel = "N", defaultValue = "5",
            description = "Commits sampled over the last year of each repository with git history, for its trend and the "
                    + "burndown (default 5; 0 for none).")
    int historyPoints;

    @Option(names = "--site-packages", paramLabel = "DIR", description = "Installed dependencies to scan for eventlet use (repeatable).")
    List<Path> sitePackages = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra rule file to load (repeatable).")
    List<Path> extraRules = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "RULE|CATEGORY", split = ",", description = "Rules or categories to leave out.")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--no-cache", description = "Scan everything afresh: neither read nor write the result cache.")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "The result cache's folder (default as for scan).")
    Path cacheDir;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Format on standard output: markdown (default), json or html.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "[FORMAT:]FILE", description = "Write the report to FILE (repeatable): .md, .json or .html.")
    List<String> outputs = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on standard error but errors.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        List<ReportOutput> planned = plan(format, outputs);
        if (folders.isEmpty() && lists.isEmpty() && reports.isEmpty()) {
            throw new UserError("give folders of checkouts, --list FILE or --report FILE|DIR");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int j = jobs != null ? jobs : Math.min(cores, 4);
        int t = threads != null ? threads : Math.max(1, cores / Math.max(1, j));
        List<RepositorySource> sources;
        PortfolioRequest request;
        Scanner scanner;
        try {
            ScanRequest template = new ScanRequest(Path.of("."), List.of(), List.of(), t, extraRules, disabled, sitePackages, List.of(),
                    Map.of(), ScanRequest.DEFAULT_PARSE_TIMEOUT, WalkOptions.DEFAULT,
                    noCache ? null : cacheDir != null ? cacheDir : CacheDirectory.userDefault().orElse(null), ScanRequest.DEFAULT_WRAPPER_DEPTH);
            request = new PortfolioRequest(template, j, teams == null ? Teams.EMPTY : Teams.read(teams), historyPoints,
                    shard == null ? null : Shard.parse(shard));
            sources = PortfolioInputs.collect(folders, lists, reports);
            scanner = Scanner.forRequest(template);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        PortfolioReport before = previous == null ? null : read(previous);
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        PortfolioReport report = Portfolio.build(scanner, request, sources, before, quiet ? PortfolioListener.NONE : progress(err,
                request.shard() == null ? sources.size() : request.shard().of(sources).size()));
        write(planned, report, spec.commandLine().getOut());
        if (!quiet) {
            var all = report.totals().overall();
            err.println(String.format(Locale.ROOT, "eventlet-scan: portfolio: %d repositories%s, %.1f s; %s", all.repositories(),
                    report.shard() == null ? "" : " (shard " + report.shard().label() + ")", (System.nanoTime() - start) / 1e9,
                    all.byStatus().entrySet().stream().filter(e -> e.getValue() != 0).map(e -> e.getValue() + " " + e.getKey())
                            .reduce((a, b) -> a + ", " + b).orElse("none")));
        }
        return ExitCode.OK.code;
    }

    private static PortfolioListener progress(PrintWriter err, int total) {
        AtomicInteger done = new AtomicInteger();
        return new PortfolioListener() {
            @Override
            public void finished(RepositoryEntry e, long millis) {
                synchronized (err) {
                    err.println(String.format(Locale.ROOT, "eventlet-scan: [%d/%d] %s: %s (%.1f s)", done.incrementAndGet(), total,
                            printable(e.name()), e.failed() ? "failed: " + printable(e.error()) : e.status(), millis / 1000.0));
                }
            }
        };
    }

    private static String printable(String s) {
        return dev.eventletscan.fileio.Printable.of(s);
    }

    static List<ReportOutput> plan(String format, List<String> outputs) {
        ReportFormat explicit = format == null ? null : ReportFormat.byId(format.equals("md") ? "markdown" : format).filter(FORMATS::contains)
                .orElseThrow(() -> new UserError("unknown --format '" + format + "' for portfolio (known: markdown, json, html)"));
        List<ReportOutput> planned = ReportOutput.plan(outputs, explicit, ReportFormat.MARKDOWN);
        OutputPath.checkDistinct(planned.stream().map(ReportOutput::file).filter(java.util.Objects::nonNull).toList(), "report");
        for (ReportOutput r : planned) {
            if (!FORMATS.contains(r.format())) {
                throw new UserError((r.file() == null ? "standard output" : r.file().toString())
                        + ": portfolio writes markdown, json or html, not " + r.format().id());
            }
        }
        return planned;
    }

    static void write(List<ReportOutput> planned, PortfolioReport report, PrintWriter out) throws IOException {
        for (ReportOutput r : planned) {
            PortfolioRenderer renderer = PortfolioRenderer.of(r.format().id()).orElseThrow();
            r.write(w -> renderer.render(report, w), out);
        }
    }

    static PortfolioReport read(Path file) throws IOException {
        try {
            return Portfolio.read(file);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Join the JSON reports of every shard of one portfolio (made with --shard I/N) into the report a single "
                    + "run gives: the same JSON, byte for byte.")
    static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SHARD.json", arity = "1..*", description = "The shards' JSON reports, in any order.")
        List<Path> shards = new ArrayList<>();

        @Option(names = "--previous", paramLabel = "FILE", description = "An earlier portfolio JSON report: adds the change since it.")
        Path previous;

        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Format on standard output: markdown (default), json or html.")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "[FORMAT:]FILE", description = "Write the report to FILE (repeatable).")
        List<String> outputs = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            List<ReportOutput> planned = plan(format, outputs);
            List<PortfolioReport> read = new ArrayList<>();
            for (Path s : shards) {
                read.add(read(s));
            }
            PortfolioReport merged;
            try {
                merged = Portfolio.merge(read, previous == null ? null : read(previous));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            write(planned, merged, spec.commandLine().getOut());
            return ExitCode.OK.code;
        }
    }
}
