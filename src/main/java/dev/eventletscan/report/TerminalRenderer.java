package dev.eventletscan.report;

import static dev.eventletscan.report.TextRenderer.num;
import static dev.eventletscan.report.TextRenderer.printable;

import dev.eventletscan.model.ComponentAssessment;
import dev.eventletscan.model.Contributor;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.Severity;
import dev.eventletscan.model.SubScore;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report for a person at a terminal: findings grouped under their file,
 * severities in colour, then the assessment with bars. Editors and CI
 * parsers want {@link TextRenderer}'s one line per finding instead.
 */
public final class TerminalRenderer implements Renderer {
    private static final int BAR_WIDTH = 20;
    private final Style style;

    public TerminalRenderer() {
        this(false);
    }

    /** @param colour use ANSI colours (the CLI decides: a terminal, and NO_COLOR unset) */
    public TerminalRenderer(boolean colour) {
        this.style = new Style(colour);
    }

    @Override
    public void render(ScanResult result, Writer out) throws IOException {
        String prefix = result.root().equals(".") ? "" : result.root() + "/";
        String file = null;
        List<Finding> listed = GateLines.listed(result);
        for (Finding f : listed) {
            if (!f.path().equals(file)) {
                file = f.path();
                out.write((file.equals(listed.getFirst().path()) ? "" : "\n") + style.bold(printable(prefix + file)) + "\n");
            }
            out.write(String.format(Locale.ROOT, "  %5d:%-3d %s  %s  %s%s%n", f.line(), f.column(), severity(f.severity()),
                    style.dim(f.ruleId()), printable(f.message()), f.isIndirect() ? style.dim("  [indirect]") : "")
                    .replace(System.lineSeparator(), "\n"));
        }
        if (!result.problems().isEmpty()) {
            out.write("\n" + style.bold("Problems") + "\n");
            for (ProcessingIssue p : result.problems()) {
                out.write("  " + printable(p.shownPath(prefix)) + ": " + p.level() + ": " + printable(p.message()) + "\n");
            }
        }
        out.write("\n" + TextRenderer.summaryLine(result) + "\n");
        if (result.assessment() != null && result.summary().findings() > 0) {
            assessment(result, out);
        }
        gates(result, prefix, out);
    }

    private void gates(ScanResult result, String prefix, Writer out) throws IOException {
        String compared = GateLines.comparisonLine(result);
        if (compared != null) {
            out.write("\n" + style.bold("Compared") + "    " + compared.substring("compared ".length()) + "\n");
        }
        for (String line : GateLines.fixedLines(result, prefix)) {
            out.write("  " + style.colour(32, "fixed") + line.substring("fixed".length()) + "\n");
        }
        for (String line : GateLines.gateLines(result)) {
            out.write((line.startsWith("gate failed") ? style.colour(31, line) : style.colour(32, line)) + "\n");
        }
    }

    private void assessment(ScanResult result, Writer out) throws IOException {
        ComponentAssessment repo = result.assessment().repository();
        var d = repo.difficulty();
        out.write("\n" + style.bold("Difficulty") + String.format(Locale.ROOT, "  %s/100  ", num(d.score()))
                + levelColoured(d.level()) + "\n");
        criterion(out, "size and depth", d.size());
        criterion(out, "dependencies", d.dependencies());
        criterion(out, "monkey patching", d.patching());
        for (Contributor c : d.why().stream().limit(3).toList()) {
            out.write("    " + style.dim("why: ") + printable(c.reason()) + style.dim(" (+" + num(c.points()) + ")") + "\n");
        }
        out.write(style.bold("Effort") + "      " + num(repo.effort().lowDays()) + " to " + num(repo.effort().highDays())
                + " person-days\n");
        out.write(style.bold("Target") + "      " + repo.recommendation().target()
                + (repo.recommendation().signals().isEmpty() ? "" : style.dim(" (" + repo.recommendation().signals().getFirst() + ")"))
                + "\n");
        if (repo.switchOff() != null) {
            out.write(style.bold("Switch off") + "  " + answerColoured(repo.switchOff().answer())
                    + style.dim(" (" + printable(repo.switchOff().reason()) + ")") + "\n");
        }
        String interfaces = TextRenderer.interfacesLine(result);
        if (interfaces != null) {
            out.write(style.bold("Interfaces") + "  " + interfaces.substring("interfaces: ".length()) + "\n");
        }
        components(out, "Hardest packages", result.assessment().packages());
        components(out, "Entry points", result.assessment().entryPoints());
        String deps = result.assessment().dependencies().stream().filter(x -> x.usesEventlet())
                .map(x -> printable(x.name()) + style.dim(" [" + x.evidence() + "]")).collect(Collectors.joining(", "));
        if (!deps.isEmpty()) {
            out.write(style.bold("Dependencies using eventlet") + "  " + deps + "\n");
        }
    }

    private void criterion(Writer out, String name, SubScore s) throws IOException {
        int filled = (int) Math.round(s.score() / 100 * BAR_WIDTH);
        out.write(String.format(Locale.ROOT, "  %-16s %5s  %s%s%n", name, num(s.score()), style.bar("█".repeat(filled)),
                style.dim("·".repeat(BAR_WIDTH - filled))).replace(System.lineSeparator(), "\n"));
    }

    private void components(Writer out, String title, List<ComponentAssessment> list) throws IOException {
        if (list.isEmpty()) {
            return;
        }
        String shown = list.stream().limit(5).map(c -> printable(c.name()) + " " + num(c.difficulty().score()) + " " + c.difficulty().level()
                + style.dim(" (" + c.recommendation().target() + ")")).collect(Collectors.joining(", "));
        out.write(style.bold(title) + "  " + shown + (list.size() > 5 ? style.dim(", and " + (list.size() - 5) + " more") : "") + "\n");
    }

    private String severity(Severity s) {
        String label = String.format(Locale.ROOT, "%-6s", s.id());
        return switch (s) {
            case HIGH -> style.colour(31, label);
            case MEDIUM -> style.colour(33, label);
            case LOW -> style.colour(36, label);
            case INFO -> style.dim(label);
        };
    }

    private String answerColoured(String answer) {
        return switch (answer) {
            case "yes" -> style.colour(32, answer);
            case "maybe" -> style.colour(33, answer);
            default -> style.colour(31, answer);
        };
    }

    private String levelColoured(String level) {
        return switch (level) {
            case "very high", "high" -> style.colour(31, level);
            case "moderate" -> style.colour(33, level);
            default -> style.colour(32, level);
        };
    }

    /** ANSI styling, or none. */
    private record Style(boolean on) {
        String colour(int code, String text) {
            return on ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
        }

        String bold(String text) {
            return colour(1, text);
        }

        String dim(String text) {
            return colour(2, text);
        }

        String bar(String text) {
            return colour(34, text);
        }
    }
}
