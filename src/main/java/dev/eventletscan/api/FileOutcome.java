package dev.eventletscan.api;

import dev.eventletscan.model.FileSummary;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ProcessingIssue;
import java.util.List;

/**
 * What scanning one file produced.
 *
 * @param summary present when the file was parsed, null when it could hold no finding or was unreadable
 */
record FileOutcome(FileSummary summary, List<Finding> findings, List<ProcessingIssue> problems) {
    static FileOutcome skipped() {
        return new FileOutcome(null, List.of(), List.of());
    }

    static FileOutcome failed(ProcessingIssue problem) {
        return new FileOutcome(null, List.of(), List.of(problem));
    }
}
