package dev.eventletscan.indirect;

import static dev.eventletscan.modules.PythonModules.parent;

import dev.eventletscan.detect.EntryPoint;
import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.detect.ProjectFacts;
import dev.eventletscan.detect.Suppressions;
import dev.eventletscan.detect.TestPaths;
import dev.eventletscan.walk.FileContents;
import dev.eventletscan.walk.SourceFile;
import dev.eventletscan.detect.python.ModuleInterface;
import dev.eventletscan.detect.python.PythonDetector;
import dev.eventletscan.detect.python.Usage;
import dev.eventletscan.graph.ImportGraph;
import dev.eventletscan.graph.ImportStatement;
import dev.eventletscan.modules.PythonModules;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.FindingContext;
import dev.eventletscan.model.Hop;
import dev.eventletscan.model.Interfaces;
import dev.eventletscan.model.MonkeyPatchDetails;
import dev.eventletscan.model.SwitchEvidence;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.rules.Rule;
import dev.eventletscan.rules.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Indirect usage: eventlet reached through the project's own facades and wrappers. Starts from what the parsed
 * files offer (their module-level eventlet names and wrapper functions, {@link ModuleInterface}), follows
 * re-exports through every file's module-level imports and aliases (read by the structure pass), then reads
 * again, lexically, only the files whose imports reach one of those names, and turns each use into a finding
 * with the chain of interfaces it goes through. Wrappers of wrappers are found the same way, level by level, up
 * to the wrapper depth.
 */
public final class IndirectUsage {
    /** Files over this size are generated code; the detection pass reports them. */
    private static final long MAX_BYTES = 20L << 20;
    private static final Pattern BACKEND = Pattern.compile("\\binit_backend\\s*\\(|\\bBackendType\\s*\\.\\s*([A-Z_]+)");

    /**
     * @param offered what each parsed file offers, by path
     * @param imports every Python file's import statements, by path
     * @param aliases every Python file's module-level {@code name = dotted} lines, by path
     * @param files the Python files, by path
     * @param contents where their bytes come from (the disk, or a commit's tree)
     * @param wrapperDepth how many levels of wrappers to follow (1: wrappers of eventlet only)
     * @param threads how many files to read at once
     * @param mentionTracked the Python files that name a tracked package (eventlet, greenlet): only they can use a
     *     facade's {@code eventlet} module object by that name
     * @param attributes per file, the names its code reads as attributes ({@link AttributeNames}): a file that can
     *     reach a facade only as {@code module.name} is read again only when it reads some {@code .name}
     */
    public record Input(Map<String, ModuleInterface> offered, ImportGraph graph, Map<String, List<ImportStatement>> imports,
            Map<String, List<ModuleAssignments.Assignment>> aliases, Map<String, SourceFile> files, FileContents contents, RuleSet rules,
            ProjectFacts project, int wrapperDepth, int threads, Set<String> mentionTracked, Map<String, int[]> attributes) {}

    /** One file's indirect findings, with its source for excerpts. */
    public record FileResult(String path, List<Finding> findings, List<Finding> suppressed, SourceText source) {}

    /**
     * @param calledPatchHelpers {@code path#function} of the monkey_patch helpers something calls: their own
     *     monkey_patch calls run where the helper is called
     * @param backendOptions oslo.service backends chosen in code
     */
    public record Result(List<FileResult> files, Interfaces interfaces, Set<String> calledPatchHelpers,
            List<SwitchEvidence> backendOptions) {
        public static final Result NONE = new Result(List.of(), new Interfaces(List.of(), List.of(), 0), Set.of(), List.of());
    }

    private final Input in;
    private final TreeMap<String, Map<String, Target>> targets = new TreeMap<>();
    private final Map<String, List<String>> all = new HashMap<>();
    private final Set<String> modulePrefixes = new HashSet<>();
    private final Map<String, java.util.Optional<SourceText>> sources = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<Statements.Statement>> statements = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Scanned> scanned = new HashMap<>();

    private IndirectUsage(Input in) {
        this.in = in;
        for (String m : in.graph().modules()) {
            for (String p = m; !p.isEmpty(); p = parent(p)) {
                modulePrefixes.add(p);
            }
        }
    }

