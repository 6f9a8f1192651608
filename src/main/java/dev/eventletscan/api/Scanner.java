package dev.eventletscan.api;

import dev.eventletscan.api.ScanListener.Phase;
import dev.eventletscan.cache.ResultCache;
import dev.eventletscan.calls.CallLevels;
import dev.eventletscan.calls.FunctionCalls;
import dev.eventletscan.detect.EntryPoint;
import dev.eventletscan.detect.ProjectFacts;
import dev.eventletscan.detect.manifest.Manifest;
import dev.eventletscan.detect.manifest.Manifests;
import dev.eventletscan.detect.python.ModuleInterface;
import dev.eventletscan.graph.ImportGraph;
import dev.eventletscan.graph.ImportStatement;
import dev.eventletscan.hazard.PatchOrder;
import dev.eventletscan.indirect.IndirectUsage;
import dev.eventletscan.indirect.ModuleAssignments;
import dev.eventletscan.model.Assessment;
import dev.eventletscan.model.DependencyAssessment;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.model.ScanMetadata;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.ToolInfo;
import dev.eventletscan.modules.ModuleNames;
import dev.eventletscan.parse.PythonGrammar;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.rules.AnalysisMatch;
import dev.eventletscan.rules.Rule;
import dev.eventletscan.rules.RuleLoader;
import dev.eventletscan.rules.RuleSet;
import dev.eventletscan.score.Assessor;
import dev.eventletscan.score.ImportGraphShape;
import dev.eventletscan.score.ProjectShape;
import dev.eventletscan.score.ScoringModel;
import dev.eventletscan.walk.FileContents;
import dev.eventletscan.walk.GitTreeWalker;
import dev.eventletscan.walk.PathFilter;
import dev.eventletscan.walk.RepositoryWalker;
import dev.eventletscan.walk.SourceFile;
import dev.eventletscan.walk.WalkMemo;
import dev.eventletscan.walk.WalkResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The library entry point: walk, parse and detect in parallel, then merge
 * into one {@link ScanResult} whose order depends only on the input.
 */
public final class Scanner {
    /** The JSON report schema version; bump the major part on any incompatible change. */
    public static final String SCHEMA_VERSION = "1.2";

    private final RuleSet rules;
    /** The assessor, made from the scoring model when a scan first needs it; null until then. Guarded by this. */
    private CompletableFuture<Assessor> assessor;

    /** With the shipped scoring model, read only when a scan computes its result (a warm re-scan reads it back). */
    public Scanner(RuleSet rules) {
        this.rules = rules;
    }

    public Scanner(RuleSet rules, ScoringModel model) {
        this.rules = rules;
        this.assessor = CompletableFuture.completedFuture(new Assessor(model));
    }

    /**
     * Starts reading the shipped scoring model, unless it is read or under way. On a fresh JVM that takes about as
     * long as reading the rules (YAML and Jackson's first use), so the scan starts it before detection and it reads
     * on another core meanwhile. Its own thread, never the common pool, which a library caller may have busy or
     * blocked.
     */
    private synchronized CompletableFuture<Assessor> assessorLoading() {
        if (assessor == null) {
            assessor = CompletableFuture.supplyAsync(() -> new Assessor(ScoringModel.shipped()),
                    task -> Thread.ofPlatform().daemon().name("scoring-model").start(task));
        }
        return assessor;
    }

    private Assessor assessor() {
        return ScanPool.join(assessorLoading());
    }

    /**
     * A scanner with the shipped rules and the request's extra rule files, less the disabled ones, with the
     * request's severity overrides.
     *
     * @throws IllegalArgumentException when a disabled, enabled or overridden name is neither a rule id nor a category
     */
    public static Scanner forRequest(ScanRequest request) {
        RuleSet all = RuleLoader.load(request.extraRules());
        requireNames(all, "disable", request.disabled());

        requireNames(all, "enable", request.enabled());
        requireNames(all, "set the severity of", request.severities().keySet());
        return new Scanner(all.without(request.disabled(), request.enabled()).withSeverities(request.severities()));
    }

    private static void requireNames(RuleSet rules, String verb, Collection<String> names) {
        for (String name : names) {
            if (!rules.names(name)) {
                throw new IllegalArgumentException("cannot " + verb + " '" + name + "': no rule or category of that name");
            }
        }
    }

