package dev.eventletscan.detect;

import dev.eventletscan.model.Finding;
import dev.eventletscan.parse.PythonParser;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.rules.RuleLoader;
import dev.eventletscan.rules.RuleSet;
import java.util.List;

/** Runs the real parser and detector over a snippet, as the pipeline does for one file. */
final class Detections {
    static final RuleSet RULES = RuleLoader.load(List.of());

    private Detections() {}

    static List<Finding> of(String code) {
        return of(code, RULES);
    }

    static List<Finding> of(String code, RuleSet rules) {
        try (PythonParser parser = new PythonParser()) {
            return new FileDetector(rules).detect("snippet.py", parser.parse(SourceText.of(code)));
        }
    }

    /** "line:col RULE symbol usage" per finding: compact and exact. */
    static List<String> brief(String code) {
        return of(code).stream()
                .map(f -> f.line() + ":" + f.column() + " " + f.ruleId() + " " + f.symbol() + " " + f.usage())
                .toList();
    }
}
