package dev.eventletscan.detect.text;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.detect.Findings;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.FindingContext;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.rules.RequiredLiterals;
import dev.eventletscan.rules.Rule;
import dev.eventletscan.rules.RuleSet;
import dev.eventletscan.rules.TextMatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies the text rules (configuration values, environment variables,
 * documentation mentions) to the lines of a non-Python file. Stateless.
 */
public final class TextDetector {
    private final List<Rule> rules;
    /** Per rule, text one of which every match holds (lower case); null when a rule has none to offer. */
    private final Map<Rule, Set<String>> literals = new HashMap<>();

    public TextDetector(RuleSet rules) {
        this.rules = rules.textRules();
        for (Rule r : this.rules) {
            literals.put(r, RequiredLiterals.of(((TextMatch) r.match()).text()));
        }
    }

    /**
     * Whether some rule that reads this file name can match its content: a rule whose expression requires some
     * text ({@link RequiredLiterals}) is only tried on a file holding it, in any case; a rule requiring none
     * makes the file worth reading. Costs one lower-casing and a few searches, no line splitting.
     */
    public boolean mayMatch(String fileName, byte[] content) {
        String lower = null;
        for (Rule rule : rules) {
            if (!((TextMatch) rule.match()).appliesTo(fileName)) {
                continue;
            }
            Set<String> required = literals.get(rule);
            if (required == null) {
                return true;
            }
            if (lower == null) {
                // As Latin-1 every byte is one char: the ASCII literals are found in UTF-8 text byte for byte.
                lower = new String(content, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            }
            for (String literal : required) {
                if (lower.contains(literal)) {
                    return true;
                }
            }
        }
        return false;
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
