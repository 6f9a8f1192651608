package dev.eventletscan.score;

import dev.eventletscan.calls.CallLevels;
import java.util.Set;

/**
 * What the project's structure says about a set of eventlet-using files: how
 * far they reach through internal imports, and how much of them tests cover.
 * The import graph provides it; {@link #flat} is the answer without one.
 */
public interface ProjectShape {
    /** Share (0-1) of the project's modules that import, directly or transitively, one of these files. */
    double reachShare(Set<String> eventletFiles);

    /** The longest chain of internal imports above these files (0: nothing imports them). */
    int depth(Set<String> eventletFiles);

    /** Share (0-1) of these files that no test module imports. */
    double untestedShare(Set<String> eventletFiles);

    /** How far callers climb above the functions holding green calls. */
    CallLevels.Summary callLevels(Set<CallLevels.Site> greenCallers);

    /** The files a process starting in this module loads through imports; empty when the module is not in the project. */
    Set<String> filesLoadedBy(String module);

    /**
     * Top-level names these files import from outside the project ({@code oslo_messaging}), or null when
     * unknown: then every declared dependency counts for them.
     */
    Set<String> externalImports(Set<String> files);

    /** How many other components import this component. */
    int importers(String componentPath);

    /** One sentence on where these figures come from, for the report's assumptions. */
    String basis();

    /** Without an import graph: eventlet reaches only the files that use it, untested share unknown (0.5). */
    static ProjectShape flat(int pythonFiles) {
        return new ProjectShape() {
            @Override
            public double reachShare(Set<String> files) {
                return pythonFiles == 0 ? 0 : Math.min(1, (double) files.size() / pythonFiles);
            }

            @Override
            public int depth(Set<String> files) {
                return 0;
            }

            @Override
            public double untestedShare(Set<String> files) {
                return 0.5;
            }

            @Override
            public CallLevels.Summary callLevels(Set<CallLevels.Site> greenCallers) {
                return CallLevels.Summary.NONE;
            }

            @Override
            public Set<String> filesLoadedBy(String module) {
                return Set.of();
            }

            @Override
            public Set<String> externalImports(Set<String> files) {
                return null;
            }

            @Override
            public int importers(String componentPath) {
                return 0;
            }

            @Override
            public String basis() {
                return "No import graph: reach is the share of Python files that use eventlet, import depth and call levels are 0, "
                        + "and half of the touched files are assumed untested.";
            }
        };
    }
}
