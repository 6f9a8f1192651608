package dev.eventletscan.analysis;

import dev.eventletscan.analysis.AnalysisRequest.Baseline;
import dev.eventletscan.analysis.AnalysisRequest.Gates;
import dev.eventletscan.analysis.AnalysisRequest.Settings;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.cache.CacheDirectory;
import dev.eventletscan.config.ConfigFiles;
import dev.eventletscan.config.ProjectConfig;
import dev.eventletscan.deps.SitePackages;
import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.fileio.InsideTree;
import dev.eventletscan.fileio.OutputPath;
import dev.eventletscan.gate.BaselineFile;
import dev.eventletscan.gate.ChangedLines;
import dev.eventletscan.gate.Comparisons;
import dev.eventletscan.gate.GatePolicy;
import dev.eventletscan.gate.MergeBaseFindings;
import dev.eventletscan.model.BaselineEntry;
import dev.eventletscan.model.Comparison;
import dev.eventletscan.model.FailOn;
import dev.eventletscan.model.InvalidInputException;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.Severity;
import dev.eventletscan.parse.NativeLibraries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One whole analysis, PMD-style: the library's entry point above the scan engine. From one
 * {@link AnalysisRequest} it finds and reads the project's configuration and merges it with the request, scans,
 * compares with a baseline or a diff base, applies the gates and scopes the reports. The CLI maps flags to the
 * request and prints; tests call the same methods.
 *
 * <p>Problems with the user's input (a missing baseline, an unknown category, a folder that is no site-packages)
 * are {@link InvalidInputException}s whose lines name the option or configuration key, as the CLI prints them.
 */
public final class Analysis {
    private Analysis() {}

    /**
     * The request merged with the project's configuration and the engine built for it: what a scan needs,
     * nothing scanned yet.
     */
    public record Setup(ScanRequest scan, Scanner scanner, ProjectConfig config) {}

