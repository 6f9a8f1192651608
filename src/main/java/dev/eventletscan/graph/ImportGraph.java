package dev.eventletscan.graph;

import dev.eventletscan.modules.ModuleNames;
import dev.eventletscan.modules.NameIndex;
import dev.eventletscan.modules.PythonModules;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.walk.FileContents;
import dev.eventletscan.walk.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
 *
 * <p>Held as arrays: modules are numbered in name order, edges are sorted arrays of numbers, and names are found
 * by hash (see {@link NameIndex}). With maps of sets per module, 200,000 small files took more than the launcher's 512 MB heap
 * in this graph and the call levels alone.
 */
public final class ImportGraph {
    private static final int[] NONE = new int[0];
    private static final String[] NO_NAMES = new String[0];

    /** Module names in order; a module's number is its index. */
    private final String[] modules;
    /** By module number: the file that defines it. */
    private final String[] pathOf;
    /** File paths in order, with the number of the module each defines. */
    private final String[] paths;
    private final int[] moduleOfPath;
    /** By module number, sorted: the modules it imports, and those importing it. */
    private final int[][] imports;
    private final int[][] importers;
    /** By module number, sorted and shared between modules importing the same: top-level names from outside. */
    private final String[][] external;
    private final NameIndex moduleIndex;
    private final NameIndex pathIndex;