    public static Result resolve(Input in) {
        return new IndirectUsage(in).run();
    }

    private Result run() {
        seed();
        reexports();
        Map<String, ReferenceScanner.Result> scanned = Map.of();
        for (int round = 0; round <= in.wrapperDepth() + 1; round++) {
            scanned = scanCandidates();
            if (!addWrappers(scanned)) {
                break;
            }
            reexports();
        }
        return results(scanned);
    }

    private void seed() {
        for (ModuleInterface mi : new TreeMap<>(in.offered()).values()) {
            String module = in.graph().moduleOf(mi.path()).orElse(null);
            if (module == null || isTracked(module)) {
                continue; // eventlet's own package scanned with the project: its names are eventlet, found directly
            }
            Map<String, Target> mine = targets.computeIfAbsent(module, k -> new TreeMap<>());
            if (mi.all() != null) {
                all.put(module, mi.all());
            }
            for (ModuleInterface.Export e : mi.exports()) {
                Hop hop = new Hop(module + "." + e.name(), Hop.FACADE, mi.path(), e.line());
                mine.putIfAbsent(e.name(), e.instance() ? Target.instance(e.symbol(), hop) : Target.facade(e.symbol(), hop));
            }
            for (ModuleInterface.Wrapper w : mi.wrappers()) {
                // a declared entry point's function starts a process: its callers are the script, not code using an interface
                boolean entry = in.project().entryPoints().stream().anyMatch(e -> e.module().equals(module) && e.function().equals(w.name()));
                if (in.wrapperDepth() >= 1 && !entry) {
                    String kind = w.how().equals("accessor") ? Hop.ACCESSOR : Hop.WRAPPER;
                    mine.put(w.name(), Target.function(w.symbol(), new Hop(module + "." + w.name(), kind, mi.path(), w.line()),
                            w.how(), w.patch()));
                }
            }
        }
    }

