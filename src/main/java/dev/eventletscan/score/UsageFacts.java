package dev.eventletscan.score;

import dev.eventletscan.calls.CallLevels;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.SwitchVerdict;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts a component's score, effort and target are computed from.
 *
 * @param codeFindings findings in code: not dependency declarations or docs
 * @param usagePoints summed rule weights of the code findings
 * @param files Python files with code findings
 * @param packages packages and top-level modules with code findings
 * @param reachShare share of the project's modules reached through imports (0-1)
 * @param depth longest chain of internal imports above the eventlet-using files
 * @param calls how many levels of the project's functions sit above the green calls, and how many functions
 * @param dependencies external dependencies known to use eventlet
 * @param untestedShare share of the eventlet-using files no test imports (0-1)
 * @param indirectFindings code findings reached through the project's facades and wrappers
 * @param indirectOnlyFiles files touched only through them
 * @param switchOff whether eventlet can be switched off in this component
 * @param ownCode whether the component holds eventlet code of its own (not only requirements, docs, environment,
 *     library APIs that run on eventlet, or findings that weigh nothing)
 */
record UsageFacts(List<Finding> findings, List<Finding> codeFindings, double usagePoints, Set<String> files,
        Set<String> packages, double reachShare, int depth, CallLevels.Summary calls, List<DependencyFact> dependencies,
        double untestedShare, int indirectFindings, Set<String> indirectOnlyFiles, SwitchVerdict switchOff, boolean ownCode) {

    /**
     * A declared dependency the project runs in eventlet mode; {@code verified} when a scan of its installed code
     * confirmed it uses eventlet; {@code evidence} says what shows the eventlet mode.
     */
    record DependencyFact(String name, boolean verified, String evidence) {}

    /** Usages that run eventlet code where they stand, as opposed to imports and references. */
    private static final Set<String> GREEN_CALLS = Set.of("call", "decorator", "with");

    static UsageFacts of(List<Finding> findings, ScoringModel model, Components components, ProjectShape shape,
            List<DependencyFact> dependencies, SwitchVerdict switchOff) {
        Set<String> excluded = Set.copyOf(model.score().size().excludeCategories());
        Set<String> notOwn = Set.copyOf(model.score().notOwnCode());
        List<Finding> code = findings.stream().filter(f -> !excluded.contains(f.category())).toList();
        // a finding whose rule weighs nothing (a backend chosen in code, a threading hazard) costs no migration work,
        // so it is no eventlet code either: a migrated project that picks oslo.service's threading backend scores 0
        boolean own = findings.stream()
                .anyMatch(f -> !notOwn.contains(f.category()) && f.weight() > 0 && Components.isPython(f.path()));
        Set<String> files = new TreeSet<>();
        Set<String> directFiles = new TreeSet<>();
        Set<String> packages = new TreeSet<>();
        Set<CallLevels.Site> greenCallers = new TreeSet<>();
        double points = 0;
        int indirect = 0;
        for (Finding f : own ? code : List.<Finding>of()) {
            points += weight(f, model);
            indirect += f.isIndirect() ? 1 : 0;
            // configuration files are work, but not code spread; an environment variable set for a library reaches nothing
            if (Components.isPython(f.path()) && !notOwn.contains(f.category())) {
                files.add(f.path());
                packages.add(components.componentOf(f.path()));
                if (f.isIndirect()) {
                    continue; // their callers' levels are counted from the direct green calls they lead to
                }
                directFiles.add(f.path());
                if (GREEN_CALLS.contains(f.usage()) && f.scope() != null && !f.scope().isEmpty()) {
                    greenCallers.add(new CallLevels.Site(f.path(), f.scope()));
                }
            }
        }
        Set<String> indirectOnly = new TreeSet<>(files);
        indirectOnly.removeAll(directFiles);
        return new UsageFacts(findings, code, points, files, packages, shape.reachShare(directFiles), shape.depth(directFiles),
                shape.callLevels(greenCallers), dependencies, directFiles.isEmpty() ? 0 : shape.untestedShare(directFiles),
                indirect, indirectOnly, switchOff, own);
    }

    /**
     * A finding's usage points: its rule's weight, capped for its category, times its kind of change; a share of it in
     * test code and when the project's own interface stands between.
     */
    static double weight(Finding f, ScoringModel model) {
        var size = model.score().size();
        double w = Math.min(f.weight(), size.weightCaps().getOrDefault(f.category(), Double.MAX_VALUE)) * size.changeFactor(f.category(), f.symbol());
        if (f.context().test()) {
            w *= size.testWeight();
        }
        return f.isIndirect() ? w * size.indirectWeight() : w;
    }
}
