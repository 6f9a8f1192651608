package dev.eventletscan.cli;

import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.config.ConfigFiles;
import dev.eventletscan.config.ProjectConfig;
import dev.eventletscan.deps.SitePackages;
import dev.eventletscan.model.InvalidInputException;
import dev.eventletscan.model.Severity;
import dev.eventletscan.parse.NativeLibraries;
import dev.eventletscan.walk.WalkOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What to scan and with which rules: the options {@code scan} and {@code baseline} share, so a baseline is
 * always made the way the scans that read it are. Each merges with the configuration file; an option given on
 * the command line replaces the configuration's value (a list included).
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

    /** The request and the scanner it needs, with the configuration they came from. */
    record Resolved(ScanRequest request, Scanner scanner, ProjectConfig config) {}

    Resolved resolve() throws IOException {
        if (nativeDir != null) {
            System.setProperty(NativeLibraries.DIR_PROPERTY, nativeDir.toString());
        }
        if (threads < 0) {
            throw new UserError("--threads must be 0 (one per core) or more, was " + threads);
        }
        if (!(parseTimeoutSeconds > 0) || parseTimeoutSeconds > 86_400) {
            throw new UserError("--parse-timeout must be a number of seconds above 0 (and at most a day), was " + parseTimeoutSeconds);
        }
        if (wrapperDepth < 0 || wrapperDepth > 10) {
            throw new UserError("--wrapper-depth must be a whole number from 0 to 10, was " + wrapperDepth);
        }
        ProjectConfig cfg = readConfig();
        Map<String, Severity> levels = new LinkedHashMap<>();
        if (given("--severity")) {
            severities.forEach((k, v) -> {
                try {
                    levels.put(k, Severity.parse(v));
                } catch (IllegalArgumentException e) {
                    throw new UserError("--severity " + k + "=" + v + ": the level must be info, low, medium or high");
                }
            });
        } else if (cfg.severity() != null) {
            levels.putAll(cfg.severity());
        }
        ScanRequest request = new ScanRequest(target, pick("--include", includes, cfg.include()),
                pick("--exclude", excludes, cfg.exclude()), threads, pick("--rules", extraRules, cfg.rules()),
                pick("--disable", disabled, cfg.disable()), dependencyFolders(), pick("--enable", enabled, cfg.enable()), levels,
                java.time.Duration.ofMillis(Math.round(parseTimeoutSeconds * 1000)),
                new WalkOptions(followSymlinks, !noIgnoreAbove),
                noCache ? null : cacheDir != null ? cacheDir : dev.eventletscan.cache.CacheDirectory.userDefault().orElse(null),
                given("--wrapper-depth") || cfg.wrapperDepth() == null ? wrapperDepth : cfg.wrapperDepth());
        try {
            return new Resolved(request, Scanner.forRequest(request), cfg);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + fromConfig(e.getMessage(), cfg));
        }
    }

    /** The command line's list when it gave the option, else the configuration's, else the (empty) default. */
    private <T> List<T> pick(String option, List<T> fromCommandLine, List<T> fromConfig) {
        return given(option) || fromConfig == null ? fromCommandLine : fromConfig;
    }

    boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** The command line's value when it gave the option, else the configuration's (may be null). */
    <T> T pick(String option, T fromCommandLine, Supplier<T> fromConfig) {
        return given(option) ? fromCommandLine : fromConfig.get();
    }

    /** Where a bad rule name came from, when it was the configuration file rather than the command line. */
    private String fromConfig(String message, ProjectConfig cfg) {
        record Source(String verb, String option, String key, Object value) {}
        for (Source s : List.of(new Source("cannot disable", "--disable", "disable", cfg.disable()),
                new Source("cannot enable", "--enable", "enable", cfg.enable()),
                new Source("cannot set the severity", "--severity", "severity", cfg.severity()))) {
            if (message.startsWith(s.verb()) && !given(s.option()) && s.value() != null) {
                return " (" + cfg.where(s.key()) + ")";
            }
        }
        return "";
    }

    private ProjectConfig readConfig() throws IOException {
        if (noConfig) {
            return ProjectConfig.none();
        }
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new InvalidInputException(config + ": --config: no such file");
            }
            return ConfigFiles.read(config);
        }
        if (!Files.exists(target)) {
            return ProjectConfig.none(); // the scan reports the missing target
        }
        return ConfigFiles.find(target).map(ScanOptions::shown).map(ConfigFiles::read).orElse(ProjectConfig.none());
    }

    /** A path as messages show it: relative to the current folder when inside it. */
    static Path shown(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute) : path;
    }

    private List<Path> dependencyFolders() {
        List<Path> dirs = new ArrayList<>();
        for (Path dir : sitePackages) {
            if (!Files.isDirectory(dir)) {
                throw new UserError(dir + ": --site-packages needs a folder");
            }
            dirs.add(dir);
        }
        if (venv != null) {
            List<Path> found = SitePackages.inVenv(venv);
            if (found.isEmpty()) {
                throw new UserError(venv + ": --venv found no lib/python3*/site-packages in it");
            }
            dirs.addAll(found);
        }
        return dirs;
    }
}
