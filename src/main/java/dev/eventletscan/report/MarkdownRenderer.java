package dev.eventletscan.report;

import static dev.eventletscan.report.TextRenderer.num;

import dev.eventletscan.fileio.Printable;
import dev.eventletscan.model.ComponentAssessment;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.SubScore;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A pull-request comment in GitHub-flavoured Markdown: the verdict first, then
 * the hardest files and the findings folded away. Long reports are cut, as
 * comment sizes are limited; the JSON and HTML reports have everything.
 */
public final class MarkdownRenderer implements Renderer {
    static final int MAX_FINDINGS = 200;
    static final int TOP_FILES = 10;

    @Override
    public void render(ScanResult result, Writer out) throws IOException {
        out.write("## eventlet-scan\n\n");
        var a = result.assessment();
        if (a != null && result.summary().findings() > 0) {
            ComponentAssessment repo = a.repository();
            var d = repo.difficulty();
            out.write("**Difficulty " + num(d.score()) + "/100 (" + d.level() + ")** · effort **" + num(repo.effort().lowDays())
                    + " to " + num(repo.effort().highDays()) + " person-days** · target **" + md(repo.recommendation().target())
                    + "**\n\n");
        }
        out.write(md(TextRenderer.summaryLine(result)) + "\n");
        gate(out, result);
        newFindings(out, result);
        if (result.summary().findings() > 0) {
            if (a != null) {
                out.write("\n| criterion | score | main reason |\n|---|---:|---|\n");
                criterion(out, "Size and depth of usage", a.repository().difficulty().size());
                criterion(out, "External dependencies using eventlet", a.repository().difficulty().dependencies());
                criterion(out, "Monkey patching", a.repository().difficulty().patching());
                switchOff(out, a.repository());
                indirect(out, result);
                topFiles(out, a.files());
            }
            out.write("\n### Findings by category\n\n| category | findings |\n|---|---:|\n");
            for (Map.Entry<String, Integer> e : result.summary().findingsByCategory().entrySet()) {
                out.write("| " + md(e.getKey()) + " | " + e.getValue() + " |\n");
            }
            findings(out, result.findings());
        }
        problems(out, result.problems());
    }

    /** Files that could not be scanned as usual, folded: a reviewer should know the verdict has gaps. */
    private static void problems(Writer out, List<ProcessingIssue> problems) throws IOException {
        if (problems.isEmpty()) {
            return;
        }
        out.write("\n<details><summary>" + problems.size() + (problems.size() == 1 ? " processing problem" : " processing problems")
                + "</summary>\n\n| file | level | problem |\n|---|---|---|\n");
        for (ProcessingIssue p : problems.stream().limit(MAX_FINDINGS).toList()) {
            out.write("| " + md(p.path()) + " | " + p.level() + " | " + md(p.message()) + " |\n");
        }
        if (problems.size() > MAX_FINDINGS) {
            out.write("\n" + (problems.size() - MAX_FINDINGS) + " more in the JSON or HTML report.\n");
        }
        out.write("\n</details>\n");
    }

    /** The gates' verdict, first after the summary: what a reviewer looks for. */
    private static void gate(Writer out, ScanResult result) throws IOException {
        if (result.gate() == null) {
            return;
        }
        if (result.gate().passed()) {
            out.write("\n:white_check_mark: **Gates passed:** " + md(String.join(", ", result.gate().gates())) + "\n");
            return;
        }
        for (var f : result.gate().failures()) {
            out.write("\n:x: **Gate failed:** `" + f.gate() + "`: " + md(f.reason()) + "\n");
        }
    }

    /** What the change brings and what it fixes, when the findings were compared with a baseline or a git base. */
    private static void newFindings(Writer out, ScanResult result) throws IOException {
        var c = result.comparison();
        if (c == null) {
            return;
        }
        out.write("\n### New findings\n\n" + md(GateLines.comparisonLine(result, true)) + "\n");
        List<Finding> fresh = GateLines.listed(result);
        if (!fresh.isEmpty()) {
            out.write("\n| where | rule | severity | message |\n|---|---|---|---|\n");
            for (Finding f : fresh.stream().limit(MAX_FINDINGS).toList()) {
                out.write(row(f));
            }
            if (fresh.size() > MAX_FINDINGS) {
                out.write("\n" + (fresh.size() - MAX_FINDINGS) + " more in the JSON or HTML report.\n");
            }
        }
        if (!c.fixed().isEmpty()) {
            out.write("\n### Fixed\n\n| file | rule | symbol |\n|---|---|---|\n");
            for (var e : c.fixed().stream().limit(MAX_FINDINGS).toList()) {
                out.write("| " + md(e.path()) + " | " + md(e.ruleId()) + " | " + md(e.symbol()) + " |\n");
            }
        }
    }

