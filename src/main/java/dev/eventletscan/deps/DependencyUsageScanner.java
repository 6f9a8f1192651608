package dev.eventletscan.deps;

import dev.eventletscan.detect.manifest.Manifests;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.NativeLibraryException;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scans the installed code of a project's dependencies with the same engine as
 * the project, and says which of them use eventlet and how. Dependencies that are
 * not installed get what the knowledge base says of them, marked unverified.
 * One instance holds one scan function and may scan many closures. The function, not the engine itself, is
 * what it is given: the engine sits in a layer above this one (see ArchitectureTest).
 */
public final class DependencyUsageScanner {
    /** Scans one folder of installed code with the rules this scanner was given. */
    @FunctionalInterface
    public interface ScanFunction {
        ScanResult scan(Path root) throws IOException;
    }

    /** Categories whose findings show a file doing eventlet work, not merely naming it. */
    private static final Set<String> NOT_WORK = Set.of("import", "config", "env-var", "docs", "test-mock", "dependency");
    private static final int EVIDENCE_FILES = 5;
    private static final String IS_MONKEY_PATCHED = "eventlet.patcher.is_monkey_patched";

    private final RuleSet rules;
    private final ScanFunction scan;

    /**
     * @param rules the rules {@code scan} applies (for the knowledge base's notes and the files a staged copy keeps)
     * @param scan scans one code root with those rules
     */
    public DependencyUsageScanner(RuleSet rules, ScanFunction scan) {
        this.rules = rules;
        this.scan = scan;
    }

    /** Every installed distribution, each taken as a direct dependency. */
    public DependencyReport scan(List<InstalledDistribution> installed) {
        return scan(DependencyClosure.ofAllInstalled(installed));
    }

    /**
     * Scans each installed distribution of the closure (each code root once, however many
     * distributions share it) and summarises it; the others get the knowledge base's word.
     *
     * @throws NativeLibraryException when the native parser cannot be loaded
     */
    public DependencyReport scan(DependencyClosure closure) {
        Map<Path, RootScan> scanned = new HashMap<>();
        List<MetadataProblem> problems = new ArrayList<>();
        List<DependencyUsage> out = new ArrayList<>();
        for (DependencyClosure.Reached r : closure.dependencies()) {
            String note = rules.knownDependencyNote(r.name());
            if (!r.installed()) {
                out.add(notInstalled(r, note));
                continue;
            }
            InstalledDistribution d = r.distribution();
            problems.addAll(d.problems());
            List<Located> findings = new ArrayList<>();
            int pythonFiles = 0;
            for (Path root : d.codeRoots()) {
                RootScan s = scanned.computeIfAbsent(root, k -> scanRoot(d.sitePackages(), k));
                findings.addAll(s.findings());
                pythonFiles += s.pythonFiles();
                problems.addAll(s.problems());
            }
            out.add(summarise(r, d, note, findings, pythonFiles));
        }
        problems.sort(MetadataProblem.ORDER);
        return new DependencyReport(out, problems.stream().distinct().toList());
    }

    /** A finding and its path relative to site-packages ({@code futurist/_green.py}). */
    private record Located(String path, Finding finding) {
        boolean test() {
            return finding.context() != null && finding.context().test();
        }
    }

    private record RootScan(List<Located> findings, int pythonFiles, List<MetadataProblem> problems) {}

