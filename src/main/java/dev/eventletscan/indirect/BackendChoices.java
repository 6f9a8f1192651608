package dev.eventletscan.indirect;

import dev.eventletscan.graph.ImportStatement;
import dev.eventletscan.model.SwitchEvidence;
import dev.eventletscan.parse.PythonParser;
import dev.eventletscan.parse.QueryHit;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.parse.SyntaxQuery;
import dev.eventletscan.rules.QueryMatch;
import dev.eventletscan.rules.Rule;
import dev.eventletscan.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * oslo.service's backend chosen in code ({@code init_backend(BackendType.THREADING)}): dual-mode evidence. What a
 * choice looks like is the rule {@value #RULE} in rules/; it is asked here of every file that imports oslo_service,
 * which the detection pass parses only when it names eventlet (a service that chooses threading seldom does).
 */
final class BackendChoices {
    static final String RULE = "EVT556";

    private BackendChoices() {}

    static List<SwitchEvidence> find(Map<String, List<ImportStatement>> imports, FileTexts texts, RuleSet rules) {
        Optional<Rule> rule = rules.byId(RULE).filter(r -> r.match() instanceof QueryMatch);
        List<SwitchEvidence> out = new ArrayList<>();
        if (rule.isEmpty()) {
            return out; // disabled, or replaced by a rule file of the user's that matches otherwise
        }
        List<String> paths = new TreeMap<>(imports).entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(s -> s.module().startsWith("oslo_service")))
                .map(Map.Entry::getKey).toList();
        if (paths.isEmpty()) {
            return out;
        }
        try (SyntaxQuery query = new SyntaxQuery(RULE, ((QueryMatch) rule.get().match()).query());
                PythonParser parser = new PythonParser()) {
            for (String path : paths) {
                SourceText source = texts.source(path);
                texts.forget(path);
                // the query's own literals (init_backend) first: most importers of oslo_service only start services
                if (source == null || query.keysThatMayMatch(new String(source.utf8(), StandardCharsets.ISO_8859_1)).isEmpty()) {
                    continue;
                }
                for (QueryHit hit : parser.parse(source, List.of(query)).queryHits()) {
                    int line = source.lineOf(hit.startByte());
                    out.add(new SwitchEvidence("backend-option", "option", path, line, source.line(line).strip()));
                }
            }
        }
        return out;
    }
}
