package dev.eventletscan.score;

import dev.eventletscan.detect.EntryPoint;
import dev.eventletscan.detect.TestPaths;
import dev.eventletscan.model.Assessment;
import dev.eventletscan.model.ComponentAssessment;
import dev.eventletscan.model.DependencyAssessment;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ModelFit;
import dev.eventletscan.model.SwitchEvidence;
import dev.eventletscan.model.SwitchVerdict;
import dev.eventletscan.rules.DependencyMatch;
import dev.eventletscan.rules.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Scores, estimates and plans from a scan's findings: the library entry point of this package. */
public final class Assessor {
    private final ScoringModel model;
    private final DifficultyScorer scorer;
    private final EffortEstimator effort;
    private final TargetAdvisor advisor;

    public Assessor(ScoringModel model) {
        this.model = model;
        this.scorer = new DifficultyScorer(model);
        this.effort = new EffortEstimator(model);
        this.advisor = new TargetAdvisor(model);
    }

    public ScoringModel model() {
        return model;
    }

    /**
     * @param pythonFiles every Python file walked, relative paths: they say which folders are packages
     * @param scanned what a scan of the installed dependencies found, or null when no site-packages were given
     * @param entryPoints the project's declared entry points; those that start processes are assessed as components
     */
    public Assessment assess(List<Finding> findings, Set<String> pythonFiles, ProjectShape shape, RuleSet rules,
            List<DependencyAssessment> scanned, List<EntryPoint> entryPoints) {
        return assess(findings, pythonFiles, shape, rules, scanned, entryPoints, Switching.NONE);
    }

    /**
     * What the switch analysis needs beyond the findings.
     *
     * @param calledPatchHelpers {@code path#function} of the monkey_patch helpers something calls
     * @param backendOptions oslo.service backends chosen in code
     */
    public record Switching(Set<String> calledPatchHelpers, List<SwitchEvidence> backendOptions) {
        public static final Switching NONE = new Switching(Set.of(), List.of());

        public Switching {
            calledPatchHelpers = Set.copyOf(calledPatchHelpers);
            backendOptions = List.copyOf(backendOptions);
        }
    }

