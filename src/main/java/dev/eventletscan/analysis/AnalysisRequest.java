package dev.eventletscan.analysis;

import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.model.BaselineEntry;
import dev.eventletscan.model.FailOn;
import dev.eventletscan.model.Severity;
import dev.eventletscan.report.ReportScope;
import dev.eventletscan.walk.WalkOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One whole analysis as a caller asks for it: what to scan, how, what to compare it with and which gates to apply.
 * A null setting was not given: the project's configuration file supplies it, else the default. Build one with
 * {@link #of(Path)} and the {@code with} methods (the CLI maps its flags onto these; nothing else reads flags).
 *
 * @param target a repository folder or a single file
 * @param config the configuration to read, or how to find it
 * @param settings scan settings that the configuration file can also give
 * @param threads parser threads; 0 means one per core
 * @param sitePackages installed dependencies to scan (site-packages or dist-packages folders)
 * @param venv a virtualenv whose site-packages to scan too, or null
 * @param parseTimeout how long one file's parse may take
 * @param walk which links the walk follows, and whether ignore rules above the target apply
 * @param cache where the per-file result cache lives
 * @param nativeDir a folder of native tree-sitter libraries to use instead of the bundled ones, or null
 * @param baseline the baseline to compare with
 * @param diffBase a git revision: only findings on lines changed since its merge base with HEAD are new; or null
 * @param gates which findings, score or categories fail the analysis
 * @param scope which findings the reports list
 * @param timestamps keep the start time and duration in the result (without them the same input gives the same bytes)
 */
public record AnalysisRequest(Path target, Config config, Settings settings, int threads, List<Path> sitePackages,
        Path venv, Duration parseTimeout, WalkOptions walk, Cache cache, Path nativeDir, Baseline baseline,
        String diffBase, Gates gates, ReportScope scope, boolean timestamps) {

    public AnalysisRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(walk, "walk");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(scope, "scope");
        sitePackages = List.copyOf(sitePackages);
    }

    /** Everything from the configuration or the defaults: the configuration found from the target, no cache. */
    public static AnalysisRequest of(Path target) {
        return new AnalysisRequest(target, Config.DISCOVER, Settings.NONE, 0, List.of(), null,
                ScanRequest.DEFAULT_PARSE_TIMEOUT, WalkOptions.DEFAULT, Cache.NONE, null, Baseline.DEFAULT, null,
                Gates.NONE, ReportScope.ALL, false);
    }

    /** Which configuration file applies. */
    public sealed interface Config {
        /** The {@code .eventlet-scan.yaml} or {@code pyproject.toml} in the target or the folders above it, up to the git root. */
        Config DISCOVER = new Discover();
        /** No configuration file at all. */
        Config NONE = new None();

        record Discover() implements Config {}

        record None() implements Config {}

        /** This file, which must exist. */
        record File(Path file) implements Config {}
    }

    /**
     * The settings a configuration file can give too; each one given here (not null) replaces the configuration's,
     * a list included.
     */
    public record Settings(List<String> includes, List<String> excludes, List<Path> extraRules, List<String> disabled,
            List<String> enabled, Map<String, Severity> severities, Integer wrapperDepth) {
        public static final Settings NONE = new Settings(null, null, null, null, null, null, null);

        public Settings {
            includes = copy(includes);
            excludes = copy(excludes);
            extraRules = copy(extraRules);
            disabled = copy(disabled);
            enabled = copy(enabled);
            severities = severities == null ? null : Collections.unmodifiableMap(new TreeMap<>(severities));
        }

        private static <T> List<T> copy(List<T> list) {
            return list == null ? null : List.copyOf(list);
        }
    }

    /** Where the per-file result cache lives. */
    public sealed interface Cache {
        /** Compute every file's results afresh. */
        Cache NONE = new None();
        /** The user's cache folder ($XDG_CACHE_HOME/eventlet-scan/results, else ~/.cache/eventlet-scan/results). */
        Cache USER_DEFAULT = new UserDefault();

        record None() implements Cache {}

        record UserDefault() implements Cache {}

        record Folder(Path dir) implements Cache {}
    }

    /** What the findings are compared with, as new, known or fixed. */
    public sealed interface Baseline {
        /** The configuration's baseline, else the default baseline file in the target when the repository has one. */
        Baseline DEFAULT = new Default();
        /** No baseline, even one the configuration names. */
        Baseline NONE = new None();

        record Default() implements Baseline {}

        record None() implements Baseline {}

        /** A baseline file written by {@code baseline}. */
        record File(Path file) implements Baseline {}

        /** Entries a caller holds already; {@code name} is what the reports call the baseline. */
        record Entries(String name, List<BaselineEntry> entries) implements Baseline {
            public Entries {
                entries = List.copyOf(entries);
            }
        }
    }

    /**
     * The CI gates; each one given here (not null) replaces the configuration's.
     *
     * @param failOn which findings fail
     * @param failOnScore fail at or above this difficulty score
     * @param failOnCategories fail on any (new) finding of these categories
     * @param failSeverity the least severity {@code failOn} counts
     */
    public record Gates(FailOn failOn, Double failOnScore, List<String> failOnCategories, Severity failSeverity) {
        public static final Gates NONE = new Gates(null, null, null, null);

        public Gates {
            failOnCategories = failOnCategories == null ? null : List.copyOf(failOnCategories);
        }
    }

    public AnalysisRequest withConfig(Config c) {
        return new AnalysisRequest(target, c, settings, threads, sitePackages, venv, parseTimeout, walk, cache, nativeDir,
                baseline, diffBase, gates, scope, timestamps);
    }

    public AnalysisRequest withSettings(Settings s) {
        return new AnalysisRequest(target, config, s, threads, sitePackages, venv, parseTimeout, walk, cache, nativeDir,
                baseline, diffBase, gates, scope, timestamps);
    }

    /** @param n parser threads, 0 for one per core */
    public AnalysisRequest withThreads(int n) {
        return new AnalysisRequest(target, config, settings, n, sitePackages, venv, parseTimeout, walk, cache, nativeDir,
                baseline, diffBase, gates, scope, timestamps);
    }

    public AnalysisRequest withDependencies(List<Path> dirs, Path virtualenv) {
        return new AnalysisRequest(target, config, settings, threads, dirs, virtualenv, parseTimeout, walk, cache, nativeDir,
                baseline, diffBase, gates, scope, timestamps);
    }

    public AnalysisRequest withParsing(Duration timeout, Path nativeLibraries) {
        return new AnalysisRequest(target, config, settings, threads, sitePackages, venv, timeout, walk, cache,
                nativeLibraries, baseline, diffBase, gates, scope, timestamps);
    }

    public AnalysisRequest withWalk(WalkOptions w) {
        return new AnalysisRequest(target, config, settings, threads, sitePackages, venv, parseTimeout, w, cache, nativeDir,
                baseline, diffBase, gates, scope, timestamps);
    }

    public AnalysisRequest withCache(Cache c) {
        return new AnalysisRequest(target, config, settings, threads, sitePackages, venv, parseTimeout, walk, c, nativeDir,
                baseline, diffBase, gates, scope, timestamps);
    }

    /** @param revision the diff base (a git revision), or null for none */
    public AnalysisRequest withComparison(Baseline b, String revision) {
        return new AnalysisRequest(target, config, settings, threads, sitePackages, venv, parseTimeout, walk, cache, nativeDir,
                b, revision, gates, scope, timestamps);
    }

    public AnalysisRequest withGates(Gates g) {
        return new AnalysisRequest(target, config, settings, threads, sitePackages, venv, parseTimeout, walk, cache, nativeDir,
                baseline, diffBase, g, scope, timestamps);
    }

    public AnalysisRequest withReports(ReportScope s, boolean keepTimestamps) {
        return new AnalysisRequest(target, config, settings, threads, sitePackages, venv, parseTimeout, walk, cache, nativeDir,
                baseline, diffBase, gates, s, keepTimestamps);
    }
}
