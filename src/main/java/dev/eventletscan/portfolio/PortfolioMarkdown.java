package dev.eventletscan.portfolio;

import static dev.eventletscan.report.MarkdownRenderer.md;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The portfolio as Markdown, for an issue, a wiki page or a CI summary. Every repository-given text is escaped. */
public final class PortfolioMarkdown implements PortfolioRenderer {
    /** Mermaid draws a few hundred edges at most legibly; past that the table above says it all. */
    private static final int MAX_GRAPH_EDGES = 300;

    @Override
    public void render(PortfolioReport p, Writer out) throws IOException {
        var all = p.totals().overall();
        out.write("# Eventlet migration portfolio" + (p.shard() == null ? "" : " (shard " + p.shard().index() + " of " + p.shard().count() + ")") + "\n\n");
        out.write(p.tool().name() + " " + p.tool().version() + ", rules " + p.tool().rulesVersion() + ": " + all.repositories()
                + " repositories, " + statuses(all) + ".\n\n");
        out.write("## Totals\n\n| Team | Repositories | Status | Score (median) | Effort (person-days) | Usage findings |\n|---|---:|---|---:|---:|---:|\n");
        for (var t : p.totals().teams()) {
            total(out, md(t.team()), t);
        }
        total(out, "**all**", all);
        out.write("\n## Repositories\n\n| Repository | Team | Status | Score | Size · deps · patching | Effort (days) | Findings | Switch-off |"
                + (p.options().previous() ? " Change |" : "") + (hasHistory(p) ? " Last year |" : "") + "\n|---|---|---|---:|---:|---:|---:|---|"
                + (p.options().previous() ? "---:|" : "") + (hasHistory(p) ? "---|" : "") + "\n");
        for (RepositoryEntry r : p.repositories()) {
            out.write("| " + md(r.name()) + (r.error() == null ? "" : "<br>error: " + md(r.error())) + " | " + md(r.team()) + " | "
                    + r.status() + " | " + (r.failed() ? "" : num(r.score()) + " " + r.level()) + " | "
                    + (r.failed() ? "" : num(r.sizeScore()) + " · " + num(r.dependencyScore()) + " · " + num(r.patchingScore())) + " | "
                    + (r.failed() ? "" : num(r.effortLowDays()) + "–" + num(r.effortHighDays())) + " | "
                    + (r.failed() ? "" : r.usageFindings() + " (" + r.findings() + " in all)") + " | "
                    + (r.switchOff() == null ? "" : r.switchOff()) + " |"
                    + (p.options().previous() ? " " + change(r) + " |" : "")
                    + (hasHistory(p) ? " " + history(r) + " |" : "") + "\n");
        }
        if (p.removedSincePrevious() != null && !p.removedSincePrevious().isEmpty()) {
            out.write("\nNo longer in the portfolio since the earlier report: " + p.removedSincePrevious().stream()
                    .map(n -> md(n)).collect(Collectors.joining(", ")) + ".\n");
        }
        out.write("\n## Dependency readiness\n\nSource: portfolio (scanned here), installed (scanned through --site-packages), "
                + "knowledge base (rules/readiness, unverified).\n\n| Library | State | Source | Used by | Waiting |\n|---|---|---|---:|---|\n");
        for (var l : p.readiness()) {
            out.write("| " + md(l.name()) + (l.installedVersion() == null ? "" : " " + md(l.installedVersion())) + " | " + l.state()
                    + (l.since() == null ? "" : " since " + md(l.since())) + (l.switchName() == null ? "" : "<br>switch: " + md(l.switchName()))
                    + " | " + l.source() + " | " + l.usedBy().size() + " | "
                    + (l.waiting().isEmpty() ? "" : l.waiting().size() + ": " + l.waiting().stream().map(n -> md(n)).collect(Collectors.joining(", ")))
                    + " |\n");
        }
        graph(out, p);
        out.write("\n## Order of work\n\nLibraries before the repositories that need them (level), then the least blocked, then the ones "
                + "that unblock most, then the easiest.\n\n| # | Repository | Team | Status | Level | Score | Waits on | Unblocks |\n|---:|---|---|---|---:|---:|---|---:|\n");
        for (var s : p.order()) {
            out.write("| " + s.rank() + " | " + md(s.repository()) + " | " + md(s.team()) + " | " + s.status() + " | " + s.level() + " | "
                    + num(s.score()) + " | " + s.waitsOn().stream().map(n -> md(n)).collect(Collectors.joining(", ")) + " | " + s.unblocks() + " |\n");
        }
        out.write("\n## Who to nudge\n\n");
        if (p.nudge().isEmpty()) {
            out.write("No library blocks a repository of this portfolio.\n");
        }
        int i = 1;
        for (var n : p.nudge()) {
            out.write(i++ + ". **" + md(n.library()) + "** (" + n.source() + (n.team() == null ? "" : ", team " + md(n.team())) + "): "
                    + n.waiting() + (n.waiting() == 1 ? " repository waits: " : " repositories wait: ") + n.repositories().stream().map(x -> md(x)).collect(Collectors.joining(", ")) + "\n");
        }
        if (p.burndown() != null) {
            out.write("\n## Burndown\n\nUsage findings of the repositories with git history, month by month.\n\n| Month | Usage findings | Repositories |\n|---|---:|---:|\n");
            for (var m : p.burndown()) {
                out.write("| " + m.month() + " | " + m.usageFindings() + " | " + m.repositories() + " |\n");
            }
        }
    }

