package dev.eventletscan.api;

import dev.eventletscan.calls.CallLevels;
import dev.eventletscan.calls.FunctionCalls;
import dev.eventletscan.detect.EntryPoint;
import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.detect.ProjectFacts;
import dev.eventletscan.detect.manifest.Manifest;
import dev.eventletscan.detect.manifest.Manifests;
import dev.eventletscan.model.Assessment;
import dev.eventletscan.model.DependencyAssessment;
import dev.eventletscan.model.FileSummary;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.model.RuleInfo;
import dev.eventletscan.model.ScanMetadata;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.ScanSummary;
import dev.eventletscan.model.ToolInfo;
import dev.eventletscan.parse.NativeLibraryException;
import dev.eventletscan.parse.PythonGrammar;
import dev.eventletscan.rules.RuleLoader;
import dev.eventletscan.graph.ImportGraph;
import dev.eventletscan.score.Assessor;
import dev.eventletscan.score.ImportGraphShape;
import dev.eventletscan.score.ProjectShape;
import dev.eventletscan.score.ScoringModel;
import dev.eventletscan.rules.RuleSet;
import dev.eventletscan.walk.PathFilter;
import dev.eventletscan.walk.RepositoryWalker;
import dev.eventletscan.walk.SourceFile;
import dev.eventletscan.walk.WalkNotice;
import dev.eventletscan.walk.WalkResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The library entry point: walk, parse and detect in parallel, then merge
 * into one {@link ScanResult} whose order depends only on the input.
 */
public final class Scanner {
    /** The JSON report schema version; bump the major part on any incompatible change. */
    public static final String SCHEMA_VERSION = "1.0";

    private final RuleSet rules;
    private final Assessor assessor;

    public Scanner(RuleSet rules) {
        this(rules, ScoringModel.shipped());
    }

    public Scanner(RuleSet rules, ScoringModel model) {
        this.rules = rules;
        this.assessor = new Assessor(model);
    }

    /**
     * A scanner with the shipped rules and the request's extra rule files, less the disabled ones.
     *
     * @throws IllegalArgumentException when a disabled name is neither a rule id nor a category
     */
    public static Scanner forRequest(ScanRequest request) {
        RuleSet all = RuleLoader.load(request.extraRules());
        for (String name : request.disabled()) {
            if (!all.names(name)) {
                throw new IllegalArgumentException("cannot disable '" + name + "': no rule or category of that name");
            }
        }
        return new Scanner(all.without(request.disabled()));
    }

    public RuleSet rules() {
        return rules;
    }

    /**
     * @throws java.nio.file.NoSuchFileException when the target does not exist
     */
    public ScanResult scan(ScanRequest request) throws IOException {
        java.time.Instant started = java.time.Instant.now();
        long startNanos = System.nanoTime();
        PythonGrammar.language(); // a missing or broken native library stops the scan before any work
        WalkResult walk = new RepositoryWalker(new PathFilter(request.includes(), request.excludes()), this::wantsFile)
                .walk(request.target());
        List<ProcessingIssue> manifestProblems = new ArrayList<>();
        Map<String, Manifest> manifests = readManifests(walk.files(), manifestProblems);
        List<EntryPoint> entryPoints = manifests.values().stream().flatMap(m -> m.entryPoints().stream()).toList();
        ProjectFacts project = new ProjectFacts(entryPoints);
        List<FileOutcome> outcomes = scanFiles(walk.files(), request.effectiveThreads(), project, manifests);
        List<DependencyAssessment> dependencies = request.sitePackages().isEmpty() ? null
                : InstalledDependencies.assess(request, manifests.values(), rules, manifestProblems);
        ScanResult result = merge(request, walk, outcomes, manifestProblems, dependencies, entryPoints);
        var timing = new ScanMetadata.Timing(started.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
                (System.nanoTime() - startNanos) / 1_000_000);
        return withTiming(result, timing);
    }

