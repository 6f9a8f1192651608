package dev.eventletscan.report.html;

import dev.eventletscan.model.ComponentAssessment;
import dev.eventletscan.model.Excerpt;
import dev.eventletscan.model.FileSummary;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.RuleInfo;
import dev.eventletscan.model.ScanResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The few things the HTML page shows that the result does not hold as such:
 * bar lengths for the charts, the package of each finding for filtering, and
 * the code lines of each file with the findings on them. Grouping and
 * arithmetic live here, so the template only lays out.
 */
public record HtmlView(List<Bar> categories, List<Bar> packages, List<Row> rows, List<FileSection> files,
        List<String> categoryNames, List<String> packageNames) {

    /** One bar of a chart: {@code width} is a percentage of the longest bar. */
    public record Bar(String label, int count, int width) {}

    /** A finding as a row of the findings table. */
    public record Row(Finding finding, String component, String anchor) {}

    /** A file's code excerpts, with the rules seen in it (hints shown once per file). */
    public record FileSection(String path, String anchor, List<Block> blocks, List<RuleInfo> rules) {}

    /** Consecutive source lines. */
    public record Block(List<Line> lines) {}

    /** One source line; {@code findings} are those reported on it (empty for context lines). */
    public record Line(int number, String text, List<Finding> findings) {}

    static final int CHART_BARS = 15;

    public static HtmlView of(ScanResult result) {
        Map<String, Integer> byComponent = new TreeMap<>();
        List<ComponentAssessment> packages = result.assessment() == null ? List.of() : result.assessment().packages();
        Map<String, String> anchors = new LinkedHashMap<>();
        for (FileSummary f : result.files()) {
            if (f.findings() > 0) {
                anchors.put(f.path(), "file-" + anchors.size());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Finding f : result.findings()) {
            String component = componentOf(f.path(), packages);
            byComponent.merge(component, 1, Integer::sum);
            rows.add(new Row(f, component, anchors.getOrDefault(f.path(), "")));
        }
        List<Bar> categoryBars = bars(result.summary().findingsByCategory());
        List<Bar> packageBars = bars(byComponent).stream().limit(CHART_BARS).toList();
        return new HtmlView(categoryBars, packageBars, rows, sections(result, anchors),
                List.copyOf(result.summary().findingsByCategory().keySet()), List.copyOf(new TreeSet<>(byComponent.keySet())));
    }

    /** The assessed component holding a path: its package folder or module, the longest that matches. */
    static String componentOf(String path, List<ComponentAssessment> packages) {
        String best = "(project files)";
        int longest = -1;
        for (ComponentAssessment c : packages) {
            String p = c.path();
            boolean holds = p.equals(path) || (!p.endsWith(".py") && (p.isEmpty() || path.startsWith(p + "/")));
            if (holds && p.length() > longest && !c.kind().equals("project-files")) {
                best = c.name();
                longest = p.length();
            }
        }
        return best;
    }

    private static List<Bar> bars(Map<String, Integer> counts) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Bar(e.getKey(), e.getValue(), Math.max(1, Math.round(100f * e.getValue() / max))))
                .toList();
    }

    private static List<FileSection> sections(ScanResult result, Map<String, String> anchors) {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        result.findings().forEach(f -> byFile.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f));
        Map<String, RuleInfo> rules = new TreeMap<>();
        result.rules().forEach(r -> rules.put(r.id(), r));
        List<FileSection> out = new ArrayList<>();
        for (FileSummary file : result.files()) {
            List<Finding> findings = byFile.getOrDefault(file.path(), List.of());
            if (findings.isEmpty()) {
                continue;
            }
            List<Block> blocks = new ArrayList<>();
            for (Excerpt e : file.excerpts()) {
                List<Line> lines = new ArrayList<>();
                for (int i = 0; i < e.lines().size(); i++) {
                    int number = e.startLine() + i;
                    lines.add(new Line(number, e.lines().get(i), findings.stream().filter(f -> f.line() == number).toList()));
                }
                blocks.add(new Block(lines));
            }
            List<RuleInfo> used = findings.stream().map(Finding::ruleId).distinct().sorted()
                    .map(rules::get).filter(java.util.Objects::nonNull).sorted(Comparator.comparing(RuleInfo::id)).toList();
            out.add(new FileSection(file.path(), anchors.get(file.path()), blocks, used));
        }
        return out;
    }
}