    public RuleSet rules() {
        return rules;
    }

    /**
     * @throws java.nio.file.NoSuchFileException when the target does not exist
     */
    public ScanResult scan(ScanRequest request) throws IOException {
        return scan(request, ScanListener.NONE);
    }

    /**
     * @param listener hears each phase start and end, and each file detection finishes
     * @throws java.nio.file.NoSuchFileException when the target does not exist
     */
    public ScanResult scan(ScanRequest request, ScanListener listener) throws IOException {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        ScanResult known;
        ScanResult result;
        ResultCache cache;
        try (ForkJoinPool pool = ScanPool.create(request.effectiveThreads())) {
            // only the report's metadata needs it, and JGit may start git to find its configuration: read meanwhile
            CompletableFuture<GitHead> head = CompletableFuture.supplyAsync(() -> GitHead.of(request.target()), pool);
            cache = request.cache() == null ? ResultCache.disabled()
                    : ResultCache.open(request.cache(), "scan " + request.target().toAbsolutePath().normalize(), cacheStamp());
            // The last scan's whole result is decoded while the walk and the file digests tell whether it still holds:
            // the usual re-scan (nothing changed) then waits for neither one after the other.
            String lastWhole = cache.enabled() ? cache.keep(LAST_WHOLE, String.class) : null;
            CompletableFuture<ScanResult> last = lastWhole == null ? null
                    : CompletableFuture.supplyAsync(() -> cache.peek(lastWhole, ScanResult.class), pool);
            WalkResult walk = timed(listener, Phase.WALK, 0, () -> walk(request, cache, pool));
            String whole = cache.enabled() ? WholeScanKey.of(request, walk, cache, pool) : null;
            known = whole == null ? null : whole.equals(lastWhole) ? cache.hit(whole, ScanPool.join(last))
                    : cache.get(whole, ScanResult.class);
            if (known != null) {
                cache.keepAll(); // the per-file results stay for the next scan that changes something
                var timing = new ScanMetadata.Timing(started.truncatedTo(ChronoUnit.MILLIS).toString(),
                        (System.nanoTime() - startNanos) / 1_000_000);
                // where and when it ran, and the commit, are this run's; everything else depends on the bytes alone
                result = known.restamped(ResultAssembly.displayRoot(request),
                        ResultAssembly.metadata(request, ScanPool.join(head), timing));
            } else {
                result = scan(request, walk, cache, listener, started, startNanos, pool, head);
                if (whole != null && result.problems().stream().noneMatch(p -> p.level().equals("error"))) {
                    cache.put(whole, result.withoutTiming());
                    cache.put(LAST_WHOLE, whole);
                }
            }
        }
        String saved = cache.save();
        listener.cacheSaved(known != null ? "nothing changed, whole result read back (" + saved + ")" : saved);
        return result;
    }

    /** The key of the last whole result put in a root's cache pack. */
    private static final String LAST_WHOLE = "last whole result";

    /** The memo of what the last walk of a root saw, in that root's cache pack. */
    private static final String WALK_MEMO = "walk memo";

    /**
     * Walks the request's target, listing folders on the pool; folders and scripts the last walk saw unchanged
     * are taken from the cache's memo, unopened.
     */
    private WalkResult walk(ScanRequest request, ResultCache cache, ForkJoinPool pool) throws IOException {
        WalkMemo stored = cache.keep(WALK_MEMO, WalkMemo.class);
        RepositoryWalker.Remembered walked = walker(request).walk(request.target(), stored == null ? WalkMemo.NONE : stored,
                request.effectiveThreads() > 1 ? pool : null);
        if (walked.memo() != null) {
            cache.put(WALK_MEMO, walked.memo());
        }
        return walked.result();
    }

    /** The walker a request asks for: its include and exclude globs, and the non-Python files the rules read. */
    public RepositoryWalker walker(ScanRequest request) {
        return new RepositoryWalker(new PathFilter(request.includes(), request.excludes()), this::wantsFile, request.walk());
    }