    /** @param switching the patching helpers and backend options the indirect pass found */
    public Assessment assess(List<Finding> findings, Set<String> pythonFiles, ProjectShape shape, RuleSet rules,
            List<DependencyAssessment> scanned, List<EntryPoint> entryPoints, Switching switching) {
        Components components = new Components(pythonFiles);
        List<DependencyAssessment> dependencies = (scanned != null ? scanned : fromKnowledgeBase(findings, rules)).stream()
                .filter(d -> !DependencyMatch.normalise(d.name()).equals("eventlet")) // the thing removed, not a dependency of it
                .toList();
        List<UsageFacts.DependencyFact> deps = facts(dependencies, findings, pythonFiles, shape, switching);
        var patches = Switches.patchesByFunction(findings);
        ComponentAssessment repository = component("(repository)", "repository", "", findings, components, shape, deps,
                Switches.verdict(findings, switching, null, patches), true);
        ComponentDependencies scoped = new ComponentDependencies(deps, shape);
        Map<String, List<Finding>> byComponent = new TreeMap<>();
        Map<String, List<Finding>> byFile = new TreeMap<>();
        for (Finding f : findings) {
            byComponent.computeIfAbsent(components.componentOf(f.path()), k -> new ArrayList<>()).add(f);
            byFile.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
        }
        List<ComponentAssessment> packages = new ArrayList<>();
        byComponent.forEach((path, list) -> {
            Set<String> theirFiles = components.filesOf(path);
            packages.add(component(Components.displayName(path),
                    components.isPackage(path) ? "package" : path.equals(Components.PROJECT_FILES) ? "project-files" : "module",
                    path, list, components, shape, scoped.of(theirFiles), Switches.verdict(list, switching, theirFiles, patches), false));
        });
        List<ComponentAssessment> files = new ArrayList<>();
        byFile.forEach((path, list) -> files.add(component(path, "file", path, list, components, shape,
                scoped.of(Components.isPython(path) ? Set.of(path) : null), Switches.verdict(list, switching, Set.of(path), patches), false)));
        List<ComponentAssessment> processes = new ArrayList<>();
        for (EntryPoint e : processEntryPoints(entryPoints)) {
            Set<String> loaded = shape.filesLoadedBy(e.module());
            List<Finding> theirs = findings.stream().filter(f -> loaded.contains(f.path())).toList();
            if (!theirs.isEmpty()) {
                processes.add(component(e.name(), "entry-point", e.module() + (e.function().isEmpty() ? "" : ":" + e.function()),
                        theirs, components, shape, scoped.of(loaded), Switches.verdict(theirs, switching, loaded, patches), true));
            }
        }
        Comparator<ComponentAssessment> hardestFirst = Comparator
                .comparingDouble((ComponentAssessment c) -> -c.difficulty().score()).thenComparing(ComponentAssessment::path);
        packages.sort(hardestFirst);
        files.sort(hardestFirst);
        processes.sort(hardestFirst);
        var plan = new MigrationPlanner(components, shape, f -> UsageFacts.weight(f, model), repository.effort(),
                repository.effort().usagePoints()).plan(repository.effort().usagePoints() > 0 ? findings : List.of());
        boolean own = repository.effort().usagePoints() > 0;
        return new Assessment(repository, packages, processes, files, dependencies, plan,
                MigrationPlanner.startHere(plan, findings), assumptions(scanned == null, shape, own),
                new ModelFit(model.effort().linesPerDay(), fitError()), own ? List.of() : model.banEventlet());
    }

    /** The fit's error as the report states it. */
    private String fitError() {
        var fit = model.effort().fit();
        return "leave-one-out over " + fit.migrations() + " finished migrations, the range brackets the measured work of "
                + fit.bracketed() + "; the estimate is off by a median factor of " + fit.medianError() + ", at worst "
                + fit.worstError();
    }

    /** @param showSwitch whether the report shows the switch verdict (the repository and entry points) */
    private ComponentAssessment component(String name, String kind, String path, List<Finding> findings,
            Components components, ProjectShape shape, List<UsageFacts.DependencyFact> deps, SwitchVerdict switchOff,
            boolean showSwitch) {
        UsageFacts facts = UsageFacts.of(findings, model, components, shape, deps, switchOff);
        int indirect = (int) findings.stream().filter(Finding::isIndirect).count();
        return new ComponentAssessment(name, kind, path, findings.size(), scorer.score(facts), effort.estimate(facts),
                advisor.recommend(facts), indirect, showSwitch ? switchOff : null);
    }

    /** Entry points that start a process, once per name, declared outside tests. */
    private static List<EntryPoint> processEntryPoints(List<EntryPoint> entryPoints) {
        Map<String, EntryPoint> byName = new TreeMap<>();
        for (EntryPoint e : entryPoints) {
            if (EntryPoint.PROCESS_GROUPS.contains(e.group()) && !TestPaths.isTest(e.declaredIn())) {
                byName.putIfAbsent(e.name(), e);
            }
        }
        return List.copyOf(byName.values());
    }