    /** Names other modules take from a facade at module level, and module-level aliases of them, until nothing changes. */
    private void reexports() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var e : in.imports().entrySet()) {
                String path = e.getKey();
                String module = in.graph().moduleOf(path).orElse(null);
                if (module == null) {
                    continue;
                }
                for (ImportStatement s : e.getValue()) {
                    if (s.indent() != 0 || s.names().isEmpty()) {
                        continue;
                    }
                    String base = absolute(path, module, s);
                    Map<String, Target> from = base == null || base.equals(module) ? null : targets.get(base);
                    if (from == null) {
                        continue;
                    }
                    for (int i = 0; i < s.names().size(); i++) {
                        String name = s.names().get(i);
                        if (name.equals("*")) {
                            List<String> declared = all.get(base);
                            for (var t : new TreeMap<>(from).entrySet()) {
                                if (!t.getKey().startsWith("_") && !t.getKey().contains(".")
                                        && (declared == null || declared.contains(t.getKey()))) {
                                    changed |= reexport(module, t.getKey(), t.getValue(), path, s.line());
                                }
                            }
                        } else if (from.containsKey(name)) {
                            changed |= reexport(module, s.aliases().get(i), from.get(name), path, s.line());
                        }
                    }
                }
                for (ModuleAssignments.Assignment a : in.aliases().getOrDefault(path, List.of())) {
                    Target t = moduleLevelTarget(path, module, a.dotted());
                    if (t != null) {
                        changed |= reexport(module, a.name(), t, path, a.line());
                    }
                }
            }
        }
    }

    private boolean isTracked(String module) {
        return in.rules().trackedRoots().contains(module.split("\\.")[0]);
    }

    private boolean reexport(String module, String name, Target target, String path, int line) {
        if (isTracked(module)) {
            return false;
        }
        Map<String, Target> mine = targets.computeIfAbsent(module, k -> new TreeMap<>());
        String full = module + "." + name;
        if (mine.containsKey(name) || target.via().stream().anyMatch(h -> h.name().equals(full))) {
            return false;
        }
        mine.put(name, target.behind(new Hop(full, Hop.FACADE, path, line)));
        return true;
    }

    /** What {@code dotted} names at module level of a file, through its module-level imports: {@code x.spawn}, {@code spawn}. */
    private Target moduleLevelTarget(String path, String module, String dotted) {
        String[] parts = dotted.split("\\.");
        String head = null;
        for (ImportStatement s : in.imports().getOrDefault(path, List.of())) {
            if (s.indent() != 0) {
                continue;
            }
            if (s.names().isEmpty()) {
                if (s.boundName().equals(parts[0])) {
                    head = s.aliases().getFirst().isEmpty() ? parts[0] : s.module();
                }
            } else {
                int i = s.aliases().indexOf(parts[0]);
                String base = i < 0 ? null : absolute(path, module, s);
                if (base != null) {
                    head = PythonModules.join(base, s.names().get(i));
                }
            }
        }
        if (head == null) {
            Map<String, Target> own = targets.get(module);
            return parts.length == 1 && own != null ? own.get(parts[0]) : null;
        }
        String current = head;
        for (int i = 1; i <= parts.length; i++) {
            String owner = parent(current);
            Map<String, Target> offered = targets.get(owner);
            Target t = offered == null ? null : offered.get(current.substring(current.lastIndexOf('.') + 1));
            if (t != null) {
                return i == parts.length ? t : null;
            }
            if (i == parts.length) {
                return null;
            }
            current = current + "." + parts[i];
        }
        return null;
    }

    /** The absolute module a statement imports from, as the import graph resolves relative imports. */
    private String absolute(String path, String module, ImportStatement s) {
        return PythonModules.resolve(path, module, s.level(), s.module());
    }

    /**
     * Files whose imports reach an interface, and the text one of which must appear in them for a use to be
     * possible: the bound name for a name imported from a facade, {@code utils.spawn_n} for a module imported as
     * {@code utils}. Files that import a facade module for something else are never read again.
     */
    private Map<String, Set<String>> candidates() {
        Set<String> offering = new HashSet<>(); // the modules that offer names, and the packages above them
        targets.forEach((m, names) -> {
            for (String p = m; !names.isEmpty() && !p.isEmpty() && offering.add(p); p = parent(p)) {
                // each ancestor once
            }
        });
        Set<String> mockable = MockTargets.needles(targets, this::isTracked);
        Map<String, Set<String>> out = new TreeMap<>();
        for (var e : in.imports().entrySet()) {
            String path = e.getKey();
            String module = in.graph().moduleOf(path).orElse(null);
            if (module == null) {
                continue;
            }
            Set<String> needles = new TreeSet<>();
            int[] attributes = in.attributes().get(path);
            for (ImportStatement s : e.getValue()) {
                String base = absolute(path, module, s);
                if (base == null) {
                    continue;
                }
                if (s.names().isEmpty()) {
                    // import a.b binds a (and loads a.b); import a.b as x binds a.b
                    boolean aliased = !s.aliases().isEmpty() && !s.aliases().getFirst().isEmpty();
                    String bound = aliased ? base : base.split("\\.")[0];
                    if (offering.contains(bound)) {
                        qualifiedNames(bound, s.boundName(), needles, attributes);
                    }
                    continue;
                }
                if (!offering.contains(base)) {
                    continue; // nothing at or under it offers a name
                }
                Map<String, Target> from = targets.getOrDefault(base, Map.of());
                for (int i = 0; i < s.names().size(); i++) {
                    String name = s.names().get(i);
                    if (name.equals("*")) {
                        needles.addAll(from.keySet());
                    } else if (from.containsKey(name)) {
                        needles.add(s.aliases().get(i));
                    } else {
                        qualifiedNames(base + "." + name, s.aliases().get(i), needles, attributes);
                    }
                }
            }
            Map<String, Target> own = targets.getOrDefault(module, Map.of());
            own.forEach((name, t) -> {
                if (t.isOwnedBy(path)) {
                    needles.add(name.contains(".") ? "self" + name.substring(name.indexOf('.')) : name); // Class.pool: self.pool
                }
            });
            if (!in.mentionTracked().contains(path)) {
                needles.removeIf(n -> List.of(n.split("\\.")).stream().anyMatch(in.rules().trackedRoots()::contains));
            }
            if (MockTargets.mayPatch(e.getValue(), attributes)) {
                needles.addAll(mockable);
            }
            if (!needles.isEmpty()) {
                out.put(path, needles);
            }
        }
        return out;
    }

    /**
     * {@code local.sub.name} for each name offered by {@code module} or a module under it, bound locally as
     * {@code local}, when the file reads that name as an attribute somewhere (see {@link AttributeNames}).
     */
    private void qualifiedNames(String module, String local, Set<String> needles, int[] attributes) {
        for (var t : targets.subMap(module, true, module + "/", false).entrySet()) { // '/' sorts just after '.'
            String key = t.getKey();
            if (key.equals(module) || key.startsWith(module + ".")) {
                String prefix = local + key.substring(module.length()) + ".";
                t.getValue().keySet().forEach(n -> {
                    if (AttributeNames.mayRead(attributes, n)) {
                        needles.add(prefix + n);
                    }
                });
            }
        }
    }

    /**
     * Scans the files whose imports reach an interface and that hold the text of one, in parallel; a file whose
     * needles did not change since the last round keeps its result, as nothing it can reach changed.
     */
    private Map<String, ReferenceScanner.Result> scanCandidates() {
        ReferenceScanner.Project project = new ReferenceScanner.Project() {
            @Override
            public Map<String, Target> targets(String module) {
                return targets.getOrDefault(module, Map.of());
            }

            @Override
            public boolean isModule(String dotted) {
                return modulePrefixes.contains(dotted) || targets.containsKey(dotted);
            }

            @Override
            public String canonical(String dotted) {
                return in.rules().symbols().canonical(dotted);
            }

            @Override
            public boolean isTracked(String name) {
                return in.rules().trackedRoots().contains(name);
            }
        };
        Map<String, Set<String>> candidates = candidates();
        List<String> paths = new ArrayList<>(candidates.keySet());
        List<ReferenceScanner.Result> results = parallel(paths, path -> {
            Set<String> needles = candidates.get(path);
            Scanned before = scanned.get(path);
            if (before != null && before.needles().equals(needles)) {
                return before.result();
            }
            if (!mayUse(path, needles)) {
                return null;
            }
            SourceText source = source(path);
            if (source == null) {
                return null;
            }
            String module = in.graph().moduleOf(path).orElse("");
            Map<String, Target> own = new TreeMap<>();
            targets.getOrDefault(module, Map.of()).forEach((name, t) -> {
                if (t.isOwnedBy(path)) {
                    own.put(name, t);
                }
            });
            List<Statements.Statement> st = statements.computeIfAbsent(path, p -> Statements.of(source.text()));
            return ReferenceScanner.scan(path, module, st, own, project, in.wrapperDepth(), TestPaths.FRAMEWORKS);
        });
        Map<String, ReferenceScanner.Result> out = new TreeMap<>();
        for (int i = 0; i < paths.size(); i++) {
            if (results.get(i) != null) {
                out.put(paths.get(i), results.get(i));
                scanned.put(paths.get(i), new Scanned(candidates.get(paths.get(i)), results.get(i)));
            }
        }
        return out;
    }

    /** A file's last scan and the needles it was made for. */
    private record Scanned(Set<String> needles, ReferenceScanner.Result result) {}

    /** Applies {@code work} to each path on the scan's threads; results in the paths' order. */
    private <T> List<T> parallel(List<String> paths, java.util.function.Function<String, T> work) {
        try (java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Math.max(1, in.threads()))) {
            return pool.submit(() -> paths.parallelStream().map(p -> java.util.Optional.ofNullable(work.apply(p))).toList()).get()
                    .stream().map(o -> o.orElse(null)).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("reading uses of the project's interfaces failed", e.getCause());
        }
    }

    /**
     * Whether the file's text holds one of the needles ({@code utils.spawn_n} as written, on one line): a byte
     * search, which the JDK runs vectorised on a Latin-1 view of the bytes, so most importers of a popular module
     * are dropped after a read and no tokenising.
     */
    private boolean mayUse(String path, Set<String> needles) {
        String text = latin1(path);
        if (text == null) {
            return false;
        }
        // needles by their last part ('.spawn_n', or the bare name): few distinct ones, each searched once
        Map<String, List<String>> byTail = new HashMap<>();
        for (String n : needles) {
            int dot = n.lastIndexOf('.');
            byTail.computeIfAbsent(dot < 0 ? n : n.substring(dot), k -> new ArrayList<>()).add(n);
        }
        for (var e : byTail.entrySet()) {
            if (text.contains(asLatin1(e.getKey())) && e.getValue().stream().anyMatch(n -> text.contains(asLatin1(n)))) {
                return true;
            }
        }
        return false;
    }

    private String latin1(String path) {
        SourceText decoded = sources.getOrDefault(path, java.util.Optional.empty()).orElse(null);
        if (decoded != null) {
            return asLatin1(decoded.text());
        }
        byte[] b = bytes(path);
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
    }

    /** The UTF-8 bytes of a string as Latin-1 characters, to search raw file bytes for it. */
    private static String asLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return s;
    }

    /** A file's bytes; null when unreadable or too large (the detection pass reports those). */
    private byte[] bytes(String path) {
        byte[] bytes = null;
        SourceFile file = in.files().get(path);
        try {
            if (file != null && in.contents().size(file) <= MAX_BYTES) {
                bytes = in.contents().read(file);
            }
        } catch (IOException | RuntimeException e) {
            bytes = null;
        }
        return bytes;
    }

    private SourceText source(String path) {
        return sources.computeIfAbsent(path, p -> {
            byte[] bytes = bytes(p);
            return java.util.Optional.ofNullable(bytes == null ? null : SourceText.decode(bytes));
        }).orElse(null);
    }

    /** Adds the wrappers of wrappers a round found; true when there were new ones. */
    private boolean addWrappers(Map<String, ReferenceScanner.Result> scanned) {
        boolean added = false;
        for (var e : scanned.entrySet()) {
            String module = in.graph().moduleOf(e.getKey()).orElse(null);
            if (module == null || isTracked(module)) {
                continue;
            }
            for (ReferenceScanner.NewWrapper w : e.getValue().wrappers()) {
                Map<String, Target> mine = targets.computeIfAbsent(module, k -> new TreeMap<>());
                Target known = mine.get(w.name());
                if (known == null || (!known.isWrapper() && known.first().path().equals(e.getKey()))) {
                    mine.put(w.name(), w.target());
                    added = true;
                }
            }
        }
        return added;
    }

    private Result results(Map<String, ReferenceScanner.Result> scanned) {
        List<FileResult> files = new ArrayList<>();
        Set<String> calledHelpers = new TreeSet<>();
        for (var e : scanned.entrySet()) {
            String path = e.getKey();
            SourceText source = source(path);
            FileFacts facts = in.project().factsFor(path);
            boolean test = facts.testPath() || e.getValue().importsTestFramework();
            List<Finding> findings = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ReferenceScanner.Site site : e.getValue().sites()) {
                Finding f = finding(path, source, facts, test, site);
                if (f != null && seen.add(f.line() + ":" + f.column())) {
                    findings.add(f);
                    Hop helper = site.target().innermostWrapper();
                    if (site.patch() != null && helper != null) {
                        calledHelpers.add(helper.path() + "#" + helper.name().substring(helper.name().lastIndexOf('.') + 1));
                    }
                }
            }
            if (findings.isEmpty()) {
                continue;
            }
            findings.sort(Finding.ORDER);
            Suppressions.Split split = Suppressions.apply(source, findings);
            files.add(new FileResult(path, split.kept(), split.suppressed(), source));
        }
        List<Finding> everything = files.stream().flatMap(f -> f.findings().stream()).toList();
        return new Result(files, interfaces(everything), calledHelpers, backendOptions());
    }

    private Finding finding(String path, SourceText source, FileFacts facts, boolean test, ReferenceScanner.Site site) {
        Target t = site.target();
        String symbol = site.symbol();
        Usage.Kind kind = Usage.Kind.valueOf(site.usage().toUpperCase(Locale.ROOT).replace('-', '_'));
        Optional<Rule> rule = in.rules().ruleFor(new Usage(kind, symbol, 0));
        if (rule.isEmpty()) {
            return null;
        }
        Rule r = rule.get();
        MonkeyPatchDetails patch = site.patch();
        Hop first = t.first();
        String message = PythonDetector.message(r, symbol, patch) + " (through " + first.name() + ", a project " + first.kind() + ")";
        int line = site.start().line();
        return new Finding(r.id(), r.category(), r.severity(), r.weight(), path, line, site.start().column(),
                site.end().endLine(), site.end().endColumn(), symbol, kind.id(), message, source.line(line).strip(), site.scope(),
                site.guarded(), context(facts, test, site), patch, null, t.via());
    }

    private static FindingContext context(FileFacts facts, boolean test, ReferenceScanner.Site site) {
        TreeSet<String> entryPoints = new TreeSet<>();
        for (EntryPoint ep : facts.entryPoints()) {
            String function = ep.function();
            if (site.moduleLevel() || function.isEmpty() || site.scope().equals(function) || site.scope().startsWith(function + ".")) {
                entryPoints.add(ep.name());
            }
        }
        return new FindingContext(test, facts.isPackageInit() && site.moduleLevel(), List.copyOf(entryPoints), site.mainBlock());
    }

    /** The facades used through and the wrappers found, with how many findings go through each. */
    private Interfaces interfaces(List<Finding> findings) {
        Map<String, Integer> count = new HashMap<>();
        Map<String, Set<String>> files = new HashMap<>();
        for (Finding f : findings) {
            Set<String> owners = new LinkedHashSet<>();
            for (Hop h : f.via()) {
                owners.add(h.kind().equals(Hop.FACADE) ? "F" + parent(h.name()) : "W" + h.name());
            }
            for (String o : owners) {
                count.merge(o, 1, Integer::sum);
                files.computeIfAbsent(o, k -> new TreeSet<>()).add(f.path());
            }
        }
        List<Interfaces.Facade> facades = new ArrayList<>();
        List<Interfaces.Wrapper> wrappers = new ArrayList<>();
        for (var e : targets.entrySet()) {
            String module = e.getKey();
            List<Interfaces.Export> names = new ArrayList<>();
            List<String> declared = all.getOrDefault(module, List.of());
            String path = null;
            for (var t : e.getValue().entrySet()) {
                Target target = t.getValue();
                Hop first = target.first();
                if (!first.kind().equals(Hop.FACADE)) {
                    String key = "W" + first.name();
                    String wraps = target.via().size() > 1 ? target.via().get(1).name() : target.symbol();
                    wrappers.add(new Interfaces.Wrapper(first.name(), first.path(), first.line(), wraps, target.symbol(), target.how(),
                            target.wrapperDepth(), count.getOrDefault(key, 0), files.getOrDefault(key, Set.of()).size()));
                    continue;
                }
                boolean isDeclared = declared.contains(t.getKey());
                if (isDeclared || usedThrough(findings, first.name())) {
                    String next = target.via().size() > 1 ? target.via().get(1).name() : target.symbol();
                    names.add(new Interfaces.Export(t.getKey(), next, first.line(), isDeclared));
                    path = first.path();
                }
            }
            String key = "F" + module;
            if (!names.isEmpty()) {
                facades.add(new Interfaces.Facade(module, path, names, count.getOrDefault(key, 0),
                        files.getOrDefault(key, Set.of()).size()));
            }
        }
        wrappers.sort(java.util.Comparator.comparing(Interfaces.Wrapper::name));
        return new Interfaces(facades, wrappers, in.wrapperDepth());
    }

    private static boolean usedThrough(List<Finding> findings, String name) {
        return findings.stream().anyMatch(f -> f.via().stream().anyMatch(h -> h.name().equals(name)));
    }

    /** oslo.service's backend chosen in code ({@code init_backend(BackendType.THREADING)}): dual-mode evidence. */
    private List<SwitchEvidence> backendOptions() {
        List<SwitchEvidence> out = new ArrayList<>();
        for (var e : new TreeMap<>(in.imports()).entrySet()) {
            boolean oslo = e.getValue().stream().anyMatch(s -> s.module().startsWith("oslo_service"));
            if (!oslo) {
                continue;
            }
            SourceText source = mayUse(e.getKey(), Set.of("init_backend")) ? source(e.getKey()) : null;
            if (source == null) {
                continue;
            }
            for (int line = 1; line <= source.lineCount(); line++) {
                String text = source.line(line);
                Matcher m = BACKEND.matcher(text);
                if (m.find() && text.contains("init_backend") && !text.strip().startsWith("#")) {
                    out.add(new SwitchEvidence("backend-option", "option", e.getKey(), line, text.strip()));
                }
            }
        }
        return out;
    }
}