    /** Reads the configuration, merges it with the request and builds the engine (rules loaded and checked). */
    public static Setup prepare(AnalysisRequest request) throws IOException {
        NativeLibraries.useDirectory(request.nativeDir());
        ProjectConfig cfg = readConfig(request);
        Settings s = request.settings();
        Map<String, Severity> levels = s.severities() != null ? s.severities()
                : cfg.severity() != null ? cfg.severity() : Map.of();
        ScanRequest scan = new ScanRequest(request.target(), pick(s.includes(), cfg.include()),
                pick(s.excludes(), cfg.exclude()), request.threads(), pick(s.extraRules(), cfg.rules()),
                pick(s.disabled(), cfg.disable()), dependencyFolders(request), pick(s.enabled(), cfg.enable()), levels,
                request.parseTimeout(), request.walk(), cacheFolder(request.cache()),
                s.wrapperDepth() != null ? s.wrapperDepth()
                        : cfg.wrapperDepth() != null ? cfg.wrapperDepth() : ScanRequest.DEFAULT_WRAPPER_DEPTH);
        try {
            return new Setup(scan, Scanner.forRequest(scan), cfg);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage() + fromConfig(e.getMessage(), cfg, s));
        }
    }

    /** The whole analysis: configuration, scan, comparison, gates; the reports are the caller's to write. */
    public static AnalysisResult run(AnalysisRequest request, AnalysisListener listener) throws IOException {
        listener.stage("configuration, rules and baseline");
        Setup setup = prepare(request);
        GatePolicy gates = gatePolicy(request.gates(), setup);
        Compared baseline = baseline(request, setup.config());
        Path target = request.target();
        ChangedLines changes = request.diffBase() == null || !Files.exists(target) ? null
                : ChangedLines.since(target, request.diffBase());
        ScanResult result = scan(setup, listener, target);
        listener.stage("comparison and reports");
        if (!request.timestamps()) {
            result = result.withoutTiming();
        }
        if (baseline != null || changes != null) {
            List<BaselineEntry> atBase = changes == null || baseline != null ? List.of()
                    : MergeBaseFindings.of(setup.scanner(), setup.scan(), changes);
            result = Comparisons.compare(result, baseline == null ? null : baseline.name(),
                    baseline == null ? null : baseline.entries(), request.diffBase(), changes, atBase);
        }
        if (gates.active()) {
            result = result.withGate(gates.evaluate(result));
        }
        return new AnalysisResult(result, request.scope().apply(result));
    }

    /**
     * Scans and writes the findings as the baseline file: {@code output}, else the configuration's baseline, else
     * the default file in the target. The comparison and gates of the request play no part.
     */
    public static BaselineWritten writeBaseline(AnalysisRequest request, Path output, AnalysisListener listener)
            throws IOException {
        Setup setup = prepare(request);
        ProjectConfig cfg = setup.config();
        Path target = request.target();
        Path file = output != null ? output : cfg.baseline() != null ? shown(cfg.baseline()) : defaultBaseline(target);
        OutputPath.check(file, "baseline");
        Path tree = folderOf(target);
        if (output == null && cfg.baseline() != null) {
            tree = InsideTree.repositoryOf(cfg.file().toAbsolutePath().getParent());
        }
        // a path the caller gave is the user's; the default and the configuration's are the repository's
        OutputPath.checkInTree(file, "baseline", tree, output == null);
        List<BaselineEntry> previous = Files.isRegularFile(file) ? BaselineFile.read(file) : null;
        ScanResult result = scan(setup, listener, target);
        try {
            BaselineFile.write(file, BaselineFile.entries(result.findings()));
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot write baseline: " + FileErrors.reason(e));
        }
        Comparison change = previous == null ? null
                : Comparisons.compare(result, file.toString(), previous, null, null).comparison();
        return new BaselineWritten(file, result.findings().size(), change);
    }

    /** A path as messages show it: relative to the current folder when inside it. */
    public static Path shown(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute) : path;
    }

    /** The folder of the target: itself, or a file target's folder. */
    public static Path folderOf(Path target) {
        return Files.isDirectory(target) ? target : target.toAbsolutePath().getParent();
    }

    private static ScanResult scan(Setup setup, AnalysisListener listener, Path target) throws IOException {
        try {
            return setup.scanner().scan(setup.scan(), listener);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(target + ": no such file or folder");
        }
    }

    private static Path defaultBaseline(Path target) {
        return folderOf(target).resolve(BaselineFile.DEFAULT_NAME).normalize();
    }

    /** The request's list when it gave one, else the configuration's, else none. */
    private static <T> List<T> pick(List<T> given, List<T> fromConfig) {
        return given != null ? given : fromConfig != null ? fromConfig : List.of();
    }

    private static ProjectConfig readConfig(AnalysisRequest request) throws IOException {
        Path target = request.target();
        return switch (request.config()) {
            case AnalysisRequest.Config.None none -> ProjectConfig.none();
            case AnalysisRequest.Config.File named -> {
                if (!Files.isRegularFile(named.file())) {
                    throw new InvalidInputException(named.file() + ": --config: no such file");
                }
                yield ConfigFiles.read(named.file());
            }
            case AnalysisRequest.Config.Discover discover -> !Files.exists(target)
                    ? ProjectConfig.none() // the scan reports the missing target
                    : ConfigFiles.find(target).map(Analysis::shown).map(ConfigFiles::read).orElse(ProjectConfig.none());
        };
    }

    /** Where a bad rule name came from, when it was the configuration file rather than the request. */
    private static String fromConfig(String message, ProjectConfig cfg, Settings s) {
        record Source(String verb, boolean given, String key, Object value) {}
        for (Source src : List.of(new Source("cannot disable", s.disabled() != null, "disable", cfg.disable()),
                new Source("cannot enable", s.enabled() != null, "enable", cfg.enable()),
                new Source("cannot set the severity", s.severities() != null, "severity", cfg.severity()))) {
            if (message.startsWith(src.verb()) && !src.given() && src.value() != null) {
                return " (" + cfg.where(src.key()) + ")";
            }
        }
        return "";
    }

    private static Path cacheFolder(AnalysisRequest.Cache cache) {
        return switch (cache) {
            case AnalysisRequest.Cache.None none -> null;
            case AnalysisRequest.Cache.UserDefault user -> CacheDirectory.userDefault().orElse(null);
            case AnalysisRequest.Cache.Folder folder -> folder.dir();
        };
    }

    private static List<Path> dependencyFolders(AnalysisRequest request) {
        List<Path> dirs = new ArrayList<>();
        for (Path dir : request.sitePackages()) {
            if (!Files.isDirectory(dir)) {
                throw new InvalidInputException(dir + ": --site-packages needs a folder");
            }
            dirs.add(dir);
        }
        if (request.venv() != null) {
            List<Path> found = SitePackages.inVenv(request.venv());
            if (found.isEmpty()) {
                throw new InvalidInputException(request.venv() + ": --venv found no lib/python3*/site-packages in it");
            }
            dirs.addAll(found);
        }
        return dirs;
    }

    /** The request's gates, each one it leaves unset taken from the configuration. */
    private static GatePolicy gatePolicy(Gates g, Setup setup) {
        ProjectConfig cfg = setup.config();
        FailOn when = g.failOn() != null ? g.failOn() : cfg.failOn() != null ? cfg.failOn() : FailOn.NONE;
        Double score = g.failOnScore() != null ? g.failOnScore() : cfg.failOnScore();
        List<String> categories = g.failOnCategories() != null ? g.failOnCategories()
                : cfg.failOnCategory() != null ? cfg.failOnCategory() : List.of();
        var known = setup.scanner().rules().categories();
        for (String c : categories) {
            if (known.stream().noneMatch(c::equalsIgnoreCase)) {
                throw new InvalidInputException((g.failOnCategories() != null ? "--fail-on-category" : cfg.where("fail-on-category"))
                        + ": no category '" + c + "' (known: " + String.join(", ", known) + ")");
            }
        }
        Severity least = g.failSeverity() != null ? g.failSeverity() : cfg.failSeverity() != null ? cfg.failSeverity() : Severity.LOW;
        return new GatePolicy(when, score, categories, least);
    }

    /** A baseline's name, as the reports call it, and its entries. */
    private record Compared(String name, List<BaselineEntry> entries) {}

    /** The baseline to compare with: the request's, the configuration's, or the default file when it exists. */
    private static Compared baseline(AnalysisRequest request, ProjectConfig cfg) {
        Path file = switch (request.baseline()) {
            case Baseline.Entries given -> null;
            case Baseline.None none -> null;
            case Baseline.File named -> named.file();
            case Baseline.Default implicit -> defaultBaselineFile(request.target(), cfg);
        };
        if (request.baseline() instanceof Baseline.Entries given) {
            return new Compared(given.name(), given.entries());
        }
        return file == null ? null : new Compared(file.toString(), BaselineFile.read(file));
    }

    private static Path defaultBaselineFile(Path target, ProjectConfig cfg) {
        if (cfg.baseline() != null) {
            if (!Files.exists(cfg.baseline())) {
                throw new InvalidInputException(cfg.where("baseline") + ": " + cfg.baseline()
                        + " does not exist (write it with: eventlet-scan baseline " + target + ")");
            }
            return shown(cfg.baseline());
        }
        Path root = folderOf(target);
        Path implicit = root == null ? null : root.resolve(BaselineFile.DEFAULT_NAME).normalize();
        if (implicit == null || !Files.exists(implicit, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        // the repository committed it: a link out of the tree, or a pipe, is not read
        try {
            if (!InsideTree.contains(root, implicit) || !Files.isRegularFile(implicit)) {
                throw new InvalidInputException(implicit + ": not read: the default baseline must be a regular file inside "
                        + "the scanned tree, not a link out of it or a device; name one with --baseline");
            }
        } catch (IOException e) {
            throw new InvalidInputException(implicit + ": cannot read baseline: " + FileErrors.reason(e));
        }
        return implicit;
    }
}
