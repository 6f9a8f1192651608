package dev.eventletscan.hazard;

import dev.eventletscan.graph.ImportGraph;
import dev.eventletscan.graph.ImportStatement;
import dev.eventletscan.modules.PythonModules;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What importing each project module runs, worked out once per scan and shared by every patch-order replay: a
 * replay starts from each entry point for each patch site and rule, so resolving the same import statements anew
 * in every replay took more time than the rest of the hazard pass.
 */
final class ImportSteps {
    /** One import statement of a module, with its targets resolved: project modules, or other dotted names. */
    record Step(int line, int indent, List<String> targets, List<Boolean> inProject) {
    }

    /** A module's file, its packages that are project modules (outermost first), and its imports in line order. */
    record Plan(String path, List<String> packages, List<Step> steps) {
    }

    private final ImportGraph graph;
    private final Map<String, List<ImportStatement>> importsByPath;
    private final Map<String, Plan> plans = new HashMap<>();
    private final Map<String, Set<String>> reachers = new HashMap<>();
    private Map<String, List<String>> loadedBy;

    ImportSteps(ImportGraph graph, Map<String, List<ImportStatement>> importsByPath) {
        this.graph = graph;
        this.importsByPath = importsByPath;
    }

    Plan plan(String module) {
        return plans.computeIfAbsent(module, this::planOf);
    }

    /**
     * The modules whose import loads the given one through packages and module-level imports: the only starts
     * from which a replay can reach a patch in it (every other replay ended unpatched and was thrown away).
     */
    Set<String> reachers(String module) {
        return reachers.computeIfAbsent(module, target -> {
            Map<String, List<String>> reverse = loadedBy();
            Set<String> seen = new HashSet<>(List.of(target));
            Deque<String> queue = new ArrayDeque<>(seen);
            while (!queue.isEmpty()) {
                for (String from : reverse.getOrDefault(queue.poll(), List.of())) {
                    if (seen.add(from)) {
                        queue.add(from);
                    }
                }
            }
            return seen;
        });
    }

    private Map<String, List<String>> loadedBy() {
        if (loadedBy == null) {
            loadedBy = new HashMap<>();
            for (String module : graph.modules()) {
                Plan plan = plan(module);
                List<String> loads = new ArrayList<>(plan.packages());
                for (Step step : plan.steps()) {
                    if (step.indent() == 0) {
                        for (int i = 0; i < step.targets().size(); i++) {
                            if (step.inProject().get(i)) {
                                loads.add(step.targets().get(i));
                            }
                        }
                    }
                }
                for (String loaded : loads) {
                    loadedBy.computeIfAbsent(loaded, k -> new ArrayList<>()).add(module);
                }
            }
        }
        return loadedBy;
    }

    private Plan planOf(String module) {
        List<String> packages = new ArrayList<>();
        for (String p = PythonModules.parent(module); !p.isEmpty(); p = PythonModules.parent(p)) {
            if (graph.pathOf(p) != null) {
                packages.addFirst(p);
            }
        }
        String path = graph.pathOf(module);
        List<ImportStatement> statements = new ArrayList<>(path == null ? List.of() : importsByPath.getOrDefault(path, List.of()));
        statements.sort(Comparator.comparingInt(ImportStatement::line));
        List<Step> steps = new ArrayList<>();
        for (ImportStatement s : statements) {
            List<String> targets = targets(path, module, s);
            steps.add(new Step(s.line(), s.indent(), targets,
                    targets.stream().map(t -> graph.pathOf(t) != null).toList()));
        }
        return new Plan(path, List.copyOf(packages), List.copyOf(steps));
    }

    private List<String> targets(String path, String module, ImportStatement s) {
        String base = PythonModules.resolve(path, module, s.level(), s.module());
        if (base == null) {
            return List.of();
        }
        if (s.names().isEmpty() || s.names().contains("*")) {
            return base.isEmpty() ? List.of() : List.of(project(base));
        }
        List<String> out = new ArrayList<>();
        for (String name : s.names()) {
            out.add(project(PythonModules.join(base, name)));
        }
        return out;
    }

    /** The longest prefix of a dotted name that is a project module, or the name itself when none is. */
    private String project(String dotted) {
        for (String name = dotted; !name.isEmpty(); name = PythonModules.parent(name)) {
            if (graph.pathOf(name) != null) {
                return name;
            }
        }
        return dotted;
    }
}
