package dev.eventletscan.score;

import dev.eventletscan.calls.CallLevels;
import dev.eventletscan.detect.TestPaths;
import dev.eventletscan.graph.ImportGraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Reach, depth, test coverage and interdependence read from the project's own import graph. */
public final class ImportGraphShape implements ProjectShape {
    private final ImportGraph graph;
    private final Components components;
    private final CallLevels calls;
    private final int callLevelLimit;
    private Map<String, Integer> importerCounts;
    /** Reach by seed modules: share and depth ask for the same seeds, and a component's files are often one module. */
    private final Map<Set<String>, Reach> reaches = new ConcurrentHashMap<>();

    private record Reach(int modules, int depth) {}

    /** @param calls the project's functions and their calls, linked through this graph's imports */
    public ImportGraphShape(ImportGraph graph, Set<String> pythonFiles, CallLevels calls, int callLevelLimit) {
        this.graph = graph;
        this.components = new Components(pythonFiles);
        this.calls = calls;
        this.callLevelLimit = callLevelLimit;
    }

    /** Whether code in one file can call functions of another: the same file, or an import links them. */
    public static boolean canCall(ImportGraph graph, String callerPath, String calleePath) {
        return callerPath.equals(calleePath) || graph.fileImports(callerPath, calleePath);
    }

    /** The files {@link #canCall} allows to call into a file: the file itself and the files importing its module. */
    public static Collection<String> callerFiles(ImportGraph graph, String calleePath) {
        List<String> out = new ArrayList<>();
        out.add(calleePath);
        for (String path : graph.importerPathsOf(calleePath)) {
            if (!path.equals(calleePath)) {
                out.add(path);
            }
        }
        return out;
    }

    @Override
    public CallLevels.Summary callLevels(Set<CallLevels.Site> greenCallers) {
        Set<CallLevels.Site> functions = new TreeSet<>();
        greenCallers.stream().filter(calls::isFunction).forEach(functions::add);
        return functions.isEmpty() ? CallLevels.Summary.NONE : calls.summarise(functions, callLevelLimit);
    }

    private Set<String> modules(Set<String> files) {
        Set<String> out = new TreeSet<>();
        files.forEach(f -> graph.moduleOf(f).ifPresent(out::add));
        return out;
    }

    @Override
    public double reachShare(Set<String> eventletFiles) {
        int all = graph.modules().size();
        return all == 0 ? 0 : (double) reach(eventletFiles).modules() / all;
    }

    @Override
    public int depth(Set<String> eventletFiles) {
        return reach(eventletFiles).depth();
    }

    private Reach reach(Set<String> files) {
        return reaches.computeIfAbsent(modules(files), seeds -> {
            Map<String, Integer> reached = graph.reach(seeds);
            return new Reach(reached.size(), reached.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        });
    }

    @Override
    public double untestedShare(Set<String> eventletFiles) {
        Set<String> modules = modules(eventletFiles);
        if (modules.isEmpty()) {
            return 0;
        }
        long untested = modules.stream().filter(m -> graph.importersOf(m).stream()
                .noneMatch(i -> TestPaths.isTest(graph.pathOf(i)))).count();
        return (double) untested / modules.size();
    }

    @Override
    public Set<String> filesLoadedBy(String module) {
        Set<String> out = new TreeSet<>();
        graph.importedFrom(module).forEach(m -> out.add(graph.pathOf(m)));
        return out;
    }

    @Override
    public Set<String> externalImports(Set<String> files) {
        Set<String> out = new TreeSet<>();
        modules(files).forEach(m -> out.addAll(graph.externalImportsOf(m)));
        return out;
    }

    @Override
    public int importers(String componentPath) {
        return importerCounts().getOrDefault(componentPath, 0);
    }

    /**
     * For each component, how many other components import one of its modules: counted once for all, as the
     * planner asks for every finding and every sort comparison.
     */
    private synchronized Map<String, Integer> importerCounts() {
        if (importerCounts == null) {
            Map<String, Set<String>> others = new HashMap<>();
            for (String module : graph.modules()) {
                String mine = components.componentOf(graph.pathOf(module));
                for (String importer : graph.importersOf(module)) {
                    String theirs = components.componentOf(graph.pathOf(importer));
                    if (!theirs.equals(mine)) {
                        others.computeIfAbsent(mine, k -> new HashSet<>()).add(theirs);
                    }
                }
            }
            Map<String, Integer> counts = new HashMap<>();
            others.forEach((component, importers) -> counts.put(component, importers.size()));
            importerCounts = counts;
        }
        return importerCounts;
    }

    @Override
    public String basis() {
        return "Reach, depth and test coverage come from the project's own imports (" + graph.modules().size()
                + " modules); imports made at run time (importlib with computed names, plugins) are not followed. "
                + "Call levels match calls to functions by name within the modules an import links, up to "
                + callLevelLimit + " levels: dynamic dispatch may link more or fewer callers than run.";
    }
}
