package dev.eventletscan.graph;

import dev.eventletscan.modules.ModuleNames;
import dev.eventletscan.modules.PythonModules;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.walk.FileContents;
import dev.eventletscan.walk.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The project's own import graph: which of its modules import which, from the
 * imports of every Python file (read lexically, see {@link ImportExtractor}).
 * Imports of anything outside the project are kept apart, by top-level name.
 */
public final class ImportGraph {
    private final Map<String, String> pathOfModule = new TreeMap<>();
    // Hashed: scoring asks these millions of times (call levels ask for every pair of files), and no caller
    // depends on their order.
    private final Map<String, String> moduleOfPath = new HashMap<>();
    private final Map<String, Set<String>> imports = new HashMap<>();
    private final Map<String, Set<String>> importers = new HashMap<>();
    private final Map<String, Set<String>> external = new TreeMap<>();
    // Modules numbered in name order, with their importers by number: each component's reach walks these, and
    // on 5,000 modules a walk over hashed names took a fifth of the assessment.
    private String[] moduleByNumber;
    private final Map<String, Integer> numberOf = new HashMap<>();
    private int[][] importerNumbers;

    private ImportGraph() {}

    public static ImportGraph build(List<SourceFile> files) {
        return build(files, f -> {
            try {
                return ImportExtractor.extract(SourceText.decode(Files.readAllBytes(f.path())).text());
            } catch (IOException | RuntimeException e) {
                return List.of(); // unreadable: the scan reports it; the graph just has no edges
            }
        });
    }

    /** @param importsOf the imports of a Python file, read beforehand (with the file's other facts, say) */
    public static ImportGraph build(List<SourceFile> files, Function<SourceFile, List<ImportStatement>> importsOf) {
        return build(files, importsOf, FileContents.DISK::isPackage);
    }

    /** @param isPackage whether a folder holds an {@code __init__.py} (on disk, or in a commit's tree) */
    public static ImportGraph build(List<SourceFile> files, Function<SourceFile, List<ImportStatement>> importsOf,
            Predicate<Path> isPackage) {
        return build(files, importsOf, new ModuleNames(isPackage));
    }

    /** @param names the files' module names, as detection read them */
    public static ImportGraph build(List<SourceFile> files, Function<SourceFile, List<ImportStatement>> importsOf,
            ModuleNames names) {
        ImportGraph g = new ImportGraph();
        Map<String, List<ImportStatement>> statements = new TreeMap<>();
        for (SourceFile f : files) {
            if (!f.python()) {
                continue;
            }
            String module = names.moduleOf(f.path().toAbsolutePath());
            if (module.isEmpty() || g.pathOfModule.containsKey(module)) {
                continue; // the first file of a name wins, as on sys.path
            }
            g.pathOfModule.put(module, f.relativePath());
            g.moduleOfPath.put(f.relativePath(), module);
            statements.put(module, importsOf.apply(f));
        }
        statements.forEach((module, list) -> list.forEach(s -> g.link(module, s)));
        g.number();
        return g;
    }

    private void number() {
        moduleByNumber = pathOfModule.keySet().toArray(String[]::new);
        for (int i = 0; i < moduleByNumber.length; i++) {
            numberOf.put(moduleByNumber[i], i);
        }
        importerNumbers = new int[moduleByNumber.length][];
        for (int i = 0; i < moduleByNumber.length; i++) {
            importerNumbers[i] = importersOf(moduleByNumber[i]).stream().mapToInt(numberOf::get).sorted().toArray();
        }
    }

    private void link(String module, ImportStatement s) {
        String base = PythonModules.resolve(pathOfModule.get(module), module, s.level(), s.module());
        if (base == null) {
            return;
        }
        if (s.names().isEmpty() || s.names().contains("*")) {
            if (!base.isEmpty()) {
                target(module, base);
            }
        } else {
            for (String name : s.names()) {
                target(module, PythonModules.join(base, name)); // a submodule, or a member of base
            }
        }
    }

    /** The longest prefix of a dotted name that is a module of the project, as the edge target. */
    private void target(String from, String dotted) {
        for (String name = dotted; !name.isEmpty(); name = PythonModules.parent(name)) {
            if (pathOfModule.containsKey(name)) {
                if (!name.equals(from)) {
                    imports.computeIfAbsent(from, k -> new HashSet<>()).add(name);
                    importers.computeIfAbsent(name, k -> new HashSet<>()).add(from);
                }
                return;
            }
        }
        external.computeIfAbsent(from, k -> new TreeSet<>()).add(dotted.split("\\.")[0]);
    }

    public Set<String> modules() {
        return Collections.unmodifiableSet(pathOfModule.keySet());
    }

    public Optional<String> moduleOf(String relativePath) {
        return Optional.ofNullable(moduleOfPath.get(relativePath));
    }

    public String pathOf(String module) {
        return pathOfModule.get(module);
    }

    public Set<String> importsOf(String module) {
        return imports.getOrDefault(module, Set.of());
    }

    public Set<String> importersOf(String module) {
        return importers.getOrDefault(module, Set.of());
    }

    /** Top-level names of what a module imports from outside the project. */
    public Set<String> externalImportsOf(String module) {
        return external.getOrDefault(module, Set.of());
    }

    /**
     * The module and every project module it imports, directly or through others, with the packages around
     * each (importing {@code a.b.c} runs {@code a/__init__.py} and {@code a/b/__init__.py} first): the code a
     * process starting there loads.
     */
    public Set<String> importedFrom(String module) {
        Set<String> seen = new TreeSet<>();
        if (!pathOfModule.containsKey(module)) {
            return seen;
        }
        Deque<String> queue = new ArrayDeque<>(List.of(module));
        seen.add(module);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            List<String> next = new ArrayList<>(importsOf(current));
            for (String p = PythonModules.parent(current); !p.isEmpty(); p = PythonModules.parent(p)) {
                if (pathOfModule.containsKey(p)) {
                    next.add(p);
                }
            }
            for (String n : next) {
                if (seen.add(n)) {
                    queue.add(n);
                }
            }
        }
        return seen;
    }

    /** Every module importing a seed directly (1) or through others (n); the seeds themselves at 0. Unordered. */
    public Map<String, Integer> reach(Set<String> seeds) {
        int[] distance = new int[moduleByNumber.length];
        Arrays.fill(distance, -1);
        int[] queue = new int[moduleByNumber.length]; // a module joins once, when it gets its distance
        int tail = 0;
        for (String s : new TreeSet<>(seeds)) {
            Integer n = numberOf.get(s);
            if (n != null && distance[n] < 0) {
                distance[n] = 0;
                queue[tail++] = n;
            }
        }
        for (int head = 0; head < tail; head++) {
            int m = queue[head];
            for (int importer : importerNumbers[m]) {
                if (distance[importer] < 0) {
                    distance[importer] = distance[m] + 1;
                    queue[tail++] = importer;
                }
            }
        }
        Map<String, Integer> out = new HashMap<>(Math.max(16, tail * 2));
        for (int i = 0; i < tail; i++) {
            out.put(moduleByNumber[queue[i]], distance[queue[i]]);
        }
        return out;
    }
}
