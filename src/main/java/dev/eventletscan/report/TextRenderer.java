package dev.eventletscan.report;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.ScanSummary;
import java.io.IOException;
import java.io.Writer;

/**
 * One finding per line, {@code path:line:col: RULE message}, the form editors
 * and CI problem matchers read; then the processing problems and a summary line.
 */
public final class TextRenderer implements Renderer {
    @Override
    public void render(ScanResult result, Writer out) throws IOException {
        String prefix = result.root().equals(".") ? "" : result.root() + "/";
        for (Finding f : result.findings()) {
            out.write(prefix + f.path() + ":" + f.line() + ":" + f.column() + ": " + f.ruleId() + " " + f.message()
                    + "  [" + f.category() + ", " + f.severity().id() + "]\n");
        }
        for (ProcessingIssue p : result.problems()) {
            out.write(prefix + p.path() + ": " + p.level() + ": " + p.message() + "\n");
        }
        ScanSummary s = result.summary();
        out.write(plural(s.findings(), "finding") + " in " + plural(s.filesWithFindings(), "file")
                + " (" + plural(s.filesWalked(), "Python file") + " walked, " + s.filesParsed() + " parsed"
                + (s.monkeyPatchCalls() > 0 ? ", " + plural(s.monkeyPatchCalls(), "monkey_patch call") : "")
                + (result.problems().isEmpty() ? "" : ", " + plural(result.problems().size(), "problem"))
                + ")\n");
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
