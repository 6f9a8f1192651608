package dev.eventletscan.detect.python;

import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.model.Finding;
import dev.eventletscan.parse.PythonParser;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.parse.SyntaxQuery;
import dev.eventletscan.rules.QueryMatch;
import dev.eventletscan.rules.RuleLoader;
import dev.eventletscan.rules.RuleSet;
import java.util.List;

/** Runs the real parser, queries and detector over a snippet, as the pipeline does for one file. */
public final class Detections {
    public static final RuleSet RULES = RuleLoader.load(List.of());

    private Detections() {}

    public static List<Finding> of(String code) {
        return of(code, RULES);
    }

    public static List<Finding> of(String code, RuleSet rules) {
        return of(FileFacts.of("snippet.py"), code, rules);
    }

    public static List<Finding> of(FileFacts facts, String code, RuleSet rules) {
        List<SyntaxQuery> queries = rules.queryRules().stream()
                .map(r -> new SyntaxQuery(r.id(), ((QueryMatch) r.match()).query())).toList();
        try (PythonParser parser = new PythonParser()) {
            return new PythonDetector(rules).detect(facts, parser.parse(SourceText.of(code), queries));
        } finally {
            queries.forEach(SyntaxQuery::close);
        }
    }

    /** "line:col RULE symbol usage" per finding: compact and exact. */
    public static List<String> brief(String code) {
        return brief(code, RULES);
    }

    public static List<String> brief(String code, RuleSet rules) {
        return of(code, rules).stream()
                .map(f -> f.line() + ":" + f.column() + " " + f.ruleId() + " " + f.symbol() + " " + f.usage())
                .toList();
    }
}
