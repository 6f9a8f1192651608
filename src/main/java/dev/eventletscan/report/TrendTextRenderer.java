package dev.eventletscan.report;

import dev.eventletscan.model.TrendReport;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The trend as plain text: where it comes from, one line per point, the biggest drops and rises with the commits
 * behind them, and the projection. Repository text (commit subjects, paths) is printed with control characters
 * replaced, as in the text report.
 */
public final class TrendTextRenderer implements TrendRenderer {
    @Override
    public void render(TrendReport r, Writer out) throws IOException {
        TrendReport.Repository repo = r.repository();
        out.write("eventlet-scan trend: " + p(repo.root()) + (repo.folder().isEmpty() ? "" : " (folder " + p(repo.folder()) + ")")
                + ", " + (repo.branch() == null ? "detached HEAD" : "branch " + p(repo.branch())) + " at " + shortId(repo.head())
                + " of " + repo.headDate() + "\n");
        TrendReport.Sampling s = r.sampling();
        out.write(r.points().size() + " points from " + s.since() + " to " + s.until()
                + (s.every() != null ? ", every " + s.every() : ", " + s.points() + " evenly spread")
                + "; each the last commit of the first-parent history at or before its date (UTC)\n");
        out.write("measure: " + r.measure() + "\n\n");
        out.write(String.format(Locale.ROOT, "%-10s  %-10s %1s %8s %6s %6s %8s %6s  %-13s  %s%n", "date", "commit", "", "findings",
                "usage", "files", "patches", "score", "effort (days)", "target"));
        for (TrendReport.Point pt : r.points()) {
            out.write(String.format(Locale.ROOT, "%-10s  %-10s %1s %8d %6d %6d %8d %6.1f  %-13s  %s%n", pt.date().substring(0, 10),
                    shortId(pt.commit()), pt.sameCommitAsPrevious() ? "=" : "", pt.findings(), pt.usageFindings(),
                    pt.pythonFilesUsingEventlet(), pt.monkeyPatchCalls(), pt.difficulty().score(),
                    String.format(Locale.ROOT, "%.1f-%.1f", pt.effort().lowDays(), pt.effort().highDays()), pt.target()));
        }
        out.write("(= no new commit since the previous point: its figures are reused; files: Python files using eventlet; "
                + "patches: monkey_patch calls)\n");
        if (!r.points().isEmpty()) {
            out.write("by category, first point: " + categories(r.points().getFirst().findingsByCategory()) + "\n");
            out.write("by category, last point:  " + categories(r.points().getLast().findingsByCategory()) + "\n");
        }
        changes(out, "biggest drops", r.drops());
        changes(out, "biggest rises", r.rises());
        out.write("\nprojection: " + r.projection().statement() + "\n");
        for (String n : r.notices()) {
            out.write("note: " + p(n) + "\n");
        }
    }

    private static void changes(Writer out, String title, List<TrendReport.Change> changes) throws IOException {
        out.write("\n" + title + ":" + (changes.isEmpty() ? " none\n" : "\n"));
        for (TrendReport.Change c : changes) {
            TrendReport.Culprit k = c.commit();
            out.write(String.format(Locale.ROOT, "  %+d usage findings from %s to %s (%d commit%s)%s%n", c.usageFindings(),
                    c.from().substring(0, 10), c.to().substring(0, 10), c.commits(), c.commits() == 1 ? "" : "s",
                    c.findingsByCategory().isEmpty() ? "" : ": " + signed(c.findingsByCategory())));
            out.write(String.format(Locale.ROOT, "    %s %s %s: %+d (%s)%n", shortId(k.id()), k.date().substring(0, 10),
                    p(k.subject()), k.usageFindings(), k.foundBy()));
            for (TrendReport.FileChange f : k.files()) {
                out.write("      " + p(f.path()) + " " + f.before() + " -> " + f.after() + "\n");
            }
        }
    }

    private static String categories(Map<String, Integer> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String signed(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %+d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String shortId(String commit) {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }

    private static String p(String text) {
        return TextRenderer.printable(text);
    }
}