    private static void total(Writer out, String name, PortfolioReport.Total t) throws IOException {
        out.write("| " + name + " | " + t.repositories() + " | " + statuses(t) + " | " + num(t.scoreLow()) + "–" + num(t.scoreHigh())
                + " (" + num(t.scoreMedian()) + ") | " + num(t.effortLowDays()) + "–" + num(t.effortHighDays()) + " | " + t.usageFindings() + " |\n");
    }

    private static String statuses(PortfolioReport.Total t) {
        String s = t.byStatus().entrySet().stream().filter(e -> e.getValue() != 0).map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        return s.isEmpty() ? "none" : s;
    }

    private static boolean hasHistory(PortfolioReport p) {
        return p.repositories().stream().anyMatch(r -> r.history() != null);
    }

    private static String change(RepositoryEntry r) {
        if (r.change() == null) {
            return "";
        }
        if (r.change().newInPortfolio()) {
            return "new";
        }
        return String.format(Locale.ROOT, "%+d findings, score %+.1f", r.change().usageFindings(), r.change().score())
                + (r.change().previousStatus() == null ? "" : ", was " + r.change().previousStatus());
    }

    private static String history(RepositoryEntry r) {
        if (r.history() == null) {
            return "";
        }
        return r.history().stream().map(h -> Integer.toString(h.usageFindings())).collect(Collectors.joining(" → "));
    }

    /** The blockers graph as Mermaid, which GitHub and GitLab draw; node labels keep only plain characters. */
    private static void graph(Writer out, PortfolioReport p) throws IOException {
        if (p.blockers().isEmpty()) {
            return;
        }
        out.write("\n### Blockers graph\n\nA thick arrow: the library is eventlet only and blocks the repository.\n\n");
        if (p.blockers().size() > MAX_GRAPH_EDGES) {
            out.write("(" + p.blockers().size() + " edges: too many to draw; the table above lists them.)\n");
            return;
        }
        out.write("```mermaid\ngraph LR\n");
        Map<String, String> ids = new HashMap<>();
        for (var e : p.blockers()) {
            String from = node(out, ids, "lib:" + e.library(), e.library());
            String to = node(out, ids, "repo:" + e.repository(), e.repository());
            out.write("  " + from + (e.blocking() ? " ==> " : " -.-> ") + to + "\n");
        }
        out.write("```\n");
    }

    private static String node(Writer out, Map<String, String> ids, String key, String label) throws IOException {
        String id = ids.get(key);
        if (id == null) {
            id = "n" + ids.size();
            ids.put(key, id);
            out.write("  " + id + "[\"" + label.replaceAll("[^A-Za-z0-9._ -]", "_") + "\"]\n");
        }
        return id;
    }

    static String num(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

}
