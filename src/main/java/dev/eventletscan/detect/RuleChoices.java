package dev.eventletscan.detect;

import dev.eventletscan.detect.python.PythonDetector;
import dev.eventletscan.detect.text.TextDetector;
import dev.eventletscan.model.Finding;
import dev.eventletscan.parse.PythonParser;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.parse.SyntaxQuery;
import dev.eventletscan.parse.SyntaxTree;
import dev.eventletscan.rules.QueryMatch;
import dev.eventletscan.rules.RuleSet;
import dev.eventletscan.rules.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which rules match what on one line of a file, and which one reports it: the most specific name pattern
 * wins among symbol rules (ties to the lowest id); query and text rules each report what they match.
 */
public final class RuleChoices {
    /**
     * One thing on the line some rule matches.
     *
     * @param what the symbol and how it is used ({@code eventlet.hubs.use_hub call}), or the rule kind's text
     * @param candidates the matching rules, the reporting one first
     */
    public record Choice(int line, int column, String what, List<RuleSet.Candidate> candidates) {}

    private RuleChoices() {}

    /**
     * @param path the file's name decides how it is read: Python for {@code .py}, the text rules otherwise
     * @param line 1-based; 0 for every line
     */
    public static List<Choice> at(RuleSet rules, String path, String content, int line) {
        SourceText source = SourceText.of(content);
        List<Choice> out = new ArrayList<>();
        FileFacts facts = FileFacts.of(path);
        if (path.endsWith(".py") || path.endsWith(".pyi")) {
            python(rules, facts, source, line, out);
        } else {
            for (Finding f : new TextDetector(rules).detect(facts, source)) {
                if (line == 0 || f.line() == line) {
                    out.add(new Choice(f.line(), f.column(), f.symbol() + " (text)", reporting(rules, f)));
                }
            }
        }
        out.sort(Comparator.comparingInt(Choice::line).thenComparingInt(Choice::column));
        return out;
    }

    private static void python(RuleSet rules, FileFacts facts, SourceText source, int line, List<Choice> out) {
        List<SyntaxQuery> queries = rules.queryRules().stream()
                .map(r -> new SyntaxQuery(r.id(), ((QueryMatch) r.match()).query())).toList();
        try (PythonParser parser = new PythonParser()) {
            SyntaxTree tree = parser.parse(source, queries);
            PythonDetector detector = new PythonDetector(rules);
            for (Usage u : detector.usages(tree)) {
                int at = source.lineOf(tree.startByte(u.node()));
                List<RuleSet.Candidate> candidates = rules.candidatesFor(u);
                if ((line == 0 || at == line) && !candidates.isEmpty()) {
                    String args = u.arguments().isEmpty() ? "" : " " + u.arguments();
                    out.add(new Choice(at, source.columnOf(tree.startByte(u.node())),
                            u.symbol() + " " + u.kind().id() + args, candidates));
                }
            }
            for (Finding f : detector.detect(facts, tree)) {
                if ((line == 0 || f.line() == line) && f.usage().equals("pattern")) {
                    out.add(new Choice(f.line(), f.column(), f.symbol() + " (query)", reporting(rules, f)));
                }
            }
        } finally {
            queries.forEach(SyntaxQuery::close);
        }
    }

    private static List<RuleSet.Candidate> reporting(RuleSet rules, Finding f) {
        return rules.byId(f.ruleId()).map(r -> List.of(new RuleSet.Candidate(r, 0))).orElse(List.of());
    }
}
