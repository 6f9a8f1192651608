package dev.eventletscan.score;

import dev.eventletscan.model.Assessment;
import dev.eventletscan.model.ComponentAssessment;
import dev.eventletscan.model.Finding;
import dev.eventletscan.rules.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

    /**
     * @param pythonFiles every Python file walked, relative paths: they say which folders are packages
     * @param verifiedDependencies distributions a scan of installed code confirmed to use eventlet (empty without one)
     */
    public Assessment assess(List<Finding> findings, Set<String> pythonFiles, ProjectShape shape, RuleSet rules,
            Set<String> verifiedDependencies) {
        Components components = new Components(pythonFiles);
        List<UsageFacts.DependencyFact> deps = dependencies(findings, rules, verifiedDependencies);
        ComponentAssessment repository = component("(repository)", "repository", "", findings, components, shape, deps);
        Map<String, List<Finding>> byComponent = new TreeMap<>();
        Map<String, List<Finding>> byFile = new TreeMap<>();
        for (Finding f : findings) {
            byComponent.computeIfAbsent(components.componentOf(f.path()), k -> new ArrayList<>()).add(f);
            byFile.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
        }
        List<ComponentAssessment> packages = new ArrayList<>();
        byComponent.forEach((path, list) -> packages.add(component(Components.displayName(path),
                components.isPackage(path) ? "package" : path.equals(Components.PROJECT_FILES) ? "project-files" : "module",
                path, list, components, shape, deps)));
        List<ComponentAssessment> files = new ArrayList<>();
        byFile.forEach((path, list) -> files.add(component(path, "file", path, list, components, shape, deps)));
        Comparator<ComponentAssessment> hardestFirst = Comparator
                .comparingDouble((ComponentAssessment c) -> -c.difficulty().score()).thenComparing(ComponentAssessment::path);
        packages.sort(hardestFirst);
        files.sort(hardestFirst);
        var plan = new MigrationPlanner(components, shape).plan(findings);
        return new Assessment(repository, packages, files, plan, assumptions(verifiedDependencies.isEmpty(), shape));
    }

    private ComponentAssessment component(String name, String kind, String path, List<Finding> findings,
            Components components, ProjectShape shape, List<UsageFacts.DependencyFact> deps) {
        UsageFacts facts = UsageFacts.of(findings, model, components, shape, deps);
        return new ComponentAssessment(name, kind, path, findings.size(), scorer.score(facts), effort.estimate(facts),
                advisor.recommend(facts));
    }

    /** Declared dependencies the knowledge base (or a scan) says use eventlet, once each, eventlet itself aside. */
    private List<UsageFacts.DependencyFact> dependencies(List<Finding> findings, RuleSet rules, Set<String> verified) {
        Set<String> ignore = Set.copyOf(model.score().dependencies().ignore());
        Map<String, UsageFacts.DependencyFact> out = new TreeMap<>();
        for (Finding f : findings) {
            if (f.category().equals("dependency") && !f.context().test()) {
                String name = dev.eventletscan.rules.DependencyMatch.normalise(f.symbol());
                if (!ignore.contains(name) && (rules.knownDependencyNote(name) != null || verified.contains(name))) {
                    out.putIfAbsent(name, new UsageFacts.DependencyFact(name, verified.contains(name)));
                }
            }
        }
        return List.copyOf(out.values());
    }

    private List<String> assumptions(boolean unverified, ProjectShape shape) {
        var e = model.effort();
        List<String> out = new ArrayList<>();
        out.add("Effort: " + e.hoursPerPoint() + " hours per usage point (a rule's weight), " + e.hoursPerDay()
                + " productive hours a day; the range is " + e.range().low() + "x to " + e.range().high() + "x the base.");
        out.add("Effort covers code changes and their tests, not reviews, releases or deprecation periods.");
        if (unverified) {
            out.add("Dependencies that use eventlet come from the knowledge base (rules/dependencies.yaml), unverified: "
                    + "give --site-packages to confirm them by scanning the installed code.");
        }
        out.add(shape.basis());
        return out;
    }
}