    /** The walker of a commit's tree that lists what {@link #walker} would list in a clean checkout of it. */
    public GitTreeWalker treeWalker(ScanRequest request) {
        return new GitTreeWalker(new PathFilter(request.includes(), request.excludes()), this::wantsFile);
    }

    /** What cached per-file results must have been made with: this build of the tool and these rules. */
    public String cacheStamp() {
        return Version.build() + " " + rules.fingerprint();
    }

    /**
     * Scans files already listed, whose bytes may come from elsewhere than the disk (a commit's tree, say).
     *
     * @param cache per-file results to reuse and fill; the caller saves it
     */
    public ScanResult scan(ScanRequest request, WalkResult walk, ResultCache cache, ScanListener listener) throws IOException {
        try (ForkJoinPool pool = ScanPool.create(request.effectiveThreads())) {
            return scan(request, walk, cache, listener, Instant.now(), System.nanoTime(), pool,
                    CompletableFuture.supplyAsync(() -> GitHead.of(request.target()), pool));
        }
    }

    /**
     * @param pool the scan's threads: the structure pass runs alongside detection, and detection, the structure
     *     pass and the assessment run their parallel work there
     */
    private ScanResult scan(ScanRequest request, WalkResult walk, ResultCache cache, ScanListener listener, Instant started,
            long startNanos, ForkJoinPool pool, CompletableFuture<GitHead> head) throws IOException {
        // A missing or broken native library stops the scan before it parses anything. Loaded here, not at the
        // start: a re-scan whose result comes from the cache parses nothing, and the loading (the libraries, and
        // the foreign-function stubs of each call) took a tenth of its time.
        PythonGrammar.language();
        assessorLoading();
        List<ProcessingIssue> earlyProblems = new ArrayList<>();
        Map<String, Manifest> manifests = timed(listener, Phase.MANIFESTS, 0, () -> readManifests(walk.files(), walk.contents(), earlyProblems));
        List<EntryPoint> entryPoints = manifests.values().stream().flatMap(m -> m.entryPoints().stream()).toList();
        ModuleNames moduleNames = new ModuleNames(walk.contents()::isPackage);
        ProjectFacts project = new ProjectFacts(entryPoints, moduleNames, ProjectFacts.ownTrackedNames(walk.files().stream()
                .filter(SourceFile::python).map(f -> moduleNames.moduleOf(f.path().toAbsolutePath())).toList(), rules.trackedRoots()));
        int threads = request.effectiveThreads();
        Set<String> pythonFiles = walk.files().stream().filter(SourceFile::python).map(SourceFile::relativePath)
                .collect(Collectors.toCollection(TreeSet::new));
        // The structure pass needs nothing from detection, so it runs alongside: its serial end (the import graph
        // and call levels) keeps one thread while the others detect.
        CompletableFuture<Structure> pending = new CompletableFuture<>();
        List<FileOutcome> outcomes = timed(listener, Phase.DETECT, walk.files().size(), () -> {
            pending.completeAsync(() -> timedQuietly(listener, Phase.STRUCTURE, pythonFiles.size(), () -> pythonFiles.size() > 1
                    ? projectShape(walk, pythonFiles, cache, moduleNames)
                    : new Structure(ProjectShape.flat(pythonFiles.size()), null, Map.of())), pool);
            return DetectionPool.scan(rules, walk.files(), pool, project, manifests, listener, request.parseTimeout(), walk.contents(), cache);
        });
        List<DependencyAssessment> dependencies = request.sitePackages().isEmpty() ? null : timed(listener, Phase.DEPENDENCIES, 0,
                () -> InstalledDependencies.assess(request, manifests.values(), rules, earlyProblems));
        Structure structure = ScanPool.join(pending);
        IndirectUsage.Result indirect = timed(listener, Phase.INDIRECT, 0,
                () -> indirect(walk, outcomes, structure, project, request.wrapperDepth(), threads));
        List<Finding> patchOrder = patchOrder(walk, outcomes, structure, entryPoints);
        if (!structure.sources().isEmpty()) {
            // every file's imports, read by the indirect pass and the patch-order analysis alone: the assessment
            // needs only the graph and call levels, and on 200,000 files these took a fifth of the heap it runs in
            structure.sources().clear();
        }
        ResultAssembly.Merged merged = ResultAssembly.merge(walk, outcomes, earlyProblems, indirect.files(), patchOrder);
        Assessment assessment = timed(listener, Phase.ASSESS, 0, () -> ScanPool.join(CompletableFuture.supplyAsync(
                () -> assessor().assess(merged.findings(), pythonFiles, structure.shape(), rules, dependencies, entryPoints,
                        new Assessor.Switching(indirect.calledPatchHelpers(), indirect.backendOptions())), pool)));
        return result(request, started, startNanos, merged, assessment, indirect, ScanPool.join(head));
    }

