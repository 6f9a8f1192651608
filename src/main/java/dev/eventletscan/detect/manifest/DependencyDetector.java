package dev.eventletscan.detect.manifest;

import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.detect.Findings;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.FindingContext;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.rules.Rule;
import dev.eventletscan.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Declared dependencies on eventlet and on the packages the knowledge base
 * lists. {@code {note}} in a rule's message is what the knowledge base says.
 */
public final class DependencyDetector {
    private final RuleSet rules;

    public DependencyDetector(RuleSet rules) {
        this.rules = rules;
    }

    public List<Finding> detect(FileFacts facts, SourceText source, Manifest manifest) {
        List<Finding> findings = new ArrayList<>();
        FindingContext context = new FindingContext(facts.testPath(), false, List.of(), false);
        for (DeclaredDependency d : manifest.dependencies()) {
            Optional<Rule> rule = rules.dependencyRuleFor(d.name());
            if (rule.isEmpty()) {
                continue;
            }
            String note = rules.knownDependencyNote(d.name());
            String message = rule.get().messageFor(d.name()).replace("{note}", note == null ? "" : note)
                    + " (" + d.declaredAs() + ")";
            var site = new Findings.Site(d.startByte(), d.endByte(), d.name(), "dependency", message);
            findings.add(Findings.of(rule.get(), facts.path(), source, site, "", false, context, null));
        }
        return findings;
    }
}
