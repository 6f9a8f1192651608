package dev.eventletscan.cli;

import dev.eventletscan.analysis.Analysis;
import dev.eventletscan.analysis.AnalysisRequest;
import dev.eventletscan.analysis.AnalysisRequest.Baseline;
import dev.eventletscan.analysis.AnalysisRequest.Gates;
import dev.eventletscan.analysis.AnalysisResult;
import dev.eventletscan.fileio.OutputPath;
import dev.eventletscan.gate.BaselineFile;
import dev.eventletscan.model.FailOn;
import dev.eventletscan.model.GateResult;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.Severity;
import dev.eventletscan.report.ReportFormat;
import dev.eventletscan.report.ReportScope;
import dev.eventletscan.report.TextRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Maps the flags to an {@link AnalysisRequest}, runs it, writes the reports and prints the gates' verdict. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scan a repository (or one file) for eventlet usage, write reports, and apply CI gates.")
final class ScanCommand implements Callable<Integer> {
    /** Gate failures list at most this many findings on standard error; the reports have them all. */
    static final int MAX_CAUSES_PRINTED = 50;

    @Spec
    CommandSpec spec;

    @Mixin
    ScanOptions options;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Report format: ${COMPLETION-CANDIDATES}. Default on standard output: terminal when it is one, "
                    + "else text (one finding per line). Standard output only: -o files keep their extension's format (or FORMAT:FILE's), "
                    + "and with -o files this adds a report on standard output.",
            completionCandidates = FormatIds.class)
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "[FORMAT:]FILE",
            description = "Write a report to FILE (repeatable: -o report.html -o report.json). The extension gives the format "
                    + "(.txt .json .md .html .sarif); FORMAT:FILE says it, as in sarif:scan.out; - is standard output. With -o and no -f, "
                    + "nothing but warnings goes to standard output.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the terminal report: auto (when standard output is a terminal and NO_COLOR is unset), "
                    + "always, never.")
    String color;

    @Option(names = "--timestamps",
            description = "Put the start time and duration in the reports. Without it, the same input gives byte-identical reports.")
    boolean timestamps;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Compare with a baseline written by 'eventlet-scan baseline': each finding is new or known, and "
                    + "baselined findings that are gone are listed as fixed. Default: the configuration's baseline, else "
                    + BaselineFile.DEFAULT_NAME + " in PATH when it exists.")
    Path baseline;

    @Option(names = "--no-baseline", description = "Compare with no baseline, even one the configuration names.")
    boolean noBaseline;

    @Option(names = "--diff-base", paramLabel = "REV",
            description = "Count as new only findings on lines added or changed since the merge base of REV and HEAD "
                    + "(committed or not), as in a pull request: --diff-base origin/main.")
    String diffBase;

    @Option(names = "--fail-on", paramLabel = "WHEN",
            description = "Exit 1 when there are findings: new (not in the baseline, or on changed lines with --diff-base; "
                    + "every finding when there is neither), any, or none (default).")
    String failOn;

    @Option(names = "--fail-on-score", paramLabel = "N",
            description = "Exit 1 when the repository's difficulty score is N or more (0 to 100).")
    Double failOnScore;

    @Option(names = "--fail-on-category", paramLabel = "CATEGORY", split = ",",
            description = "Exit 1 on any finding of CATEGORY (new ones only when comparing), e.g. monkey-patch (repeatable).")
    List<String> failOnCategories = new ArrayList<>();

    @Option(names = "--fail-severity", paramLabel = "LEVEL",
            description = "The least severity --fail-on counts: info, low (default: a new mention in the docs fails "
                    + "nothing), medium or high.")
    String failSeverity;

    @Option(names = "--summary",
            description = "Leave the finding list out of the reports: the assessment, the counts, problems and gates only.")
    boolean summaryOnly;

    @Option(names = "--only", paramLabel = "WHICH",
            description = "Which findings the reports list: all (default) or new (not in the baseline, or on changed lines "
                    + "with --diff-base), so code scanning does not receive the baselined ones. Gates still see them all.")
    String only;

    /** The format ids, for picocli's help. */
    static final class FormatIds extends ArrayList<String> {
        FormatIds() {
            super(Arrays.stream(ReportFormat.values()).map(ReportFormat::id).toList());
        }
    }

    @Override
    public Integer call() throws IOException {
        ReportFormat explicit = format == null ? null : ReportFormat.byId(format)
                .orElseThrow(() -> new UserError("unknown --format '" + format + "' (known: " + ReportFormat.ids() + ")"));
        boolean interactive = ScanProgress.interactive();
        boolean colour = switch (color) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> interactive && System.getenv("NO_COLOR") == null;
            default -> throw new UserError("--color must be auto, always or never, was '" + color + "'");
        };
        ReportScope scope;
        try {
            scope = ReportScope.of(summaryOnly, only);
        } catch (IllegalArgumentException e) {
            throw new UserError("--only " + e.getMessage());
        }
        List<ReportOutput> reports = ReportOutput.plan(outputs, explicit, interactive ? ReportFormat.TERMINAL : ReportFormat.TEXT);
        checkReportFiles(reports, options.target);
        if (noBaseline && baseline != null) {
            throw new UserError("--baseline and --no-baseline contradict each other");
        }
        Baseline compareWith = noBaseline ? Baseline.NONE : baseline != null ? new Baseline.File(baseline) : Baseline.DEFAULT;
        AnalysisRequest request = options.request().withComparison(compareWith, diffBase).withGates(gates())
                .withReports(scope, timestamps);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean quiet = options.quiet;
        AnalysisResult outcome = Analysis.run(request, new ScanProgress(err, !quiet && interactive, options.verbose && !quiet));
        ScanResult result = outcome.result();
        ScanResult shown = outcome.shown();
        boolean textOnStdout = false;
        for (ReportOutput report : reports) {
            long start = System.nanoTime();
            report.write(shown, out, colour);
            if (options.verbose && !quiet && report.file() != null) {
                err.println(String.format(Locale.ROOT, "eventlet-scan: %-28s %8.3f s  (%,d bytes)",
                        "report " + report.format().id(), (System.nanoTime() - start) / 1e9, Files.size(report.file())));
            }
            textOnStdout |= report.file() == null
                    && (report.format() == ReportFormat.TEXT || report.format() == ReportFormat.TERMINAL);
        }
        if (!quiet && !textOnStdout) {
            for (ProcessingIssue p : result.problems()) {
                err.println("eventlet-scan: " + p.level() + ": " + TextRenderer.printable(p.path()) + ": " + TextRenderer.printable(p.message()));
            }
            err.println("eventlet-scan: " + TextRenderer.summaryLine(result));
        }
        return gateOutcome(result, err, quiet);
    }

    /** Distinct files, none that the scanned repository turns into a write elsewhere (see {@link OutputPath#checkInTree}). */
    static void checkReportFiles(List<ReportOutput> reports, Path target) {
        List<Path> files = reports.stream().map(ReportOutput::file).filter(Objects::nonNull).toList();
        OutputPath.checkDistinct(files, "report");
        Path tree = Files.isDirectory(target) ? target : target.toAbsolutePath().getParent();
        files.forEach(f -> OutputPath.checkInTree(f, "report", tree, false));
    }

    /** Prints a failed gate even when quiet: a red CI job must say why. */
    private static int gateOutcome(ScanResult result, PrintWriter err, boolean quiet) {
        GateResult gate = result.gate();
        if (gate == null) {
            return ExitCode.OK.code;
        }
        if (gate.passed()) {
            if (!quiet) {
                err.println("eventlet-scan: gates passed (" + String.join(", ", gate.gates()) + ")");
            }
            return ExitCode.OK.code;
        }
        String prefix = result.root().equals(".") ? "" : result.root() + "/";
        for (GateResult.Failure f : gate.failures()) {
            err.println("eventlet-scan: gate failed: " + f.gate() + ": " + TextRenderer.printable(f.reason())
                    + (f.causes().isEmpty() ? "" : ": " + location(prefix, f.causes().getFirst())
                    + (f.causes().size() > 1 ? " and " + (f.causes().size() - 1) + " more" : "")));
            for (GateResult.Cause c : f.causes().stream().skip(1).limit(MAX_CAUSES_PRINTED - 1).toList()) {
                err.println("  " + location(prefix, c));
            }
        }
        return ExitCode.GATE_FAILED.code;
    }

    private static String location(String prefix, GateResult.Cause c) {
        return TextRenderer.printable(prefix + c.path()) + ":" + c.line() + ":" + c.column() + ": " + c.ruleId() + " "
                + TextRenderer.printable(c.message());
    }

    /** The gates the flags set; each one left null is the configuration's to give. */
    private Gates gates() {
        FailOn when;
        try {
            when = options.given("--fail-on") ? FailOn.parse(failOn) : null;
        } catch (IllegalArgumentException e) {
            throw new UserError("--fail-on " + e.getMessage());
        }
        if (failOnScore != null && (failOnScore < 0 || failOnScore > 100 || failOnScore.isNaN())) {
            throw new UserError("--fail-on-score must be from 0 to 100, was " + failOnScore);
        }
        Severity least;
        try {
            least = options.given("--fail-severity") ? Severity.parse(failSeverity) : null;
        } catch (IllegalArgumentException e) {
            throw new UserError("--fail-severity must be info, low, medium or high, was '" + failSeverity + "'");
        }
        return new Gates(when, options.given("--fail-on-score") ? failOnScore : null,
                options.given("--fail-on-category") ? failOnCategories : null, least);
    }
}