    private ScanResult result(ScanRequest request, Instant started, long startNanos, ResultAssembly.Merged merged,
            Assessment assessment, IndirectUsage.Result indirect, GitHead head) {
        var timing = new ScanMetadata.Timing(started.truncatedTo(ChronoUnit.MILLIS).toString(),
                (System.nanoTime() - startNanos) / 1_000_000);
        var tool = new ToolInfo("eventlet-scan", Version.get(), SCHEMA_VERSION, rules.version());
        return new ScanResult(tool, ResultAssembly.displayRoot(request), ResultAssembly.metadata(request, head, timing),
                merged.summary(), merged.files(), merged.findings(), merged.suppressed(),
                ResultAssembly.rulesBehind(rules, merged.findings(), merged.suppressed()), merged.problems(), assessment,
                null, null, indirect.interfaces().facades().isEmpty() && indirect.interfaces().wrappers().isEmpty()
                        ? null : indirect.interfaces());
    }

    /** A phase's work, which may read files. */
    private interface PhaseWork<T> {
        T run() throws IOException;
    }

    private static <T> T timed(ScanListener listener, Phase phase, int files, PhaseWork<T> work) throws IOException {
        listener.phaseStarted(phase, files);
        long start = System.nanoTime();
        T result = work.run();
        listener.phaseFinished(phase, System.nanoTime() - start);
        return result;
    }

