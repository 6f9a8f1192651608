package dev.eventletscan.model;

import java.util.List;

/**
 * What a project lead runs the tool for: how hard, how long, which target and in what order.
 *
 * @param repository the whole scan as one component
 * @param packages each package and top-level module with findings, hardest first
 * @param entryPoints each declared entry point that starts a process (console, GUI and WSGI scripts), with the
 *     findings of the code it loads through imports, hardest first
 * @param files each file with findings, hardest first
 * @param dependencies external dependencies that use eventlet: scanned when site-packages were given, else the knowledge base's
 * @param startHere the first concrete changes, with their files
 * @param assumptions what the estimates take for granted, to be read with them
 * @param model the productivity figure and the fit's error the effort rests on
 * @param banEventlet for a project with no eventlet code of its own, the configuration that keeps it out; else empty
 * @param checklists per component with threading hazards or tests tied to eventlet's scheduling, what to settle
 *     before switching eventlet off there; hazards are listed here and do not move the score
 */
public record Assessment(ComponentAssessment repository, List<ComponentAssessment> packages,
        List<ComponentAssessment> entryPoints, List<ComponentAssessment> files, List<DependencyAssessment> dependencies, List<PlanPhase> plan,
        List<StartHere> startHere, List<String> assumptions, ModelFit model, List<ConfigSnippet> banEventlet,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<SwitchOffChecklist> checklists) {
    public Assessment {
        dependencies = List.copyOf(dependencies);
        packages = List.copyOf(packages);
        entryPoints = List.copyOf(entryPoints);
        files = List.copyOf(files);
        plan = List.copyOf(plan);
        startHere = List.copyOf(startHere);
        assumptions = List.copyOf(assumptions);
        banEventlet = List.copyOf(banEventlet);
        checklists = checklists == null ? List.of() : List.copyOf(checklists);
    }
}
