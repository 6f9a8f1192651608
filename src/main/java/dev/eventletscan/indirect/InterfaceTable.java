package dev.eventletscan.indirect;

import static dev.eventletscan.modules.PythonModules.parent;

import dev.eventletscan.detect.python.ModuleInterface;
import dev.eventletscan.graph.ImportStatement;
import dev.eventletscan.model.Hop;
import dev.eventletscan.modules.PythonModules;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every project module offers in front of eventlet, by module and name: the parsed files' facade names,
 * wrappers, accessors and objects ({@link ModuleInterface}), the names other modules re-export from them at
 * module level (imports and {@code name = module.name} aliases, followed until nothing changes), and the
 * wrappers of wrappers the lexical rounds find. The reference scanner asks it what a module offers.
 */
final class InterfaceTable implements ReferenceScanner.Project {
    private final IndirectUsage.Input in;
    private final TreeMap<String, Map<String, Target>> targets = new TreeMap<>();
    private final Map<String, List<String>> all = new HashMap<>();
    private final Set<String> modulePrefixes = new HashSet<>();

    InterfaceTable(IndirectUsage.Input in) {
        this.in = in;
        for (String m : in.graph().modules()) {
            for (String p = m; !p.isEmpty(); p = parent(p)) {
                modulePrefixes.add(p);
            }
        }
        seed();
        reexports();
    }

    /** Every module that offers names, in module order, with its names. */
    TreeMap<String, Map<String, Target>> byModule() {
        return targets;
    }

    /** A module's {@code __all__}, or null without one. */
    List<String> declared(String module) {
        return all.get(module);
    }

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

    /** Whether a dotted name is in a tracked package ({@code eventlet}, {@code eventlet.hubs}, {@code greenlet}). */
    @Override
    public boolean isTracked(String dotted) {
        return in.rules().trackedRoots().contains(dotted.split("\\.")[0]);
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
                if (in.wrapperDepth() >= 1 && !isEntryPoint(module, w.name())) {
                    String kind = w.how().equals("accessor") ? Hop.ACCESSOR : Hop.WRAPPER;
                    mine.put(w.name(), Target.function(w.symbol(), new Hop(module + "." + w.name(), kind, mi.path(), w.line()),
                            w.how(), w.patch()));
                }
            }
        }
    }

    /** A declared entry point's function starts a process: its callers are the script, not code using an interface. */
    private boolean isEntryPoint(String module, String function) {
        return in.project().entryPoints().stream().anyMatch(e -> e.module().equals(module) && e.function().equals(function));
    }

    /** Names other modules take from a facade at module level, and module-level aliases of them, until nothing changes. */
    void reexports() {
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
    static String absolute(String path, String module, ImportStatement s) {
        return PythonModules.resolve(path, module, s.level(), s.module());
    }

    /** Adds the wrappers of wrappers a round found; true when there were new ones. */
    boolean addWrappers(Map<String, ReferenceScanner.Result> scanned) {
        boolean added = false;
        for (var e : scanned.entrySet()) {
            String module = in.graph().moduleOf(e.getKey()).orElse(null);
            if (module == null || isTracked(module)) {
                continue;
            }
            for (ReferenceScanner.NewWrapper w : e.getValue().wrappers()) {
                Map<String, Target> mine = targets.computeIfAbsent(module, k -> new TreeMap<>());
                Target known = mine.get(w.name());
                if (!isEntryPoint(module, w.name()) && (known == null || (!known.isWrapper() && known.first().path().equals(e.getKey())))) {
                    mine.put(w.name(), w.target());
                    added = true;
                }
            }
        }
        return added;
    }
}
