package dev.eventletscan.report;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.model.RuleInfo;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on its
 * line in the pull request ({@code ::warning file=...,line=...::message}),
 * with the command syntax's escaping, so repository text cannot end the
 * command early or start another.
 */
public final class GithubRenderer implements Renderer {
    @Override
    public void render(ScanResult result, Writer out) throws IOException {
        String prefix = result.root().equals(".") ? "" : result.root().replaceFirst("^\\./", "") + "/";
        Map<String, RuleInfo> rules = result.rules().stream().collect(Collectors.toMap(RuleInfo::id, Function.identity()));
        // Compared with a baseline or a git base, only new findings are annotated: a pull request shows its own.
        for (Finding f : GateLines.listed(result)) {
            RuleInfo rule = rules.get(f.ruleId());
            String title = f.ruleId() + (rule == null ? "" : " " + rule.title());
            out.write("::" + level(f) + " file=" + property(prefix + f.path()) + ",line=" + f.line() + ",col=" + f.column()
                    + (f.endLine() >= f.line() ? ",endLine=" + f.endLine() + ",endColumn=" + f.endColumn() : "")
                    + ",title=" + property(title) + "::" + data(f.message()) + "\n");
        }
        for (ProcessingIssue p : result.problems()) {
            out.write("::warning file=" + property(p.shownPath(prefix)) + ",title=eventlet-scan " + property(p.level()) + "::"
                    + data(p.message()) + "\n");
        }
        out.write("::notice title=eventlet-scan::" + data(TextRenderer.summaryLine(result)) + "\n");
        String compared = GateLines.comparisonLine(result);
        if (compared != null) {
            out.write("::notice title=eventlet-scan comparison::" + data(compared) + "\n");
        }
        for (String line : GateLines.gateLines(result)) {
            out.write("::" + (line.startsWith("gate failed") ? "error" : "notice") + " title=eventlet-scan gate::" + data(line) + "\n");
        }
    }

    private static String level(Finding f) {
        return switch (f.severity()) {
            case HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "notice";
        };
    }

    /** A command's message: '%', CR and LF are the characters the runner decodes; other controls are escaped. */
    static String data(String text) {
        return TextRenderer.printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }

    /** A property value: as data, plus ':' and ',' that would end it. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
