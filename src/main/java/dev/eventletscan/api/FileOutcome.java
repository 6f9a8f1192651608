package dev.eventletscan.api;

import dev.eventletscan.detect.python.ModuleInterface;
import dev.eventletscan.model.FileSummary;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ProcessingIssue;
import java.util.List;

/**
 * What scanning one file produced.
 *
 * @param summary present when the file was read in full, null when it could hold no finding or was unreadable
 * @param suppressed findings an inline comment silenced
 * @param offered a parsed Python file's facade names and wrappers, for the indirect pass; null otherwise
 */
record FileOutcome(FileSummary summary, List<Finding> findings, List<Finding> suppressed, List<ProcessingIssue> problems,
        ModuleInterface offered) {
    FileOutcome(FileSummary summary, List<Finding> findings, List<Finding> suppressed, List<ProcessingIssue> problems) {
        this(summary, findings, suppressed, problems, null);
    }

    /** One for every file that could hold no finding: most of a large tree. */
    private static final FileOutcome SKIPPED = new FileOutcome(null, List.of(), List.of(), List.of());

    static FileOutcome skipped() {
        return SKIPPED;
    }

    static FileOutcome failed(ProcessingIssue problem) {
        return new FileOutcome(null, List.of(), List.of(), List.of(problem));
    }
}