    /** {@link #timed} for work that reads nothing that can fail, on a pool thread. */
    private static <T> T timedQuietly(ScanListener listener, Phase phase, int files, Supplier<T> work) {
        try {
            return timed(listener, phase, files, work::get);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Non-Python files worth listing: manifests, and files some text rule reads. */
    private boolean wantsFile(String relativePath) {
        return Manifests.isManifest(relativePath) || rules.wantsText(relativePath.substring(relativePath.lastIndexOf('/') + 1));
    }

    /** Manifests first, on this thread: their entry points decide the context of findings in every other file. */
    private Map<String, Manifest> readManifests(List<SourceFile> files, FileContents contents, List<ProcessingIssue> problems) {
        Map<String, Manifest> out = new TreeMap<>();
        try (FileScanner reader = new FileScanner(rules, ScanRequest.DEFAULT_PARSE_TIMEOUT, contents, ResultCache.disabled(), null)) {
            for (SourceFile f : files) {
                Manifest m = reader.readManifest(f, problems);
                if (m != null) {
                    out.put(f.relativePath(), m);
                }
            }
        }
        return out;
    }

    /** The project's shape, and the import graph and per-file structure it came from (null and empty without one). */
    private record Structure(ProjectShape shape, ImportGraph graph, Map<String, ProjectSources.Structure> sources) {}

    /** The import graph and call levels, from one lexical pass over every Python file; run on the scan's pool. */
    private Structure projectShape(WalkResult walk, Set<String> pythonFiles, ResultCache cache, ModuleNames names) {
        Map<String, ProjectSources.Structure> sources = ProjectSources.read(walk.files(), walk.contents(), cache);
        ImportGraph graph = ImportGraph.build(walk.files(),
                f -> sources.getOrDefault(f.relativePath(), ProjectSources.Structure.EMPTY).imports(), names);
        Map<String, List<FunctionCalls>> functions = new TreeMap<>();
        sources.forEach((path, structure) -> functions.put(path, structure.functions()));
        CallLevels calls = new CallLevels(functions, (caller, callee) -> ImportGraphShape.canCall(graph, caller, callee),
                callee -> ImportGraphShape.callerFiles(graph, callee));
        functions.clear();
        sources.replaceAll((path, structure) -> structure.withoutFunctions()); // the call levels hold what they need
        return new Structure(new ImportGraphShape(graph, pythonFiles, calls, assessor().model().score().size().callLevelLimit()),
                graph, sources);
    }

    /** Imports that run before each monkey_patch and hold locks, sockets or threads (the patch-order analysis). */
    private List<Finding> patchOrder(WalkResult walk, List<FileOutcome> outcomes, Structure structure,
            List<EntryPoint> entryPoints) {
        List<Rule> order = rules.analysisRules(AnalysisMatch.PATCH_ORDER);
        List<Finding> direct = outcomes.stream().flatMap(o -> o.findings().stream())
                .filter(Finding::isMonkeyPatchCall).toList();
        if (order.isEmpty() || direct.isEmpty() || structure.graph() == null) {
            return List.of();
        }
        Map<String, List<ImportStatement>> imports = new TreeMap<>();
        structure.sources().forEach((path, s) -> imports.put(path, s.imports()));
        Map<String, SourceFile> files = new TreeMap<>();
        walk.files().stream().filter(SourceFile::python).forEach(f -> files.put(f.relativePath(), f));
        Map<String, List<String>> read = new HashMap<>();
        Function<String, List<String>> lines = path -> read.computeIfAbsent(path, p -> {
            try {
                return SourceText.decode(walk.contents().read(files.get(p))).text().lines().toList();
            } catch (IOException | RuntimeException e) {
                return List.of(); // unreadable: the detection pass reports it
            }
        });
        List<Finding> out = new ArrayList<>();
        for (var rule : order) {
            out.addAll(new PatchOrder(structure.graph(), imports, lines, rule).findings(direct, entryPoints));
        }
        return out;
    }

    /**
     * One part of every file's structure, by path, read through: three copies of a map of 200,000 files took tens
     * of megabytes for no gain.
     */
    private static <V> Map<String, V> field(Map<String, ProjectSources.Structure> sources,
            Function<ProjectSources.Structure, V> part) {
        return new AbstractMap<>() {
            @Override
            public V get(Object path) {
                ProjectSources.Structure s = sources.get(path);
                return s == null ? null : part.apply(s);
            }

            @Override
            public boolean containsKey(Object path) {
                return sources.containsKey(path);
            }

            @Override
            public int size() {
                return sources.size();
            }

            @Override
            public Set<Entry<String, V>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, V>> iterator() {
                        var entries = sources.entrySet().iterator();
                        return new Iterator<>() {
                            @Override
                            public boolean hasNext() {
                                return entries.hasNext();
                            }

                            @Override
                            public Entry<String, V> next() {
                                var e = entries.next();
                                return Map.entry(e.getKey(), part.apply(e.getValue()));
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return sources.size();
                    }
                };
            }
        };
    }

    /** Findings reached through the project's facades and wrappers: after detection, as they need every file's imports. */
    private IndirectUsage.Result indirect(WalkResult walk, List<FileOutcome> outcomes, Structure structure,
            ProjectFacts project, int wrapperDepth, int threads) {
        Map<String, ModuleInterface> offered = new TreeMap<>();
        outcomes.stream().filter(o -> o.offered() != null).forEach(o -> offered.put(o.offered().path(), o.offered()));
        if (offered.isEmpty() || structure.graph() == null) {
            return IndirectUsage.Result.NONE;
        }
        Map<String, List<ImportStatement>> imports = field(structure.sources(), ProjectSources.Structure::imports);
        Map<String, List<ModuleAssignments.Assignment>> aliases = field(structure.sources(), ProjectSources.Structure::aliases);
        Map<String, int[]> attributes = field(structure.sources(), ProjectSources.Structure::attributes);
        Map<String, SourceFile> files = new TreeMap<>();
        walk.files().stream().filter(SourceFile::python).forEach(f -> files.put(f.relativePath(), f));
        Set<String> mentionTracked = outcomes.stream().filter(o -> o.summary() != null && o.summary().kind().equals("python"))
                .map(o -> o.summary().path()).collect(Collectors.toSet());
        return IndirectUsage.resolve(new IndirectUsage.Input(offered, structure.graph(), imports, aliases, files, walk.contents(), rules, project,
                wrapperDepth, threads, mentionTracked, attributes));
    }

}
