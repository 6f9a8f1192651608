package dev.eventletscan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.SortedMap;

/**
 * Counts over the whole scan.
 *
 * @param filesWalked Python files found under the root after ignore rules and filters
 * @param otherFilesWalked manifests, configuration and documentation files found for the text and dependency rules
 * @param filesParsed Python files that mention a tracked package and were parsed
 * @param filesWithSyntaxErrors parsed files in which tree-sitter had to recover from errors
 * @param suppressed findings silenced by inline comments (listed apart in the report)
 * @param monkeyPatchCalls calls to eventlet's monkey_patch, direct or through the project's facades, each once
 *     ({@link Finding#isMonkeyPatchCall}: a call of a project helper that patches is not another one)
 * @param indirect direct and indirect findings apart, when any finding is indirect; else null
 */
public record ScanSummary(
        int filesWalked,
        int otherFilesWalked,
        int filesParsed,
        int filesWithSyntaxErrors,
        int filesWithFindings,
        int findings,
        int suppressed,
        int monkeyPatchCalls,
        SortedMap<String, Integer> findingsByCategory,
        SortedMap<String, Integer> findingsByRule,
        @JsonInclude(JsonInclude.Include.NON_NULL) IndirectCounts indirect) {}