    private ImportGraph(String[] modules, String[] pathOf, String[] paths, int[] moduleOfPath, int[][] imports,
            int[][] importers, String[][] external) {
        this.modules = modules;
        this.pathOf = pathOf;
        this.paths = paths;
        this.moduleOfPath = moduleOfPath;
        this.imports = imports;
        this.importers = importers;
        this.external = external;
        this.moduleIndex = new NameIndex(modules);
        this.pathIndex = new NameIndex(paths);
    }

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
        Map<String, SourceFile> fileOfModule = new TreeMap<>();
        for (SourceFile f : files) {
            if (f.python()) {
                // interned: the imports naming it hold the same string (ImportStatement interns its names)
                String module = names.moduleOf(f.path().toAbsolutePath()).intern();
                if (!module.isEmpty()) {
                    fileOfModule.putIfAbsent(module, f); // the first file of a name wins, as on sys.path
                }
            }
        }
        int n = fileOfModule.size();
        String[] modules = fileOfModule.keySet().toArray(String[]::new);
        String[] pathOf = new String[n];
        Integer[] byPath = new Integer[n];
        int i = 0;
        for (SourceFile f : fileOfModule.values()) {
            pathOf[i] = f.relativePath();
            byPath[i] = i++;
        }
        Arrays.sort(byPath, (a, b) -> pathOf[a].compareTo(pathOf[b]));
        String[] paths = new String[n];
        int[] moduleOfPath = new int[n];
        for (int k = 0; k < n; k++) {
            paths[k] = pathOf[byPath[k]];
            moduleOfPath[k] = byPath[k];
        }
        Linker linker = new Linker(modules, pathOf);
        i = 0;
        for (SourceFile f : fileOfModule.values()) {
            linker.link(i++, importsOf.apply(f));
        }
        int[][] imports = linker.edges.rows(n, false);
        int[][] importers = linker.edges.rows(n, true);
        return new ImportGraph(modules, pathOf, paths, moduleOfPath, imports, importers, linker.external(n));
    }

    /** Resolves import statements to edges between module numbers, and to outside names. */
    private static final class Linker {
        private final String[] modules;
        private final String[] pathOf;
        final EdgeList edges = new EdgeList();
        private final Map<Integer, TreeSet<String>> external = new HashMap<>();
        private final Map<String, String> names = new HashMap<>();

        Linker(String[] modules, String[] pathOf) {
            this.modules = modules;
            this.pathOf = pathOf;
        }

        void link(int from, List<ImportStatement> statements) {
            for (ImportStatement s : statements) {
                String base = PythonModules.resolve(pathOf[from], modules[from], s.level(), s.module());
                if (base == null) {
                    continue;
                }
                if (s.names().isEmpty() || s.names().contains("*")) {
                    if (!base.isEmpty()) {
                        target(from, base);
                    }
                } else {
                    for (String name : s.names()) {
                        target(from, PythonModules.join(base, name)); // a submodule, or a member of base
                    }
                }
            }
        }

        /** The longest prefix of a dotted name that is a module of the project, as the edge target. */
        private void target(int from, String dotted) {
            for (String name = dotted; !name.isEmpty(); name = PythonModules.parent(name)) {
                int to = Arrays.binarySearch(modules, name);
                if (to >= 0) {
                    if (to != from) {
                        edges.add(from, to);
                    }
                    return;
                }
            }
            int dot = dotted.indexOf('.');
            String top = dot < 0 ? dotted : dotted.substring(0, dot);
            external.computeIfAbsent(from, k -> new TreeSet<>()).add(names.computeIfAbsent(top, t -> t));
        }

        /** By module number; modules with the same outside names share one array. */
        String[][] external(int n) {
            String[][] out = new String[n][];
            Arrays.fill(out, NO_NAMES);
            Map<List<String>, String[]> shared = new HashMap<>();
            external.forEach((module, set) -> out[module] = shared.computeIfAbsent(List.copyOf(set), l -> l.toArray(String[]::new)));
            return out;
        }
    }

    /** Edges as packed pairs of numbers, turned into sorted rows once all are in. */
    private static final class EdgeList {
        private long[] pairs = new long[1024];
        private int size;

        void add(int from, int to) {
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, size * 2);
            }
            pairs[size++] = ((long) from << 32) | to;
        }

        /** @param reversed rows by target (importers) instead of by source (imports) */
        int[][] rows(int n, boolean reversed) {
            long[] sorted = new long[size];
            for (int i = 0; i < size; i++) {
                sorted[i] = reversed ? (pairs[i] << 32) | (pairs[i] >>> 32) : pairs[i];
            }
            Arrays.sort(sorted);
            int[][] out = new int[n][];
            Arrays.fill(out, NONE);
            int i = 0;
            while (i < size) {
                int row = (int) (sorted[i] >>> 32);
                int[] buffer = new int[8];
                int count = 0;
                for (; i < size && (int) (sorted[i] >>> 32) == row; i++) {
                    int column = (int) sorted[i];
                    if (count == 0 || buffer[count - 1] != column) { // an edge named twice is one edge
                        if (count == buffer.length) {
                            buffer = Arrays.copyOf(buffer, count * 2);
                        }
                        buffer[count++] = column;
                    }
                }
                out[row] = Arrays.copyOf(buffer, count);
            }
            return out;
        }
    }

    private int number(String module) {
        return moduleIndex.indexOf(module);
    }

    private int numberOfPath(String relativePath) {
        int i = pathIndex.indexOf(relativePath);
        return i < 0 ? -1 : moduleOfPath[i];
    }

    public Set<String> modules() {
        return new NameSet(modules);
    }

    public Optional<String> moduleOf(String relativePath) {
        int m = numberOfPath(relativePath);
        return m < 0 ? Optional.empty() : Optional.of(modules[m]);
    }

    public String pathOf(String module) {
        int m = number(module);
        return m < 0 ? null : pathOf[m];
    }

    public Set<String> importsOf(String module) {
        int m = number(module);
        return m < 0 ? Set.of() : names(imports[m]);
    }

    public Set<String> importersOf(String module) {
        int m = number(module);
        return m < 0 ? Set.of() : names(importers[m]);
    }

    /** Whether the module defined by one file imports the module defined by another (asked for every call pair). */
    public boolean fileImports(String importerPath, String importedPath) {
        int from = numberOfPath(importerPath);
        int to = numberOfPath(importedPath);
        return from >= 0 && to >= 0 && Arrays.binarySearch(imports[from], to) >= 0;
    }

    /** The files whose modules import the module a file defines, in module order. */
    public List<String> importerPathsOf(String relativePath) {
        int m = numberOfPath(relativePath);
        if (m < 0) {
            return List.of();
        }
        String[] out = new String[importers[m].length];
        for (int i = 0; i < out.length; i++) {
            out[i] = pathOf[importers[m][i]];
        }
        return Arrays.asList(out);
    }

    /** Top-level names of what a module imports from outside the project. */
    public Set<String> externalImportsOf(String module) {
        int m = number(module);
        return m < 0 ? Set.of() : new NameSet(external[m]);
    }

    private Set<String> names(int[] numbers) {
        String[] out = new String[numbers.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = modules[numbers[i]]; // numbers are in name order, so the names are sorted
        }
        return new NameSet(out);
    }

    /**
     * The module and every project module it imports, directly or through others, with the packages around
     * each (importing {@code a.b.c} runs {@code a/__init__.py} and {@code a/b/__init__.py} first): the code a
     * process starting there loads.
     */
    public Set<String> importedFrom(String module) {
        Set<String> seen = new TreeSet<>();
        int start = number(module);
        if (start < 0) {
            return seen;
        }
        boolean[] reached = new boolean[modules.length];
        Deque<Integer> queue = new ArrayDeque<>(List.of(start));
        reached[start] = true;
        while (!queue.isEmpty()) {
            int current = queue.poll();
            seen.add(modules[current]);
            List<Integer> next = new ArrayList<>();
            for (int i : imports[current]) {
                next.add(i);
            }
            for (String p = PythonModules.parent(modules[current]); !p.isEmpty(); p = PythonModules.parent(p)) {
                int n = number(p);
                if (n >= 0) {
                    next.add(n);
                }
            }
            for (int n : next) {
                if (!reached[n]) {
                    reached[n] = true;
                    queue.add(n);
                }
            }
        }
        return seen;
    }

    /** Every module importing a seed directly (1) or through others (n); the seeds themselves at 0. Unordered. */
    public Map<String, Integer> reach(Set<String> seeds) {
        int[] distance = new int[modules.length];
        Arrays.fill(distance, -1);
        int[] queue = new int[modules.length]; // a module joins once, when it gets its distance
        int tail = 0;
        for (String s : new TreeSet<>(seeds)) {
            int n = number(s);
            if (n >= 0 && distance[n] < 0) {
                distance[n] = 0;
                queue[tail++] = n;
            }
        }
        for (int head = 0; head < tail; head++) {
            int m = queue[head];
            for (int importer : importers[m]) {
                if (distance[importer] < 0) {
                    distance[importer] = distance[m] + 1;
                    queue[tail++] = importer;
                }
            }
        }
        Map<String, Integer> out = new HashMap<>(Math.max(16, tail * 2));
        for (int i = 0; i < tail; i++) {
            out.put(modules[queue[i]], distance[queue[i]]);
        }
        return out;
    }

    /** A read-only set over a sorted array of names: iterates in order, finds by binary search, copies nothing. */
    private static final class NameSet extends AbstractSet<String> {
        private final String[] sorted;

        NameSet(String[] sorted) {
            this.sorted = sorted;
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof String s && Arrays.binarySearch(sorted, s) >= 0;
        }

        @Override
        public int size() {
            return sorted.length;
        }

        @Override
        public Iterator<String> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < sorted.length;
                }

                @Override
                public String next() {
                    if (next >= sorted.length) {
                        throw new NoSuchElementException();
                    }
                    return sorted[next++];
                }
            };
        }
    }
}
