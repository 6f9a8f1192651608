package dev.eventletscan.cli;

import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.parse.NativeLibraries;
import dev.eventletscan.report.ReportFormat;
import dev.eventletscan.report.TextRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan a repository (or one file) for eventlet usage and write a report.")
final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "Repository folder or Python file to scan.")
    Path target;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Report format: ${COMPLETION-CANDIDATES}. Default on standard output: terminal when it is one, "
                    + "else text (one finding per line). For -o files the extension decides unless this is given.",
            completionCandidates = FormatIds.class)
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "[FORMAT:]FILE",
            description = "Write a report to FILE (repeatable: -o report.html -o report.json). The extension gives the format "
                    + "(.txt .json .md .html .sarif); FORMAT:FILE says it, as in sarif:scan.out; - is standard output.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the terminal report: auto (when standard output is a terminal and NO_COLOR is unset), "
                    + "always, never.")
    String color;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Only scan files matching GLOB (repeatable). Without '/', matches a name at any depth.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip files and folders matching GLOB (repeatable), e.g. tests or 'nova/tests/**'.")
    List<String> excludes = new ArrayList<>();

    @Option(names = {"-j", "--threads"}, paramLabel = "N", defaultValue = "0",
            description = "Parser threads (default: one per core).")
    int threads;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra rule file to load (repeatable).")
    List<Path> extraRules = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "RULE|CATEGORY", split = ",",
            description = "Leave out a rule or a whole category (repeatable, or comma-separated), e.g. docs or EVT002.")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--site-packages", paramLabel = "DIR",
            description = "Installed dependencies (a site-packages or dist-packages folder, repeatable): scan the ones the "
                    + "project requires, directly or not, to confirm which use eventlet.")
    List<Path> sitePackages = new ArrayList<>();

    @Option(names = "--venv", paramLabel = "DIR", description = "A virtualenv whose site-packages to scan (as --site-packages).")
    Path venv;

    @Option(names = "--native-dir", paramLabel = "DIR",
            description = "Use libtree-sitter.so and libtree-sitter-python.so from DIR instead of the bundled ones "
                    + "(also: environment variable " + NativeLibraries.DIR_ENV + ").")
    Path nativeDir;

    @Option(names = "--timestamps",
            description = "Put the start time and duration in the reports. Without it, the same input gives byte-identical reports.")
    boolean timestamps;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on standard error but errors: no progress bar, no summary.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print the time each phase of the scan took on standard error.")
    boolean verbose;

    /** The format ids, for picocli's help. */
    static final class FormatIds extends ArrayList<String> {
        FormatIds() {
            super(java.util.Arrays.stream(ReportFormat.values()).map(ReportFormat::id).toList());
        }
    }

    private List<Path> dependencyFolders() {
        List<Path> dirs = new ArrayList<>();
        for (Path dir : sitePackages) {
            if (!java.nio.file.Files.isDirectory(dir)) {
                throw new UserError(dir + ": --site-packages needs a folder");
            }
            dirs.add(dir);
        }
        if (venv != null) {
            List<Path> found = dev.eventletscan.deps.SitePackages.inVenv(venv);
            if (found.isEmpty()) {
                throw new UserError(venv + ": --venv found no lib/python3*/site-packages in it");
            }
            dirs.addAll(found);
        }
        return dirs;
    }

    @Override
    public Integer call() throws IOException {
        if (nativeDir != null) {
            System.setProperty(NativeLibraries.DIR_PROPERTY, nativeDir.toString());
        }
        if (threads < 0) {
            throw new UserError("--threads must be 0 (one per core) or more, was " + threads);
        }
        ReportFormat explicit = format == null ? null : ReportFormat.byId(format)
                .orElseThrow(() -> new UserError("unknown --format '" + format + "' (known: " + ReportFormat.ids() + ")"));
        boolean interactive = ScanProgress.interactive();
        boolean colour = switch (color) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> interactive && System.getenv("NO_COLOR") == null;
            default -> throw new UserError("--color must be auto, always or never, was '" + color + "'");
        };
        List<ReportOutput> reports = ReportOutput.plan(outputs, explicit, interactive ? ReportFormat.TERMINAL : ReportFormat.TEXT);
        ScanRequest request = new ScanRequest(target, includes, excludes, threads, extraRules, disabled, dependencyFolders());
        Scanner scanner;
        try {
            scanner = Scanner.forRequest(request);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        ScanResult result;
        try {
            result = scanner.scan(request, new ScanProgress(spec.commandLine().getErr(),
                    !quiet && ScanProgress.interactive(), verbose && !quiet));
        } catch (NoSuchFileException e) {
            throw new UserError(target + ": no such file or folder");
        }
        if (!timestamps) {
            result = result.withoutTiming();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean textOnStdout = false;
        for (ReportOutput report : reports) {
            long start = System.nanoTime();
            report.write(result, out, colour);
            if (verbose && !quiet && report.file() != null) {
                err.println(String.format(java.util.Locale.ROOT, "eventlet-scan: %-28s %8.3f s  (%,d bytes)",
                        "report " + report.format().id(), (System.nanoTime() - start) / 1e9, java.nio.file.Files.size(report.file())));
            }
            textOnStdout |= report.file() == null
                    && (report.format() == ReportFormat.TEXT || report.format() == ReportFormat.TERMINAL);
        }
        if (!quiet && !textOnStdout) {
            for (ProcessingIssue p : result.problems()) {
                err.println("eventlet-scan: " + p.level() + ": " + p.path() + ": " + p.message());
            }
            err.println("eventlet-scan: " + TextRenderer.summaryLine(result));
        }
        return ExitCode.OK.code;
    }
}
