package dev.eventletscan.report;

import dev.eventletscan.fileio.Printable;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.ScanSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * One finding per line, {@code path:line:col: RULE message}, the form editors
 * and CI problem matchers read; then the processing problems and a summary line.
 */
public final class TextRenderer implements Renderer {
    @Override
    public void render(ScanResult result, Writer out) throws IOException {
        String prefix = result.root().equals(".") ? "" : result.root() + "/";
        for (Finding f : GateLines.listed(result)) {
            out.write(printable(prefix + f.path()) + ":" + f.line() + ":" + f.column() + ": " + f.ruleId() + " "
                    + printable(f.message()) + "  [" + f.category() + ", " + f.severity().id() + (f.isIndirect() ? ", indirect" : "")
                    + "]\n");
        }
        for (ProcessingIssue p : result.problems()) {
            out.write(printable(p.shownPath(prefix)) + ": " + p.level() + ": " + printable(p.message()) + "\n");
        }
        for (Finding f : result.suppressed()) {
            out.write(printable(prefix + f.path()) + ":" + f.line() + ":" + f.column() + ": suppressed: " + f.ruleId() + " "
                    + printable(f.message()) + "\n");
        }
        out.write(summaryLine(result) + "\n");
        writeAssessment(result, out);
        writeGates(result, prefix, out);
    }

    /** The comparison, the fixed findings and the gates, after the assessment: the last lines of a CI log. */
    static void writeGates(ScanResult result, String prefix, Writer out) throws IOException {
        String compared = GateLines.comparisonLine(result);
        if (compared != null) {
            out.write(compared + "\n");
        }
        for (String line : GateLines.fixedLines(result, prefix)) {
            out.write(line + "\n");
        }
        for (String line : GateLines.gateLines(result)) {
            out.write(line + "\n");
        }
    }

    /** The lead's view in three lines: score and criteria, effort, target; details are in the JSON report. */
    private static void writeAssessment(ScanResult result, Writer out) throws IOException {
        if (result.assessment() == null || result.summary().findings() == 0) {
            return;
        }
        var repo = result.assessment().repository();
        var d = repo.difficulty();
        out.write("difficulty " + num(d.score()) + "/100 (" + d.level() + "): size and depth " + num(d.size().score())
                + ", dependencies " + num(d.dependencies().score()) + ", monkey patching " + num(d.patching().score()) + "\n");
        var model = result.assessment().model();
        out.write("effort " + num(repo.effort().lowDays()) + " to " + num(repo.effort().highDays())
                + " person-days at " + num(model.linesPerDay()) + " changed lines a day (" + model.fitError()
                + "); recommended target: " + repo.recommendation().target() + "\n");
        if (!result.assessment().banEventlet().isEmpty()) {
            out.write("no eventlet code of its own: nothing to migrate; to keep eventlet out:\n");
            for (var snippet : result.assessment().banEventlet()) {
                out.write("  " + snippet.tool() + " (" + snippet.file() + "):\n");
                for (String line : snippet.text().lines().toList()) {
                    out.write((line.isEmpty() ? "" : "    " + line) + "\n");
                }
            }
        }
        if (repo.switchOff() != null) {
            out.write("can eventlet be switched off: " + repo.switchOff().answer() + " (" + printable(repo.switchOff().reason()) + ")\n");
        }
        String interfaces = interfacesLine(result);
        if (interfaces != null) {
            out.write(interfaces + "\n");
        }
        for (var dep : result.assessment().dependencies()) {
            if (dep.usesEventlet()) {
                out.write("dependency " + printable(dep.name()) + (dep.version().isEmpty() ? "" : " " + printable(dep.version()))
                        + " uses eventlet [" + dep.evidence() + "]: " + printable(dep.summary()) + "\n");
            }
        }
    }

    /** See {@link dev.eventletscan.fileio.Printable}: repository text is printed with its control characters escaped. */
    public static String printable(String text) {
        return Printable.of(text);
    }

    static String num(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    /** {@code interfaces: 2 facades (a, b), 3 wrappers (2 called: c, d)}, or null when the project has none. */
    static String interfacesLine(ScanResult result) {
        var i = result.interfaces();
        if (i == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!i.facades().isEmpty()) {
            parts.add(plural(i.facades().size(), "facade") + " (" + String.join(", ",
                    i.facades().stream().map(f -> printable(f.module())).toList()) + ")");
        }
        List<String> used = i.wrappers().stream().filter(w -> w.callSites() > 0).map(w -> printable(w.name())).toList();
        if (!i.wrappers().isEmpty()) {
            parts.add(plural(i.wrappers().size(), "wrapper") + (used.isEmpty() ? "" : " (" + used.size() + " called: "
                    + String.join(", ", used) + ")"));
        }
        return "interfaces: " + String.join(", ", parts);
    }

    /** The one-line summary, also printed on standard error after non-text reports. */
    public static String summaryLine(ScanResult result) {
        ScanSummary s = result.summary();
        var split = s.indirect();
        return plural(s.findings(), "finding") + " in " + plural(s.filesWithFindings(), "file")
                + " (" + (split == null ? "" : split.directFindings() + " direct in " + plural(split.filesWithDirectFindings(), "file")
                        + ", " + split.indirectFindings() + " indirect in " + plural(split.filesWithIndirectFindings(), "file") + "; ")
                + plural(s.filesWalked(), "Python file") + " walked, " + s.filesParsed() + " parsed"
                + (s.otherFilesWalked() > 0 ? ", " + plural(s.otherFilesWalked(), "other file") + " read" : "")
                + (s.monkeyPatchCalls() > 0 ? ", " + plural(s.monkeyPatchCalls(), "monkey_patch call") : "")
                + (s.suppressed() > 0 ? ", " + s.suppressed() + " suppressed" : "")
                + (s.filesWithSyntaxErrors() > 0 ? ", " + plural(s.filesWithSyntaxErrors(), "file") + " with syntax errors" : "")
                + (result.problems().isEmpty() ? "" : ", " + plural(result.problems().size(), "problem"))
                + ")";
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