    private RootScan scanRoot(Path sitePackages, Path root) {
        Path base = Files.isDirectory(root) ? root : root.getParent();
        String prefix = sitePackages.relativize(base).toString().replace('\\', '/');
        List<MetadataProblem> problems = new ArrayList<>();
        StagedCopy staged = null;
        try {
            Path target = root;
            if (StagedCopy.insideGitWorkTree(root)) {
                staged = StagedCopy.of(root, this::wantsFile);
                target = staged.root();
            }
            ScanResult result = scan.scan(target);
            List<Located> found = new ArrayList<>();
            for (Finding f : result.findings()) {
                found.add(new Located(prefix.isEmpty() ? f.path() : prefix + "/" + f.path(), f));
            }
            for (ProcessingIssue p : result.problems()) {
                problems.add(new MetadataProblem(base.resolve(p.path()), p.level() + ": " + p.message()));
            }
            return new RootScan(found, result.summary().filesWalked(), problems);
        } catch (IOException | RuntimeException e) {
            if (e instanceof NativeLibraryException nativeFailure) {
                throw nativeFailure;
            }
            problems.add(new MetadataProblem(root, "cannot scan: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())));
            return new RootScan(List.of(), 0, problems);
        } finally {
            if (staged != null) {
                staged.close();
            }
        }
    }

    private boolean wantsFile(String name) {
        return Manifests.isManifest(name) || rules.wantsText(name);
    }

    private static DependencyUsage notInstalled(DependencyClosure.Reached r, String note) {
        String why = r.marker().isEmpty() ? "not installed" : "not installed (required only where " + r.marker() + ")";
        String summary = note == null ? why + "; not in the knowledge base" : why + "; knowledge base: " + note;
        return new DependencyUsage(r.name(), r.normalisedName(), "", r.direct(), r.via(), false, note != null,
                note == null ? DependencyUsage.NO_EVIDENCE : DependencyUsage.KNOWLEDGE_BASE, 0, 0, 0, 0,
                new TreeMap<>(), MonkeyPatchCounts.NONE, List.of(), List.of(), note, summary);
    }

    private static DependencyUsage summarise(DependencyClosure.Reached r, InstalledDistribution d, String note,
            List<Located> all, int pythonFiles) {
        // a library's own wrappers and facades would count its usage twice: its direct usage is the measure
        List<Located> direct = all.stream().filter(l -> !l.finding().isIndirect()).toList();
        List<Located> code = direct.stream().filter(l -> !l.test()).toList();
        int tests = direct.size() - code.size();
        SortedMap<String, Integer> byCategory = new TreeMap<>();
        Map<String, Integer> byFile = new TreeMap<>();
        int global = 0;
        int partial = 0;
        int dynamic = 0;
        Map<String, List<String>> patchFiles = new TreeMap<>();
        boolean detectsPatching = false;
        for (Located l : code) {
            Finding f = l.finding();
            byCategory.merge(f.category(), 1, Integer::sum);
            byFile.merge(l.path(), 1, Integer::sum);
            if (f.monkeyPatch() != null) {
                switch (f.monkeyPatch().mode()) {
                    case "global" -> global++;
                    case "partial" -> partial++;
                    default -> dynamic++;
                }
                patchFiles.computeIfAbsent(f.monkeyPatch().mode(), k -> new ArrayList<>()).add(l.path() + ":" + f.line()
                        + (f.scope() == null || f.scope().isEmpty() ? "" : " in " + f.scope())
                        + (f.guarded() ? " (conditional)" : ""));
            }
            detectsPatching |= IS_MONKEY_PATCHED.equals(f.symbol());
        }
        List<EvidenceFile> evidence = evidenceFiles(code);
        // green primitives: the work findings other than the patch calls, which have their own phrase
        Map<String, Integer> primitives = new TreeMap<>();
        code.stream().filter(l -> !NOT_WORK.contains(l.finding().category()) && l.finding().monkeyPatch() == null)
                .forEach(l -> primitives.merge(l.path(), 1, Integer::sum));

        List<String> parts = new ArrayList<>();
        for (String mode : List.of("global", "partial", "dynamic")) {
            List<String> at = patchFiles.getOrDefault(mode, List.of());
            if (!at.isEmpty()) {
                String what = mode.equals("dynamic") ? "monkey patching decided at run time" : mode + " monkey patching";
                parts.add(what + " in " + listed(at, 2));
            }
        }
        if (!primitives.isEmpty()) {
            String most = null; // the file with the most, the first by path among equals (the map is sorted)
            for (Map.Entry<String, Integer> e : primitives.entrySet()) {
                if (most == null || e.getValue() > primitives.get(most)) {
                    most = e.getKey();
                }
            }
            parts.add("green primitives in " + primitives.size() + (primitives.size() == 1 ? " file" : " files")
                    + (primitives.size() == 1 ? " (" + most + ")" : " (most in " + most + ")"));
        } else if (patchFiles.isEmpty() && byCategory.containsKey("import")) {
            long importing = code.stream().filter(l -> l.finding().category().equals("import")).map(Located::path)
                    .distinct().count();
            parts.add("imports eventlet in " + importing + (importing == 1 ? " file" : " files") + " but uses no green primitive");
        }
        if (detectsPatching) {
            parts.add("checks whether eventlet patched the process (dual mode)");
        }
        if (parts.isEmpty() && !code.isEmpty()) {
            parts.add(code.size() + (code.size() == 1 ? " finding" : " findings") + " in " + String.join(", ", byCategory.keySet()));
        }
        if (code.isEmpty()) {
            parts.add(d.codeRoots().isEmpty() ? "no Python code found to scan"
                    : "no eventlet usage in " + pythonFiles + (pythonFiles == 1 ? " Python file" : " Python files")
                            + (tests > 0 ? " outside its tests" : ""));
        }
        if (tests > 0) {
            parts.add(tests + (tests == 1 ? " finding" : " findings") + " in its own tests");
        }
        if (code.isEmpty() && note != null) {
            parts.add("the knowledge base lists it (" + note + "), but its code does not use eventlet");
        }
        return new DependencyUsage(d.name(), d.normalisedName(), d.version(), r.direct(), r.via(), true, !code.isEmpty(),
                DependencyUsage.SCANNED, pythonFiles, code.size(), tests, byFile.size(), byCategory,
                new MonkeyPatchCounts(global, partial, dynamic), evidence, d.codeRootNames(), note, String.join("; ", parts));
    }

    /** Files with the most findings of eventlet work, the top {@value #EVIDENCE_FILES}, ties by path. */
    private static List<EvidenceFile> evidenceFiles(List<Located> code) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Located l : code) {
            if (!NOT_WORK.contains(l.finding().category())) {
                byFile.computeIfAbsent(l.path(), k -> new ArrayList<>()).add(l.finding());
            }
        }
        List<EvidenceFile> files = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            Map<String, Integer> symbols = new TreeMap<>();
            e.getValue().forEach(f -> symbols.merge(f.symbol(), 1, Integer::sum));
            List<String> top = symbols.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(3).map(Map.Entry::getKey).toList();
            List<String> categories = List.copyOf(new TreeSet<>(e.getValue().stream().map(Finding::category).toList()));
            files.add(new EvidenceFile(e.getKey(), e.getValue().size(), categories, top));
        }
        files.sort(Comparator.comparingInt(EvidenceFile::findings).reversed().thenComparing(EvidenceFile::path));
        return files.size() > EVIDENCE_FILES ? List.copyOf(files.subList(0, EVIDENCE_FILES)) : files;
    }

    private static String listed(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }
}
