package dev.eventletscan.indirect;

import static dev.eventletscan.modules.PythonModules.parent;

import dev.eventletscan.graph.ImportStatement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pre-filter: which files can use what the project offers, and the text one of which must be in a file for a
 * use to be possible. Found from the structure pass alone (imports, attribute names), so a file that imports a
 * facade module for something else is never read again.
 */
final class CandidateFiles {
    private final IndirectUsage.Input in;
    private final InterfaceTable table;
    private final TreeMap<String, Map<String, Target>> targets;
    private final SharedSets shared;

    private CandidateFiles(IndirectUsage.Input in, InterfaceTable table, SharedSets shared) {
        this.in = in;
        this.table = table;
        this.targets = table.byModule();
        this.shared = shared;
    }

    static Map<String, Set<String>> of(IndirectUsage.Input in, InterfaceTable table, SharedSets shared) {
        return new CandidateFiles(in, table, shared).candidates();
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
        Set<String> mockable = MockTargets.needles(targets, table::isTracked);
        Map<String, Set<String>> out = new TreeMap<>();
        for (var e : in.imports().entrySet()) {
            String path = e.getKey();
            String module = in.graph().moduleOf(path).orElse(null);
            if (module == null) {
                continue;
            }
            Set<String> needles = new HashSet<>(); // a set, not a list: order says nothing, and hashing is quicker
            int[] attributes = in.attributes().get(path);
            boolean mocks = MockTargets.mayPatch(e.getValue(), attributes);
            for (ImportStatement s : e.getValue()) {
                String base = InterfaceTable.absolute(path, module, s);
                if (base == null) {
                    continue;
                }
                if (s.names().isEmpty()) {
                    // import a.b binds a (and loads a.b); import a.b as x binds a.b
                    boolean aliased = !s.aliases().isEmpty() && !s.aliases().getFirst().isEmpty();
                    String bound = aliased ? base : base.split("\\.")[0];
                    if (offering.contains(bound)) {
                        qualifiedNames(bound, s.boundName(), needles, attributes, mocks);
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
                        qualifiedNames(base + "." + name, s.aliases().get(i), needles, attributes, mocks);
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
                needles.removeIf(this::namesTracked);
            }
            if (mocks) {
                needles.addAll(mockable);
            }
            if (!needles.isEmpty()) {
                out.put(path, shared.of(needles));
            }
        }
        return out;
    }

    /** Whether a dotted part of the needle is a tracked package's name ({@code eventlet} of {@code utils.eventlet.sleep}). */
    private boolean namesTracked(String needle) {
        Set<String> roots = in.rules().trackedRoots();
        for (int start = 0, dot; start <= needle.length(); start = dot + 1) {
            dot = needle.indexOf('.', start);
            if (dot < 0) {
                dot = needle.length();
            }
            if (roots.contains(needle.substring(start, dot))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code local.sub.name} for each name offered by {@code module} or a module under it, bound locally as
     * {@code local}, when the file reads that name as an attribute somewhere (see {@link AttributeNames}); in a
     * file that can patch by object, also the name quoted, as {@code mock.patch.object(local, 'name')} writes it.
     */
    private void qualifiedNames(String module, String local, Set<String> needles, int[] attributes, boolean mocks) {
        for (var t : targets.subMap(module, true, module + "/", false).entrySet()) { // '/' sorts just after '.'
            String key = t.getKey();
            if (key.equals(module) || key.startsWith(module + ".")) {
                String prefix = local + key.substring(module.length()) + ".";
                t.getValue().keySet().forEach(n -> {
                    if (AttributeNames.mayRead(attributes, n)) {
                        needles.add(prefix + n);
                    }
                    if (mocks) {
                        needles.add("'" + n + "'");
                        needles.add("\"" + n + "\"");
                    }
                });
            }
        }
    }
}
