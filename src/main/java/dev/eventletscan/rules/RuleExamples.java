package dev.eventletscan.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The examples every shipped rule carries, semgrep style: files under {@code rules/examples/<rule file>/}
 * (Python, requirements, configuration, documentation: whatever the rule reads) whose lines are annotated
 * by a comment on the line before (blank lines between are skipped), {@code # match: EVT550} (the rule must fire on the next line) or
 * {@code # ok: EVT551} (it must not). A positive line lists every rule that fires on it, so an example
 * that also fires a rule it does not declare is caught. Markdown takes {@code <!-- match: EVT950 -->},
 * reStructuredText {@code .. ok: EVT950}.
 */
public final class RuleExamples {
    /** The folder, inside rules/, that holds the examples. */
    public static final String FOLDER = "examples";
    private static final Pattern ANNOTATION = Pattern.compile(
            "^\\s*(?:#|<!--|\\.\\.)\\s*(match|ok):\\s*([A-Z]+[0-9]+(?:\\s*,\\s*[A-Z]+[0-9]+)*)\\s*(?:-->)?\\s*$");

    /**
     * One annotated line.
     *
     * @param file the example file, from the examples folder ({@code hubs-and-tpool/hubs.py})
     * @param line its 1-based line number
     * @param match the rules that must fire on it, and no others
     * @param ok the rules that must not fire on it
     */
    public record Line(String file, int line, String text, Set<String> match, Set<String> ok) {
        public Line {
            match = Set.copyOf(match);
            ok = Set.copyOf(ok);
        }
    }

    private final Map<String, String> files;
    private final List<Line> lines;

    private RuleExamples(Map<String, String> files, List<Line> lines) {
        this.files = Map.copyOf(files);
        this.lines = List.copyOf(lines);
    }

    /** The examples shipped with the rules. */
    public static RuleExamples shipped() {
        String root = "rules/" + FOLDER + "/";
        Map<String, String> found = ShippedFolder.read("rules/" + FOLDER, 2, name -> true);
        Map<String, String> byFile = new TreeMap<>();
        found.forEach((name, text) -> byFile.put(name.substring(root.length()), text));
        return of(byFile);
    }

    /** Examples from files (path in the examples folder to content). */
    public static RuleExamples of(Map<String, String> files) {
        List<Line> lines = new ArrayList<>();
        for (var file : files.entrySet()) {
            Set<String> match = new LinkedHashSet<>();
            Set<String> ok = new LinkedHashSet<>();
            List<String> text = file.getValue().lines().toList();
            for (int i = 0; i < text.size(); i++) {
                Matcher m = ANNOTATION.matcher(text.get(i));
                if (m.matches()) {
                    (m.group(1).equals("match") ? match : ok).addAll(List.of(m.group(2).split("\\s*,\\s*")));
                } else if ((!match.isEmpty() || !ok.isEmpty()) && !text.get(i).isBlank()) {
                    lines.add(new Line(file.getKey(), i + 1, text.get(i), match, ok));
                    match.clear();
                    ok.clear();
                }
            }
            if (!match.isEmpty() || !ok.isEmpty()) { // an annotation with nothing after it: kept, so a test can refuse it
                lines.add(new Line(file.getKey(), text.size() + 1, "", match, ok));
            }
        }
        return new RuleExamples(files, lines);
    }

    /** Example files by path in the examples folder. */
    public Map<String, String> files() {
        return files;
    }

    public List<Line> lines() {
        return lines;
    }

    /** The lines a rule must fire on. */
    public List<Line> positives(String ruleId) {
        return lines.stream().filter(l -> l.match().contains(ruleId)).toList();
    }

    /** The lines a rule must not fire on. */
    public List<Line> negatives(String ruleId) {
        return lines.stream().filter(l -> l.ok().contains(ruleId)).toList();
    }
}
