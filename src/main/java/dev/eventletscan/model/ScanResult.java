package dev.eventletscan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything one scan found: the single model every report format renders.
 * Lists are in report order (by path, then position).
 *
 * @param root the scanned path as given, normalised
 * @param suppressed findings an inline {@code eventlet-scan: ignore} comment silenced; never counted as findings
 * @param rules the rules behind the findings and the suppressed findings, by id
 * @param assessment difficulty, effort, targets and plan computed from the findings
 * @param comparison the findings set against a baseline or git base, when one was given
 * @param gate the CI gates' outcome, when gates were asked for
 * @param interfaces the project's facades and wrappers in front of eventlet, when it has any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanResult(
        ToolInfo tool,
        String root,
        ScanMetadata metadata,
        ScanSummary summary,
        List<FileSummary> files,
        List<Finding> findings,
        List<Finding> suppressed,
        List<RuleInfo> rules,
        List<ProcessingIssue> problems,
        Assessment assessment,
        Comparison comparison,
        GateResult gate,
        Interfaces interfaces) {

    public ScanResult {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }

    /** The same result without start time and duration: what reproducible reports render. */
    public ScanResult withoutTiming() {
        return new ScanResult(tool, root, metadata.withoutTiming(), summary, files, findings, suppressed, rules, problems,
                assessment, comparison, gate, interfaces);
    }

    /** The same result as scanned at another time, from another place or on another commit. */
    public ScanResult restamped(String newRoot, ScanMetadata newMetadata) {
        return new ScanResult(tool, newRoot, newMetadata, summary, files, findings, suppressed, rules, problems, assessment,
                comparison, gate, interfaces);
    }

    /** The same result with each finding's status set and the comparison recorded. */
    public ScanResult compared(List<Finding> withStatus, Comparison newComparison) {
        return new ScanResult(tool, root, metadata, summary, files, withStatus, suppressed, rules, problems, assessment,
                newComparison, gate, interfaces);
    }

    public ScanResult withGate(GateResult newGate) {
        return new ScanResult(tool, root, metadata, summary, files, findings, suppressed, rules, problems, assessment,
                comparison, newGate, interfaces);
    }

    /** The same result listing other findings; the summary's counts stay those of the whole scan. */
    public ScanResult listing(List<Finding> shown, List<Finding> shownSuppressed) {
        return new ScanResult(tool, root, metadata, summary, files, shown, shownSuppressed, rules, problems, assessment,
                comparison, gate, interfaces);
    }
}