    private static ScanResult withTiming(ScanResult r, ScanMetadata.Timing timing) {
        ScanMetadata m = r.metadata();
        return new ScanResult(r.tool(), r.root(), new ScanMetadata(m.gitCommit(), m.gitBranch(), m.options(), timing),
                r.summary(), r.files(), r.findings(), r.suppressed(), r.rules(), r.problems(), r.assessment());
    }

    private static ScanMetadata metadata(ScanRequest request) {
        GitHead head = GitHead.of(request.target());
        var options = new ScanMetadata.Options(request.includes(), request.excludes(), request.disabled(),
                request.extraRules().stream().map(p -> p.toString().replace('\\', '/')).toList(),
                request.sitePackages().stream().map(p -> p.toString().replace('\\', '/')).toList());
        return new ScanMetadata(head.commit(), head.branch(), options, null);
    }

    /** The rules behind what was found, so reports can show titles, hints and guide links. */
    private List<RuleInfo> rulesBehind(List<Finding> findings, List<Finding> suppressed) {
        Set<String> ids = new java.util.TreeSet<>();
        findings.forEach(f -> ids.add(f.ruleId()));
        suppressed.forEach(f -> ids.add(f.ruleId()));
        List<RuleInfo> out = new ArrayList<>();
        for (String id : ids) {
            rules.byId(id).ifPresent(r -> out.add(new RuleInfo(r.id(), r.title(), r.category(), r.severity(), r.weight(),
                    r.hints().threading(), r.hints().asyncio(), r.guide())));
        }
        return out;
    }

    /** Non-Python files worth listing: manifests, and files some text rule reads. */
    private boolean wantsFile(String relativePath) {
        return Manifests.isManifest(relativePath) || rules.wantsText(relativePath.substring(relativePath.lastIndexOf('/') + 1));
    }

    /** Manifests first, on this thread: their entry points decide the context of findings in every other file. */
    private Map<String, Manifest> readManifests(List<SourceFile> files, List<ProcessingIssue> problems) {
        Map<String, Manifest> out = new TreeMap<>();
        try (FileScanner reader = new FileScanner(rules)) {
            for (SourceFile f : files) {
                Manifest m = reader.readManifest(f, problems);
                if (m != null) {
                    out.put(f.relativePath(), m);
                }
            }
        }
        return out;
    }

