package dev.eventletscan.report;

import static dev.eventletscan.report.TextRenderer.printable;

import dev.eventletscan.model.BaselineEntry;
import dev.eventletscan.model.Comparison;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.GateResult;
import dev.eventletscan.model.ScanResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What the line-oriented reports say of a comparison and of the gates. When findings were compared with a
 * baseline or a git base, those reports list the new findings only: a CI log should show what the change
 * brought, and the JSON, SARIF and HTML reports still hold every finding with its status.
 */
final class GateLines {
    private GateLines() {}

    /** The findings a line-oriented report lists. */
    static List<Finding> listed(ScanResult result) {
        return result.comparison() == null ? result.findings() : result.findings().stream().filter(Finding::isNew).toList();
    }

    /** {@code compared with baseline b.json: 1 new, 20 known (not listed), 2 fixed}, or null without a comparison. */
    static String comparisonLine(ScanResult result) {
        return comparisonLine(result, false);
    }

    /** @param knownListed whether the report lists the known findings too */
    static String comparisonLine(ScanResult result, boolean knownListed) {
        Comparison c = result.comparison();
        if (c == null) {
            return null;
        }
        return "compared with " + printable(c.against()) + ": " + c.newFindings() + " new, " + c.knownFindings()
                + " known" + (knownListed ? "" : " (not listed)") + (c.baseline() == null ? "" : ", " + c.fixed().size() + " fixed");
    }

    /** {@code fixed: path: RULE symbol: code} for each baselined finding that is gone. */
    static List<String> fixedLines(ScanResult result, String prefix) {
        List<String> out = new ArrayList<>();
        if (result.comparison() != null) {
            for (BaselineEntry e : result.comparison().fixed()) {
                out.add("fixed: " + printable(prefix + e.path()) + ": " + e.ruleId() + " " + printable(e.symbol()) + ": "
                        + printable(e.code()));
            }
        }
        return out;
    }

    /** One line per failed gate, or one saying they passed; nothing without gates. */
    static List<String> gateLines(ScanResult result) {
        GateResult gate = result.gate();
        if (gate == null) {
            return List.of();
        }
        if (gate.passed()) {
            return List.of("gates passed: " + String.join(", ", gate.gates()));
        }
        return gate.failures().stream().map(f -> "gate failed: " + f.gate() + ": " + printable(f.reason())).toList();
    }
}
