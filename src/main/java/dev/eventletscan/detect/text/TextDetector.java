package dev.eventletscan.detect.text;

import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.detect.Findings;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.FindingContext;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.rules.Rule;
import dev.eventletscan.rules.RuleSet;
import dev.eventletscan.rules.TextMatch;
import java.util.ArrayList;
import java.util.List;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Applies the text rules (configuration values, environment variables,
 * documentation mentions) to the lines of a non-Python file. Stateless.
 */
public final class TextDetector {
    private final List<Rule> rules;

    public TextDetector(RuleSet rules) {
        this.rules = rules.textRules();
    }

    public List<Finding> detect(FileFacts facts, SourceText source) {
        List<Rule> applicable = rules.stream().filter(r -> ((TextMatch) r.match()).appliesTo(facts.fileName())).toList();
        List<Finding> findings = new ArrayList<>();
        if (applicable.isEmpty()) {
            return findings;
        }
        FindingContext context = new FindingContext(facts.testPath(), false, List.of(), false);
        for (int line = 1; line <= source.lineCount(); line++) {
            String text = source.line(line);
            for (Rule rule : applicable) {
                Pattern pattern = ((TextMatch) rule.match()).text();
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    if (m.end() == m.start()) {
                        break; // an empty match would repeat forever
                    }
                    String symbol = hasSymbolGroup(pattern) && m.group("symbol") != null ? m.group("symbol") : m.group();
                    var site = new Findings.Site(source.byteAt(line, text, m.start()), source.byteAt(line, text, m.end()),
                            symbol, "text", rule.messageFor(symbol));
                    findings.add(Findings.of(rule, facts.path(), source, site, "", false, context, null));
                }
            }
        }
        return findings;
    }

    private static boolean hasSymbolGroup(Pattern p) {
        return p.namedGroups().containsKey("symbol");
    }
}
