package dev.eventletscan.deps;

import dev.eventletscan.rules.DependencyMatch;
import java.util.List;
import java.util.Optional;

/**
 * What {@link DependencyUsageScanner} found for a project's dependencies.
 *
 * @param dependencies one entry per dependency reached, sorted by normalised name
 * @param problems metadata problems of the scanned distributions and processing problems of their
 *     code, with absolute paths
 */
public record DependencyReport(List<DependencyUsage> dependencies, List<MetadataProblem> problems) {
    public DependencyReport {
        dependencies = List.copyOf(dependencies);
        problems = List.copyOf(problems);
    }

    /** The dependencies that use eventlet, confirmed by a scan or claimed by the knowledge base. */
    public List<DependencyUsage> usingEventlet() {
        return dependencies.stream().filter(DependencyUsage::usesEventlet).toList();
    }

    public Optional<DependencyUsage> find(String name) {
        String n = DependencyMatch.normalise(name);
        return dependencies.stream().filter(d -> d.normalisedName().equals(n)).findFirst();
    }
}