    private static String row(Finding f) {
        return "| " + md(f.path() + ":" + f.line()) + " | " + f.ruleId() + " | " + f.severity().id() + (f.isIndirect() ? ", indirect" : "")
                + " | " + md(f.message()) + " |\n";
    }

    private static void criterion(Writer out, String name, SubScore s) throws IOException {
        String reason = s.why().stream().max(Comparator.comparingDouble(c -> Math.abs(c.points())))
                .map(c -> md(c.reason())).orElse("");
        out.write("| " + name + " | " + num(s.score()) + " | " + reason + " |\n");
    }

    private static void switchOff(Writer out, ComponentAssessment repo) throws IOException {
        if (repo.switchOff() != null) {
            out.write("\n**Can eventlet be switched off?** " + repo.switchOff().answer() + ": " + md(repo.switchOff().reason()) + "\n");
        }
    }

    /** Direct and indirect usage apart and together, and the interfaces the indirect usage goes through. */
    private static void indirect(Writer out, ScanResult result) throws IOException {
        var split = result.summary().indirect();
        if (split == null) {
            return;
        }
        out.write("\n### Direct and indirect usage\n\n| usage | findings | files |\n|---|---:|---:|\n");
        out.write("| direct (names eventlet) | " + split.directFindings() + " | " + split.filesWithDirectFindings() + " |\n");
        out.write("| indirect (through the project's facades and wrappers) | " + split.indirectFindings() + " | "
                + split.filesWithIndirectFindings() + " |\n");
        out.write("| together | " + result.summary().findings() + " | " + result.summary().filesWithFindings() + " |\n");
        var i = result.interfaces();
        if (i == null) {
            return;
        }
        out.write("\n| interface | kind | stands for | indirect findings | files |\n|---|---|---|---:|---:|\n");
        for (var f : i.facades()) {
            out.write("| " + md(f.module()) + " | facade | " + md(String.join(", ", f.names().stream().map(n -> n.name()).toList()))
                    + " | " + f.indirectFindings() + " | " + f.files() + " |\n");
        }
        for (var w : i.wrappers().stream().filter(w -> w.callSites() > 0).toList()) {
            out.write("| " + md(w.name()) + " | wrapper (" + w.how() + ") | " + md(w.symbol()) + " | " + w.callSites() + " | "
                    + w.files() + " |\n");
        }
    }

    private static void topFiles(Writer out, List<ComponentAssessment> files) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        out.write("\n### Hardest files\n\n| file | score | level | findings | target |\n|---|---:|---|---:|---|\n");
        for (ComponentAssessment f : files.stream().limit(TOP_FILES).toList()) {
            out.write("| " + md(f.path()) + " | " + num(f.difficulty().score()) + " | " + f.difficulty().level() + " | "
                    + f.findings() + " | " + md(f.recommendation().target()) + " |\n");
        }
    }

    private static void findings(Writer out, List<Finding> findings) throws IOException {
        out.write("\n<details><summary>All " + findings.size() + " findings</summary>\n\n"
                + "| where | rule | severity | message |\n|---|---|---|---|\n");
        for (Finding f : findings.stream().limit(MAX_FINDINGS).toList()) {
            out.write(row(f));
        }
        if (findings.size() > MAX_FINDINGS) {
            out.write("\n" + (findings.size() - MAX_FINDINGS) + " more in the JSON or HTML report.\n");
        }
        out.write("\n</details>\n");
    }

    /**
     * Repository text made inert: HTML is escaped (GitHub renders tags in comments), Markdown punctuation and
     * table pipes get a backslash (brackets too, so no link can form; @ too, so nobody is mentioned), line breaks
     * become spaces.
     */
    static String md(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\n', '\r', '\t' -> b.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '@' ->
                        b.append('\\').append(c);
                default -> {
                    if (Printable.unsafe(c)) {
                        b.append(Printable.of(String.valueOf(c)));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
