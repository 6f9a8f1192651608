package dev.eventletscan.api;

import dev.eventletscan.model.Severity;
import dev.eventletscan.walk.WalkOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to scan and how; built by the CLI (or any caller) and never changed after.
 *
 * @param target a repository folder or a single file
 * @param includes globs a file must match (any), see {@link dev.eventletscan.walk.PathFilter}
 * @param excludes globs that remove files and whole folders
 * @param threads parser threads; 0 means one per available core
 * @param extraRules rule files to load beside the shipped ones
 * @param disabled rule ids or categories to leave out ({@code docs}, {@code EVT900})
 * @param sitePackages installed dependencies to scan for eventlet use (site-packages or dist-packages folders)
 * @param enabled rule ids or categories kept although {@code disabled} names their category
 * @param severities severity overrides by rule id or category
 * @param parseTimeout how long one file's parse may take before the file is reported and skipped
 * @param walk which links the walk follows, and whether ignore rules above the target apply
 * @param cache the folder of the per-file result cache, or null to compute everything afresh
 * @param wrapperDepth how many levels of the project's wrappers around eventlet to follow (0: none)
 */
public record ScanRequest(Path target, List<String> includes, List<String> excludes, int threads, List<Path> extraRules,
        List<String> disabled, List<Path> sitePackages, List<String> enabled, Map<String, Severity> severities,
        Duration parseTimeout, WalkOptions walk, Path cache, int wrapperDepth) {
    /** Wrappers of eventlet, and wrappers of those. */
    public static final int DEFAULT_WRAPPER_DEPTH = 2;

    /** Tree-sitter parses about 10 MB/s on one core: a file that takes longer than this is pathological. */
    public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(30);

    public ScanRequest {
        if (parseTimeout == null || parseTimeout.isNegative() || parseTimeout.isZero()) {
            throw new IllegalArgumentException("the parse time limit must be positive, was " + parseTimeout);
        }
        Objects.requireNonNull(walk, "walk");
        enabled = List.copyOf(enabled);
        severities = Collections.unmodifiableSortedMap(new TreeMap<>(severities));
        sitePackages = List.copyOf(sitePackages);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        extraRules = List.copyOf(extraRules);
        disabled = List.copyOf(disabled);
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (all cores) or more, was " + threads);
        }
        if (wrapperDepth < 0) {
            throw new IllegalArgumentException("the wrapper depth must be 0 or more, was " + wrapperDepth);
        }
    }

    public ScanRequest(Path target, List<String> includes, List<String> excludes, int threads, List<Path> extraRules,
            List<String> disabled, List<Path> sitePackages, List<String> enabled, Map<String, Severity> severities,
            Duration parseTimeout) {
        this(target, includes, excludes, threads, extraRules, disabled, sitePackages, enabled, severities, parseTimeout,
                WalkOptions.DEFAULT, null, DEFAULT_WRAPPER_DEPTH);
    }

    public ScanRequest(Path target, List<String> includes, List<String> excludes, int threads, List<Path> extraRules,
            List<String> disabled, List<Path> sitePackages) {
        this(target, includes, excludes, threads, extraRules, disabled, sitePackages, List.of(), Map.of(), DEFAULT_PARSE_TIMEOUT);
    }

    public ScanRequest(Path target, List<String> includes, List<String> excludes, int threads, List<Path> extraRules) {
        this(target, includes, excludes, threads, extraRules, List.of(), List.of());
    }

    public static ScanRequest of(Path target) {
        return new ScanRequest(target, List.of(), List.of(), 0, List.of(), List.of(), List.of());
    }

    public ScanRequest withSitePackages(List<Path> dirs) {
        return new ScanRequest(target, includes, excludes, threads, extraRules, disabled, dirs, enabled, severities,
                parseTimeout, walk, cache, wrapperDepth);
    }

    /** @param dir the result cache's folder, or null for none */
    public ScanRequest withCache(Path dir) {
        return new ScanRequest(target, includes, excludes, threads, extraRules, disabled, sitePackages, enabled, severities,
                parseTimeout, walk, dir, wrapperDepth);
    }

    public ScanRequest withWalk(WalkOptions options) {
        return new ScanRequest(target, includes, excludes, threads, extraRules, disabled, sitePackages, enabled, severities,
                parseTimeout, options, cache, wrapperDepth);
    }

    public ScanRequest withWrapperDepth(int depth) {
        return new ScanRequest(target, includes, excludes, threads, extraRules, disabled, sitePackages, enabled, severities,
                parseTimeout, walk, cache, depth);
    }

    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
