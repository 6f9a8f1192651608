package dev.eventletscan.hazard;

import dev.eventletscan.detect.EntryPoint;
import dev.eventletscan.graph.ImportGraph;
import dev.eventletscan.graph.ImportStatement;
import dev.eventletscan.model.Finding;
import dev.eventletscan.rules.AnalysisMatch;
import dev.eventletscan.rules.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which modules a process has imported when its monkey_patch runs: what they made at import (an RLock in logging,
 * a socket, a thread) stays native, the cause of eventlet issues 969 and 1075.
 *
 * <p>Imports are replayed in the order Python runs them: a module's packages first, then its top-level import
 * statements in line order, each project module once, depth first, until the patch runs. It starts from each entry
 * point that reaches a patching module and from each patching module itself. A patch at module level runs at its
 * line; one inside a function runs once its module has loaded. An import among the rule's modules, or a project
 * module whose top-level lines match the rule's {@code creates}, is reported once per patch site, with the first
 * chain that brought it in. Limits: imports are read lexically, so only those at column 0 are replayed, and those
 * in the patching function above the patch (an import indented under {@code try:} or {@code if} at module level
 * is not, nor one in another function); what an external
 * package imports in turn is not followed; a patch the entry point does not reach through imports (called from
 * its function) is replayed from its own module only.
 */
public final class PatchOrder {
    private final ImportGraph graph;
    private final ImportSteps steps;
    private final Function<String, List<String>> topLevelLines;
    private final Rule rule;
    private final AnalysisMatch match;
    private final Map<String, Boolean> creates = new java.util.HashMap<>();

    /**
     * @param importsByPath each Python file's import statements, by path relative to the scan root
     * @param topLevelLines a project file's lines, by path (read only for modules replayed)
     */
    public PatchOrder(ImportGraph graph, Map<String, List<ImportStatement>> importsByPath,
            Function<String, List<String>> topLevelLines, Rule rule) {
        this.graph = graph;
        this.steps = new ImportSteps(graph, importsByPath);
        this.topLevelLines = topLevelLines;
        this.rule = rule;
        this.match = (AnalysisMatch) rule.match();
    }

    /** A finding per patch site and early import that holds locks, sockets or threads, at the patch call. */
    public List<Finding> findings(List<Finding> all, List<EntryPoint> entryPoints) {
        List<Finding> patches = all.stream().filter(Finding::isMonkeyPatchCall).filter(f -> !f.isIndirect())
                .filter(f -> graph.moduleOf(f.path()).isPresent()).toList();
        List<Finding> out = new ArrayList<>();
        List<String> starts = entryPoints.stream().filter(e -> EntryPoint.PROCESS_GROUPS.contains(e.group()))
                .map(EntryPoint::module).filter(m -> graph.pathOf(m) != null).distinct().sorted().toList();
        Set<String> reported = new HashSet<>();
        for (Finding patch : patches) {
            if (!reported.add(patch.path() + ":" + patch.line())) {
                continue; // two monkey_patch calls on one line: one set of findings
            }
            String module = graph.moduleOf(patch.path()).orElseThrow();
            Map<String, List<String>> early = new LinkedHashMap<>();
            Set<String> reachers = steps.reachers(module);
            for (String start : starts) {
                if (!reachers.contains(start)) {
                    continue; // its replay could never reach the patch
                }
                Replay replay = new Replay(module, patch);
                replay.load(start, List.of(start));
                if (replay.patched) {
                    replay.risky.forEach(early::putIfAbsent);
                }
            }
            Replay own = new Replay(module, patch);
            own.load(module, List.of(module));
            own.risky.forEach(early::putIfAbsent);
            early.forEach((name, chain) -> out.add(finding(patch, name, chain)));
        }
        out.sort(Finding.ORDER);
        return out;
    }

    private Finding finding(Finding patch, String imported, List<String> chain) {
        String message = rule.messageFor(imported) + " (" + String.join(" -> ", chain) + ", before monkey_patch at "
                + patch.path() + ":" + patch.line() + ")";
        return new Finding(rule.id(), rule.category(), rule.severity(), rule.weight(), patch.path(), patch.line(),
                patch.column(), patch.endLine(), patch.endColumn(), imported, "pattern", message, patch.code(), patch.scope(),
                patch.guarded(), patch.context(), null, null);
    }

    /** One replay of a process's imports up to the patch. */
    private final class Replay {
        final String patchModule;
        final int patchLine;
        /** For a patch inside a function: where that function starts; its imports above the patch run first. */
        final int functionStart;
        final int functionPatchLine;
        final Set<String> loaded = new HashSet<>();
        final Map<String, List<String>> risky = new LinkedHashMap<>();
        boolean patched;

        Replay(String patchModule, Finding patch) {
            this.patchModule = patchModule;
            this.patchLine = patch.scope().isEmpty() ? patch.line() : Integer.MAX_VALUE;
            this.functionPatchLine = patch.scope().isEmpty() ? 0 : patch.line();
            this.functionStart = patch.scope().isEmpty() ? 0 : enclosingStart(patch.path(), patch.line());
        }

        void load(String module, List<String> chain) {
            if (patched || !loaded.add(module)) {
                return;
            }
            ImportSteps.Plan plan = steps.plan(module);
            for (String p : plan.packages()) {
                load(p, append(chain, p)); // importing a module runs its packages first
            }
            if (patched) {
                return;
            }
            if (!module.equals(patchModule) && createsAtImport(plan.path())) {
                risky.putIfAbsent(module, chain);
            }
            for (ImportSteps.Step s : plan.steps()) {
                if (module.equals(patchModule) && s.line() >= patchLine) {
                    break;
                }
                boolean beforePatchInItsFunction = module.equals(patchModule) && functionStart > 0
                        && s.line() > functionStart && s.line() < functionPatchLine;
                if (s.indent() != 0 && !beforePatchInItsFunction) {
                    continue;
                }
                for (int i = 0; i < s.targets().size(); i++) {
                    String target = s.targets().get(i);
                    if (s.inProject().get(i)) {
                        load(target, append(chain, target));
                    } else {
                        String top = target.split("\\.")[0];
                        if (match.modules().contains(top)) {
                            risky.putIfAbsent(top, append(chain, top));
                        }
                    }
                    if (patched) {
                        return;
                    }
                }
            }
            if (module.equals(patchModule)) {
                patched = true;
            }
        }
    }

    private static List<String> append(List<String> chain, String next) {
        List<String> out = new ArrayList<>(chain);
        out.add(next);
        return List.copyOf(out);
    }

    private boolean createsAtImport(String path) {
        if (match.creates() == null || path == null) {
            return false;
        }
        return creates.computeIfAbsent(path, p -> topLevelLines.apply(p).stream().filter(PatchOrder::atColumnZero)
                .anyMatch(l -> match.creates().matcher(l).find()));
    }

    /** Module-level statements and their continuations start at column 0. */
    private static boolean atColumnZero(String line) {
        return !line.isEmpty() && !Character.isWhitespace(line.charAt(0));
    }

    /**
     * The first line of the top-level function or class a patch inside a function sits in: the last {@code def} or
     * {@code class} at column 0 above it; 0 when there is none.
     */
    private int enclosingStart(String path, int patchLine) {
        List<String> lines = topLevelLines.apply(path);
        for (int i = Math.min(patchLine, lines.size()) - 1; i >= 0; i--) {
            String l = lines.get(i);
            if (l.startsWith("def ") || l.startsWith("async def ") || l.startsWith("class ")) {
                return i + 1;
            }
        }
        return 0;
    }
}
