package dev.eventletscan.score;

import dev.eventletscan.model.EffortRange;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.PlanPhase;
import dev.eventletscan.model.PlanStep;
import dev.eventletscan.model.StartHere;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The guide's order of work: deprecate options; explicit primitives before
 * monkey patching, services before libraries and the least interdependent
 * components first; neutral interfaces in front of shared internal APIs;
 * monkey patching last; the dependency dropped at the very end.
 */
final class MigrationPlanner {
    /** A component imported by at least this many others is a shared internal API. */
    static final int SHARED_API_IMPORTERS = 3;
    private static final Set<String> OPTIONS = Set.of("env-var", "config");
    private static final Set<String> PATCHING = Set.of("monkey-patch", "patcher");
    private static final Set<String> LAST = Set.of("dependency", "import", "docs");

    /** How many first changes the "start here" list gives. */
    static final int START_HERE = 5;

    private final Components components;
    private final ProjectShape shape;
    private final ToDoubleFunction<Finding> points;
    private final EffortRange total;
    private final double totalPoints;

    /**
     * @param points a finding's effort points, to share the repository's effort among the phases
     * @param total the repository's effort
     * @param totalPoints the usage points that effort was estimated from
     */
    MigrationPlanner(Components components, ProjectShape shape, ToDoubleFunction<Finding> points, EffortRange total,
            double totalPoints) {
        this.components = components;
        this.shape = shape;
        this.points = points;
        this.total = total;
        this.totalPoints = totalPoints;
    }

    /** The first concrete changes: the first finding of each phase's first step, in the plan's order. */
    static List<StartHere> startHere(List<PlanPhase> phases, List<Finding> findings) {
        List<StartHere> out = new ArrayList<>();
        for (PlanPhase p : phases) {
            if (out.size() >= START_HERE || p.steps().isEmpty() || p.title().startsWith("Drop")) {
                continue;
            }
            PlanStep first = p.steps().getFirst();
            Set<String> rules = Set.copyOf(p.rules());
            findings.stream().filter(f -> rules.contains(f.ruleId()) && f.path().equals(first.files().getFirst())).findFirst()
                    .ifPresent(f -> out.add(new StartHere(p.order(), f.path(), f.line(), verb(p) + " " + f.symbol() + ": " + f.code())));
        }
        return out;
    }

    private static String verb(PlanPhase p) {
        return switch (p.title().split(" ")[0]) {
            case "Deprecate" -> "deprecate";
            case "Remove" -> "remove";
            case "Move" -> "move the test off";
            case "Swap" -> "swap what stands behind";
            case "Put" -> "put an interface in front of";
            default -> "replace";
        };
    }

    List<PlanPhase> plan(List<Finding> all) {
        // a monkey_patch reached through a helper is removed with the patching, not with the facades
        List<Finding> findings = all.stream().filter(f -> !f.isIndirect() || f.monkeyPatch() != null).toList();
        List<Finding> indirect = all.stream().filter(f -> f.isIndirect() && f.monkeyPatch() == null).toList();
        Set<String> services = services(findings);
        List<PlanPhase> phases = new ArrayList<>();
        phase(phases, "Deprecate eventlet-related options",
                "Options and environment variables that select eventlet are public interface: deprecate them a release before removing them.",
                findings, f -> OPTIONS.contains(f.category()), services);
        phase(phases, "Replace explicit green threads, pools and primitives",
                "Explicit primitives are easy to find and replace one by one; services come before libraries, the least interdependent components first.",
                findings, f -> !f.context().test() && !OPTIONS.contains(f.category()) && !PATCHING.contains(f.category())
                        && !LAST.contains(f.category()) && !f.category().equals("test-mock"), services);
        phase(phases, "Put neutral interfaces in front of shared internal APIs",
                "Components many others import should expose an interface that hides eventlet, so callers can move before the implementation does.",
                findings, f -> !f.context().test() && shape.importers(components.componentOf(f.path())) >= SHARED_API_IMPORTERS
                        && !LAST.contains(f.category()) && !PATCHING.contains(f.category()), services);
        phase(phases, "Swap the implementation behind the project's facades and wrappers, and test their callers",
                "These sites reach eventlet through the project's own interfaces, the neutral layer the guide recommends: the "
                        + "change is made once, behind the interface; the callers need their tests run again and a look at what "
                        + "they assume of green threads (cheap to start, never truly parallel).",
                indirect, f -> true, services);
        phase(phases, "Remove monkey patching and implicit green I/O",
                "Global patching makes every library implicitly green: remove it last, once no explicit primitive needs it, then test timeouts and blocking I/O again.",
                findings, f -> PATCHING.contains(f.category()), services);
        phase(phases, "Move the tests",
                "Tests that patch eventlet or run under it follow the code they test.",
                findings, f -> f.category().equals("test-mock") || (f.context().test() && !LAST.contains(f.category())
                        && !PATCHING.contains(f.category())), services);
        phase(phases, "Drop the eventlet dependency",
                "When no code uses eventlet, remove the imports, the requirement and the documentation that assumes it.",
                findings, f -> LAST.contains(f.category()), services);
        return phases;
    }

    /** Components where a process starts patched or declares an entry point: services, migrated first. */
    private Set<String> services(List<Finding> findings) {
        Set<String> out = new TreeSet<>();
        for (Finding f : findings) {
            if (!f.context().test() && (f.monkeyPatch() != null || !f.context().entryPoints().isEmpty() || f.context().mainBlock())) {
                out.add(components.componentOf(f.path()));
            }
        }
        return out;
    }

    private void phase(List<PlanPhase> phases, String title, String why, List<Finding> findings, Predicate<Finding> belongs,
            Set<String> services) {
        Map<String, List<Finding>> byComponent = new TreeMap<>();
        for (Finding f : findings) {
            if (belongs.test(f) && (f.isIndirect() || !claimedEarlier(phases, f))) {
                byComponent.computeIfAbsent(components.componentOf(f.path()), k -> new ArrayList<>()).add(f);
            }
        }
        if (byComponent.isEmpty()) {
            return;
        }
        List<PlanStep> steps = byComponent.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Finding>> e) -> !services.contains(e.getKey()))
                        .thenComparingInt(e -> shape.importers(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new PlanStep(Components.displayName(e.getKey()), e.getValue().size(),
                        e.getValue().stream().map(Finding::path).distinct().sorted().toList()))
                .toList();
        Set<String> rules = new TreeSet<>();
        double phasePoints = 0;
        for (List<Finding> list : byComponent.values()) {
            for (Finding f : list) {
                rules.add(f.ruleId());
                phasePoints += points.applyAsDouble(f);
            }
        }
        double share = totalPoints <= 0 ? 0 : phasePoints / totalPoints;
        phases.add(new PlanPhase(phases.size() + 1, title, why, List.copyOf(rules), steps, days(total.lowDays() * share),
                days(total.highDays() * share)));
    }

    private static double days(double d) {
        return d < 10 ? Math.round(d * 10) / 10.0 : Math.round(d);
    }

    /** Each finding is worked on once, in the first phase that takes it. */
    private boolean claimedEarlier(List<PlanPhase> phases, Finding f) {
        String component = Components.displayName(components.componentOf(f.path()));
        for (PlanPhase p : phases) {
            if (p.rules().contains(f.ruleId())) {
                for (PlanStep s : p.steps()) {
                    if (s.component().equals(component) && s.files().contains(f.path())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
