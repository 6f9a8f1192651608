package dev.eventletscan.cli;

import dev.eventletscan.analysis.Analysis;
import dev.eventletscan.analysis.AnalysisRequest;
import dev.eventletscan.analysis.AnalysisRequest.Cache;
import dev.eventletscan.analysis.AnalysisRequest.Config;
import dev.eventletscan.analysis.AnalysisRequest.Settings;
import dev.eventletscan.model.Severity;
import dev.eventletscan.parse.NativeLibraries;
import dev.eventletscan.walk.WalkOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What to scan and with which rules: the options {@code scan} and {@code baseline} share, so a baseline is
 * always made the way the scans that read it are. They become an {@link AnalysisRequest}, where an option not
 * given is left null for the library to take from the configuration file; an option given on the command line
 * replaces the configuration's value (a list included).
 */
final class ScanOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "Repository folder or Python file to scan.")
    Path target;

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

    @Option(names = "--enable", paramLabel = "RULE|CATEGORY", split = ",",
            description = "Keep a rule although --disable names its category (repeatable, or comma-separated).")
    List<String> enabled = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "RULE|CATEGORY=LEVEL", split = ",",
            description = "Give a rule or category another severity: info, low, medium or high (repeatable), e.g. docs=low.")
    Map<String, String> severities = new LinkedHashMap<>();

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

    @Option(names = "--parse-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up on a file whose parse takes longer (default 30 s; tree-sitter parses about 10 MB/s): "
                    + "the file is reported and the scan goes on.")
    double parseTimeoutSeconds;

    @Option(names = "--follow-symlinks",
            description = "Follow symbolic links that lead out of PATH too (links inside it are always followed; loops never).")
    boolean followSymlinks;

    @Option(names = "--no-ignore-above",
            description = "Apply no ignore rules from above PATH (.gitignore files of its parent folders, .git/info/exclude).")
    boolean noIgnoreAbove;

    @Option(names = "--wrapper-depth", paramLabel = "N", defaultValue = "2",
            description = "Follow the project's own wrappers around eventlet this many levels deep (default 2: wrappers, and "
                    + "wrappers of wrappers); their call sites are reported as indirect findings. 0 follows none.")
    int wrapperDepth;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read settings from FILE (.yaml, or a pyproject.toml's [tool.eventlet-scan]) instead of the "
                    + ".eventlet-scan.yaml or pyproject.toml found in PATH or the folders above it, up to the git root.")
    Path config;

    @Option(names = "--no-config", description = "Read no configuration file.")
    boolean noConfig;

    @Option(names = "--no-cache", description = "Compute every file's results afresh: neither read nor write the result cache.")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Keep the per-file result cache in DIR "
            + "(default: $XDG_CACHE_HOME/eventlet-scan/results, else ~/.cache/eventlet-scan/results).")
    Path cacheDir;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on standard error but errors and failed gates.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print the time each phase of the scan took on standard error.")
    boolean verbose;

    /**
     * The flags as an analysis request. Only what a flag alone decides is checked here (its range, its syntax);
     * reading the configuration and merging it with the flags is the library's ({@link Analysis#prepare}).
     */
    AnalysisRequest request() {
        if (threads < 0) {
            throw new UserError("--threads must be 0 (one per core) or more, was " + threads);
        }
        if (!(parseTimeoutSeconds > 0) || parseTimeoutSeconds > 86_400) {
            throw new UserError("--parse-timeout must be a number of seconds above 0 (and at most a day), was " + parseTimeoutSeconds);
        }
        if (wrapperDepth < 0 || wrapperDepth > 10) {
            throw new UserError("--wrapper-depth must be a whole number from 0 to 10, was " + wrapperDepth);
        }
        Map<String, Severity> levels = null;
        if (given("--severity")) {
            levels = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : severities.entrySet()) {
                try {
                    levels.put(e.getKey(), Severity.parse(e.getValue()));
                } catch (IllegalArgumentException bad) {
                    throw new UserError("--severity " + e.getKey() + "=" + e.getValue() + ": the level must be info, low, medium or high");
                }
            }
        }
        Settings settings = new Settings(given("--include") ? includes : null, given("--exclude") ? excludes : null,
                given("--rules") ? extraRules : null, given("--disable") ? disabled : null,
                given("--enable") ? enabled : null, levels, given("--wrapper-depth") ? wrapperDepth : null);
        Config cfg = noConfig ? Config.NONE : config != null ? new Config.File(config) : Config.DISCOVER;
        Cache cache = noCache ? Cache.NONE : cacheDir != null ? new Cache.Folder(cacheDir) : Cache.USER_DEFAULT;
        return AnalysisRequest.of(target).withConfig(cfg).withSettings(settings).withThreads(threads)
                .withDependencies(sitePackages, venv)
                .withParsing(Duration.ofMillis(Math.round(parseTimeoutSeconds * 1000)), nativeDir)
                .withWalk(new WalkOptions(followSymlinks, !noIgnoreAbove)).withCache(cache);
    }

    boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
