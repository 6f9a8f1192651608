package dev.eventletscan.portfolio;

import dev.eventletscan.model.ComponentAssessment;
import dev.eventletscan.model.DependencyAssessment;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.SwitchVerdict;
import dev.eventletscan.rules.DependencyMatch;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One scan's result reduced to its portfolio row. */
final class EntryBuilder {
    /** Documentation mentions are no usage, as in trend's measure. */
    private static final String DOCS = "docs";
    /**
     * A dependency tied to eventlet is the dependency's state, not the repository's own code: the readiness
     * table carries it, so it does not keep a repository from being eventlet-free.
     */
    private static final String KNOWN_DEPENDENCY_RULE = "EVT801";

    private EntryBuilder() {}

    static RepositoryEntry build(RepositorySource source, ScanResult result, DeclaredNames.Declared declared) {
        ComponentAssessment repo = result.assessment().repository();
        int usage = (int) result.findings().stream().filter(EntryBuilder::ownUsage).count();
        SwitchVerdict verdict = repo.switchOff();
        String status = status(usage, verdict);
        List<RepositoryEntry.Dependency> deps = result.assessment().dependencies().stream()
                .filter(DependencyAssessment::usesEventlet)
                .map(d -> new RepositoryEntry.Dependency(d.name(), d.direct(),
                        d.evidence().equals("scanned") ? "scanned" : "knowledge base", d.installed() ? d.version() : null,
                        d.usesEventlet(), d.findings()))
                .sorted(java.util.Comparator.comparing(RepositoryEntry.Dependency::name))
                .toList();
        Set<String> requires = new TreeSet<>(declared.requires());
        result.assessment().dependencies().stream().filter(DependencyAssessment::direct)
                .forEach(d -> requires.add(DependencyMatch.normalise(d.name())));
        requires.remove(declared.provides());
        List<String> notes = result.problems().stream().filter(p -> p.level().equals("error"))
                .map(p -> "not scanned: " + p.path() + ": " + p.message()).limit(5).toList();
        var d = repo.difficulty();
        return new RepositoryEntry(source.name(), source.shownPath(), Teams.NONE, source.kind(), null, status,
                result.metadata().gitCommit(), declared.provides(), d.score(), d.level(), d.size().score(),
                d.dependencies().score(), d.patching().score(), repo.effort().lowDays(), repo.effort().highDays(),
                result.summary().findings(), usage, result.summary().monkeyPatchCalls(),
                verdict == null ? null : verdict.answer(), verdict == null ? null : verdict.reason(), deps,
                List.copyOf(requires), null, null, notes);
    }

    static boolean ownUsage(Finding f) {
        return !f.category().equals(DOCS) && !f.ruleId().equals(KNOWN_DEPENDENCY_RULE);
    }

    /**
     * Eventlet-free when none of its own code or configuration uses eventlet; else the switch-off verdict says how
     * far it got: {@code yes} (every patch behind a switch, a non-eventlet path exists) is switchable, {@code maybe}
     * (switchable patching, explicit primitives left) is in progress, {@code no} is not started.
     */
    static String status(int usage, SwitchVerdict verdict) {
        if (usage == 0) {
            return RepositoryEntry.FREE;
        }
        String answer = verdict == null ? SwitchVerdict.NO : verdict.answer();
        return switch (answer) {
            case SwitchVerdict.YES -> RepositoryEntry.SWITCHABLE;
            case SwitchVerdict.MAYBE -> RepositoryEntry.IN_PROGRESS;
            default -> RepositoryEntry.NOT_STARTED;
        };
    }
}
