package dev.eventletscan.api;

import dev.eventletscan.deps.DependencyClosure;
import dev.eventletscan.deps.DependencyReport;
import dev.eventletscan.deps.DependencyUsage;
import dev.eventletscan.deps.DependencyUsageScanner;
import dev.eventletscan.deps.EvidenceFile;
import dev.eventletscan.deps.MetadataProblem;
import dev.eventletscan.deps.SitePackages;
import dev.eventletscan.detect.manifest.DeclaredDependency;
import dev.eventletscan.detect.manifest.Manifest;
import dev.eventletscan.model.DependencyAssessment;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.rules.RuleSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The project's declared dependencies, followed through the installed
 * distributions' own requirements and scanned with the same rules (less
 * docs), so criterion 2 rests on code rather than on the knowledge base.
 */
public final class InstalledDependencies {
    private InstalledDependencies() {}

    static List<DependencyAssessment> assess(ScanRequest request, Collection<Manifest> manifests, RuleSet rules,
            List<ProcessingIssue> problems) {
        SitePackages.Listing listing = SitePackages.readAll(request.sitePackages());
        List<String> direct = manifests.stream().flatMap(m -> m.dependencies().stream())
                .map(DeclaredDependency::requirement).distinct().sorted().toList();
        DependencyClosure closure = DependencyClosure.compute(direct, listing.distributions());
        DependencyReport report = usageScanner(rules, request.threads()).scan(closure);
        // The usage report passes on each distribution's metadata problems, which the listing holds already.
        var unique = new LinkedHashSet<MetadataProblem>(listing.problems());
        unique.addAll(report.problems());
        for (MetadataProblem p : unique) {
            problems.add(ProcessingIssue.warning(p.path().toString(), p.problem()));
        }
        return report.dependencies().stream().map(InstalledDependencies::toModel).toList();
    }

    /**
     * A scanner of installed dependencies that runs this engine with the rules less the {@code docs} category: a
     * dependency's README mentioning eventlet says nothing of its code.
     *
     * @param threads parser threads per scan; 0 means one per core
     */
    public static DependencyUsageScanner usageScanner(RuleSet rules, int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (all cores) or more, was " + threads);
        }
        RuleSet code = rules.without(List.of("docs"));
        Scanner scanner = new Scanner(code);
        return new DependencyUsageScanner(code, root -> scanner.scan(
                new ScanRequest(root, List.of(), List.of(), threads, List.of(), List.of(), List.of())));
    }

    private static DependencyAssessment toModel(DependencyUsage u) {
        return new DependencyAssessment(u.name(), u.version(), u.direct(), u.via(), u.installed(), u.usesEventlet(),
                u.evidence(), u.findings(), u.evidenceFiles().stream().map(EvidenceFile::path).toList(), u.summary());
    }
}