    /** Without a scan: declared dependencies the knowledge base lists, unverified, once each. */
    private List<DependencyAssessment> fromKnowledgeBase(List<Finding> findings, RuleSet rules) {
        Set<String> ignore = Set.copyOf(model.score().dependencies().ignore());
        Map<String, DependencyAssessment> out = new TreeMap<>();
        for (Finding f : findings) {
            String name = DependencyMatch.normalise(f.symbol());
            String note = f.category().equals("dependency") && !f.context().test() && !ignore.contains(name)
                    ? rules.knownDependencyNote(name) : null;
            if (note != null) {
                out.putIfAbsent(name, new DependencyAssessment(f.symbol(), "", true, List.of(f.symbol()), false, true,
                        "knowledge base (unverified)", 0, List.of(), note));
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * The dependencies that count for criterion 2: those using eventlet (eventlet and greenlet themselves aside)
     * that the project runs in eventlet mode, by a setting naming eventlet for them or, for a service launcher, by
     * importing it with no backend chosen in code.
     */
    private List<UsageFacts.DependencyFact> facts(List<DependencyAssessment> dependencies, List<Finding> findings,
            Set<String> pythonFiles, ProjectShape shape, Switching switching) {
        Set<String> ignore = Set.copyOf(model.score().dependencies().ignore());
        Map<String, ScoringModel.EventletMode> modes = new TreeMap<>();
        model.score().dependencies().eventletMode().forEach((k, v) -> modes.put(DependencyMatch.normalise(k), v));
        Set<String> imported = null;
        List<UsageFacts.DependencyFact> out = new ArrayList<>();
        for (DependencyAssessment d : dependencies) {
            String name = DependencyMatch.normalise(d.name());
            ScoringModel.EventletMode mode = modes.get(name);
            if (!d.usesEventlet() || ignore.contains(name) || mode == null) {
                continue;
            }
            String evidence = null;
            if (mode.kind().equals("setting")) {
                Pattern setting = Pattern.compile(mode.match());
                evidence = findings.stream()
                        .filter(f -> f.category().equals("config") && !f.context().test()
                                && setting.matcher(f.symbol() + " " + f.code()).find())
                        .findFirst().map(f -> f.code() + " at " + f.path() + ":" + f.line()).orElse(null);
            } else if (switching.backendOptions().isEmpty()) {
                if (imported == null) {
                    imported = shape.externalImports(pythonFiles.stream().filter(f -> !TestPaths.isTest(f))
                            .collect(Collectors.toSet()));
                }
                evidence = imported != null && imported.contains(mode.match())
                        ? "imports " + mode.match() + " and chooses no backend, so it runs on eventlet" : null;
            }
            if (evidence != null) {
                out.add(new UsageFacts.DependencyFact(name, d.verified(), evidence));
            }
        }
        return out;
    }

    private List<String> assumptions(boolean unverified, ProjectShape shape, boolean own) {
        var e = model.effort();
        List<String> out = new ArrayList<>();
        if (!own) {
            out.add("The project has no eventlet code of its own (only requirements, documentation or environment "
                    + "variables mention it): there is nothing to migrate. Keep it that way with the configuration in banEventlet.");
        }
        out.add("Effort: predicted changed lines (" + e.linesPerPoint() + " per usage point" + (e.exponent() == 1 ? ""
                : ", to the power " + e.exponent()) + ") at " + DifficultyScorer.fmt(e.linesPerDay())
                + " changed Python lines per person-day; the range is " + e.range().low() + "x to " + e.range().high()
                + "x that. Fitted on " + e.fit().calibrationSet() + "; " + fitError() + ".");
        out.add("Effort covers code changes and their tests, not reviews, releases or deprecation periods.");
        if (unverified) {
            out.add("Dependencies that use eventlet come from the knowledge base (rules/dependencies.yaml), unverified: "
                    + "give --site-packages to confirm them by scanning the installed code.");
        }
        out.add(shape.basis());
        out.add("Indirect findings (uses of the project's own facades and wrappers) count at "
                + Math.round(100 * model.score().size().indirectWeight()) + "% of their rule's weight: the change moves "
                + "behind the interface, and the callers still need review and their tests run again.");
        out.add("A dependency counts only when the project runs it in eventlet mode (a setting such as executor='eventlet', "
                + "or a service launcher with no backend chosen); a package or entry point counts it only when its modules "
                + "import it by the distribution's name (oslo.messaging as oslo_messaging).");
        return out;
    }
}
