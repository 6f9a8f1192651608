package dev.eventletscan.model;

import java.util.List;

/**
 * Everything one scan found: the single model every report format renders.
 * Lists are in report order (by path, then position).
 *
 * @param root the scanned path as given, normalised
 */
public record ScanResult(
        ToolInfo tool,
        String root,
        ScanSummary summary,
        List<FileSummary> files,
        List<Finding> findings,
        List<ProcessingIssue> problems) {

    public ScanResult {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
    }
}
