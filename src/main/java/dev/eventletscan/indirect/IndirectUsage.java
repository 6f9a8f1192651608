package dev.eventletscan.indirect;

import dev.eventletscan.parse.LogicalTokens;
import dev.eventletscan.detect.ProjectFacts;
import dev.eventletscan.detect.TestPaths;
import dev.eventletscan.detect.python.ModuleInterface;
import dev.eventletscan.graph.ImportGraph;
import dev.eventletscan.graph.ImportStatement;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.Interfaces;
import dev.eventletscan.model.SwitchEvidence;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.rules.RuleSet;
import dev.eventletscan.walk.FileContents;
import dev.eventletscan.walk.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * Indirect usage: eventlet reached through the project's own facades and wrappers. Starts from what the parsed
 * files offer (their module-level eventlet names and wrapper functions, {@link ModuleInterface}), follows
 * re-exports through every file's module-level imports and aliases (read by the structure pass), then reads
 * again, lexically, only the files whose imports reach one of those names, and turns each use into a finding
 * with the chain of interfaces it goes through. Wrappers of wrappers are found the same way, level by level, up
 * to the wrapper depth.
 */
public final class IndirectUsage {
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
    private final InterfaceTable table;
    private final FileTexts texts;
    private final Map<String, Scanned> scanned = new HashMap<>();
    // The needles a file's text was found not to hold: most candidates fail the pre-filter, and each round would
    // read them from disk and search them again for the same needles and the few a new wrapper adds.
    private final Map<String, Set<String>> rejected = new ConcurrentHashMap<>();
    private final SharedSets sharedSets = new SharedSets();

    private IndirectUsage(Input in) {
        this.in = in;
        this.table = new InterfaceTable(in);
        this.texts = new FileTexts(in.files(), in.contents());
    }

    public static Result resolve(Input in) {
        return new IndirectUsage(in).run();
    }

    private Result run() {
        Map<String, ReferenceScanner.Result> found = Map.of();
        for (int round = 0; round <= in.wrapperDepth() + 1; round++) {
            found = scanCandidates();
            if (!table.addWrappers(found)) {
                break;
            }
            table.reexports();
        }
        return IndirectFindings.of(in, table, texts, found);
    }

    /**
     * Scans the files whose imports reach an interface and that hold the text of one, in parallel; a file whose
     * needles did not change since the last round keeps its result, as nothing it can reach changed.
     */
    private Map<String, ReferenceScanner.Result> scanCandidates() {
        Map<String, Set<String>> candidates = CandidateFiles.of(in, table, sharedSets);
        List<String> paths = new ArrayList<>(candidates.keySet());
        List<ReferenceScanner.Result> results = parallel(paths, path -> {
            Set<String> needles = candidates.get(path);
            Scanned before = scanned.get(path);
            if (before != null && before.needles().equals(needles)) {
                return before.result();
            }
            // A text found to hold none of some needles still holds none of them: only the new ones are searched.
            Set<String> absent = rejected.getOrDefault(path, Set.of());
            Set<String> fresh = needles;
            if (!absent.isEmpty()) {
                fresh = new HashSet<>(needles);
                fresh.removeAll(absent);
            }
            if (fresh.isEmpty() || !texts.mayUse(path, fresh)) {
                if (!fresh.isEmpty()) {
                    Set<String> all = new HashSet<>(absent);
                    all.addAll(fresh);
                    rejected.put(path, sharedSets.of(all));
                }
                return null;
            }
            SourceText source = texts.source(path);
            if (source == null) {
                return null;
            }
            String module = in.graph().moduleOf(path).orElse("");
            Map<String, Target> own = new TreeMap<>();
            table.targets(module).forEach((name, t) -> {
                if (t.isOwnedBy(path)) {
                    own.put(name, t);
                }
            });
            ReferenceScanner.Result result = ReferenceScanner.scan(path, module, LogicalTokens.of(source.text()), own, table,
                    in.wrapperDepth(), TestPaths.FRAMEWORKS);
            // Neither the text nor the tokens are kept for a later round or the findings: on the 5,000-file corpus the
            // tokens of the files with sites held about 50 MB (a token costs about 100 bytes) until the pass ended,
            // while lexing a file again costs less than reading it; the findings read their few files once more.
            texts.forget(path);
            return result;
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
    private <T> List<T> parallel(List<String> paths, Function<String, T> work) {
        try (ForkJoinPool pool = new ForkJoinPool(Math.max(1, in.threads()))) {
            return pool.submit(() -> paths.parallelStream().map(p -> Optional.ofNullable(work.apply(p))).toList()).get()
                    .stream().map(o -> o.orElse(null)).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading uses of the project's interfaces failed", e.getCause());
        }
    }
}
