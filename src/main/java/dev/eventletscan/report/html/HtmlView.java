package dev.eventletscan.report.html;

import dev.eventletscan.model.ComponentAssessment;
import dev.eventletscan.model.Excerpt;
import dev.eventletscan.model.FileSummary;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.RuleInfo;
import dev.eventletscan.model.ScanResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The few things the HTML page shows that the result does not hold as such:
 * bar lengths for the charts, the package of each finding for filtering, and
 * the code lines of each file with the findings on them. Grouping and
 * arithmetic live here, so the template only lays out.
 */
public record HtmlView(List<Bar> categories, List<Bar> packages, List<Row> rows, List<FileSection> files,
        List<String> categoryNames, List<String> packageNames, int hiddenRows) {

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
    /**
     * The findings table and code excerpts hold at most this many findings: 60,000 made a 39 MB page that took
     * 15 to 44 s to render and longer to open. The charts and counts still cover all; JSON and SARIF list all.
     */
    public static final int MAX_ROWS = 2_000;

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
        Map<String, String> componentByPath = new HashMap<>();
        for (Finding f : result.findings()) {
            String component = componentByPath.computeIfAbsent(f.path(), path -> componentOf(path, packages));
            byComponent.merge(component, 1, Integer::sum);
            if (rows.size() < MAX_ROWS) {
                rows.add(new Row(f, component, anchors.getOrDefault(f.path(), "")));
            }
        }
        List<Bar> categoryBars = bars(result.summary().findingsByCategory());
        List<Bar> packageBars = bars(byComponent).stream().limit(CHART_BARS).toList();
        return new HtmlView(categoryBars, packageBars, rows, sections(result, anchors, rows),
                List.copyOf(result.summary().findingsByCategory().keySet()), List.copyOf(new TreeSet<>(byComponent.keySet())),
                result.findings().size() - rows.size());
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

    /** The code of the files the table's rows are in, with those rows' findings on their lines. */
    private static List<FileSection> sections(ScanResult result, Map<String, String> anchors, List<Row> rows) {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        rows.forEach(r -> byFile.computeIfAbsent(r.finding().path(), k -> new ArrayList<>()).add(r.finding()));
        Map<String, RuleInfo> rules = new TreeMap<>();
        result.rules().forEach(r -> rules.put(r.id(), r));
        List<FileSection> out = new ArrayList<>();
        for (FileSummary file : result.files()) {
            List<Finding> findings = byFile.getOrDefault(file.path(), List.of());
            if (findings.isEmpty()) {
                continue;
            }
            Map<Integer, List<Finding>> byLine = new HashMap<>();
            findings.forEach(f -> byLine.computeIfAbsent(f.line(), k -> new ArrayList<>()).add(f));
            List<Block> blocks = new ArrayList<>();
            for (Excerpt e : file.excerpts()) {
                List<Line> lines = new ArrayList<>();
                for (int i = 0; i < e.lines().size(); i++) {
                    int number = e.startLine() + i;
                    lines.add(new Line(number, e.lines().get(i), byLine.getOrDefault(number, List.of())));
                }
                blocks.add(new Block(lines));
            }
            List<RuleInfo> used = findings.stream().map(Finding::ruleId).distinct().sorted()
                    .map(rules::get).filter(Objects::nonNull).sorted(Comparator.comparing(RuleInfo::id)).toList();
            out.add(new FileSection(file.path(), anchors.get(file.path()), blocks, used));
        }
        return out;
    }
}