    private List<FileOutcome> scanFiles(List<SourceFile> files, int threads, ProjectFacts project, Map<String, Manifest> manifests) {
        FileOutcome[] outcomes = new FileOutcome[files.size()];
        ConcurrentLinkedQueue<FileScanner> workers = new ConcurrentLinkedQueue<>();
        ThreadLocal<FileScanner> worker = ThreadLocal.withInitial(() -> {
            FileScanner s = new FileScanner(rules);
            workers.add(s);
            return s;
        });
        AtomicInteger next = new AtomicInteger();
        Runnable drain = () -> {
            for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                SourceFile f = files.get(i);
                outcomes[i] = scanOne(worker.get(), f, project.factsFor(f.relativePath()), manifests.get(f.relativePath()));
            }
        };
        int n = Math.max(1, Math.min(threads, files.size()));
        try (ExecutorService pool = Executors.newFixedThreadPool(n, Thread.ofPlatform().name("scan-", 0).daemon().factory())) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                running.add(pool.submit(drain));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NativeLibraryException nativeFailure) {
                throw nativeFailure;
            }
            throw new IllegalStateException("scan worker failed", e.getCause());
        } finally {
            workers.forEach(FileScanner::close);
        }
        return List.of(outcomes);
    }

    /** A bug or an exhausted resource while scanning one file must not lose the others. */
    private static FileOutcome scanOne(FileScanner scanner, SourceFile file, FileFacts facts, Manifest manifest) {
        try {
            return scanner.scan(file, facts, manifest);
        } catch (NativeLibraryException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            return FileOutcome.failed(ProcessingIssue.error(file.relativePath(),
                    "internal error while scanning (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
        }
    }

    private ScanResult merge(ScanRequest request, WalkResult walk, List<FileOutcome> outcomes, List<ProcessingIssue> manifestProblems,
            List<DependencyAssessment> dependencies, List<EntryPoint> entryPoints) {
        List<Finding> findings = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        List<FileSummary> files = new ArrayList<>();
        List<ProcessingIssue> problems = new ArrayList<>(manifestProblems);
        for (WalkNotice notice : walk.notices()) {
            problems.add(ProcessingIssue.warning(notice.relativePath(), notice.message()));
        }
        for (FileOutcome o : outcomes) {
            findings.addAll(o.findings());
            suppressed.addAll(o.suppressed());
            problems.addAll(o.problems());
            if (o.summary() != null) {
                files.add(o.summary());
            }
        }
        findings.sort(Finding.ORDER);
        suppressed.sort(Finding.ORDER);
        problems.sort(ProcessingIssue.ORDER);
        SortedMap<String, Integer> byCategory = new TreeMap<>();
        SortedMap<String, Integer> byRule = new TreeMap<>();
        int patches = 0;
        for (Finding f : findings) {
            byCategory.merge(f.category(), 1, Integer::sum);
            byRule.merge(f.ruleId(), 1, Integer::sum);
            if (f.monkeyPatch() != null) {
                patches++;
            }
        }
        int withFindings = (int) files.stream().filter(f -> f.findings() > 0).count();
        int python = (int) walk.files().stream().filter(SourceFile::python).count();
        int parsed = (int) files.stream().filter(f -> f.kind().equals("python")).count();
        int withErrors = (int) files.stream().filter(f -> f.syntaxErrors() > 0).count();
        var summary = new ScanSummary(python, walk.files().size() - python, parsed, withErrors, withFindings,
                findings.size(), suppressed.size(), patches,
                Collections.unmodifiableSortedMap(byCategory), Collections.unmodifiableSortedMap(byRule));
        var tool = new ToolInfo("eventlet-scan", Version.get(), SCHEMA_VERSION, rules.version());
        Set<String> pythonFiles = walk.files().stream().filter(SourceFile::python).map(SourceFile::relativePath)
                .collect(Collectors.toSet());
        ProjectShape shape = python > 1 ? projectShape(walk.files(), pythonFiles, request.effectiveThreads())
                : ProjectShape.flat(python);
        Assessment assessment = assessor.assess(findings, pythonFiles, shape, rules, dependencies, entryPoints);
        return new ScanResult(tool, displayRoot(request), metadata(request), summary, files, findings, suppressed,
                rulesBehind(findings, suppressed), problems, assessment);
    }

    /** The import graph and call levels, from one lexical pass over every Python file. */
    private ProjectShape projectShape(List<SourceFile> files, Set<String> pythonFiles, int threads) {
        Map<String, ProjectSources.Structure> sources = ProjectSources.read(files, threads);
        ImportGraph graph = ImportGraph.build(files,
                f -> sources.getOrDefault(f.relativePath(), ProjectSources.Structure.EMPTY).imports());
        Map<String, List<FunctionCalls>> functions = new TreeMap<>();
        sources.forEach((path, structure) -> functions.put(path, structure.functions()));
        CallLevels calls = new CallLevels(functions, (caller, callee) -> ImportGraphShape.canCall(graph, caller, callee));
        return new ImportGraphShape(graph, pythonFiles, calls, assessor.model().score().size().callLevelLimit());
    }

    /** The folder report paths are relative to, as the user named it: the target, or a file target's folder. */
    private static String displayRoot(ScanRequest request) {
        java.nio.file.Path root = request.target().normalize();
        if (!java.nio.file.Files.isDirectory(root)) {
            root = root.getParent();
        }
        String text = root == null ? "" : root.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
