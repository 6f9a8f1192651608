package dev.eventletscan.model;

import java.util.SortedMap;

/**
 * Counts over the whole scan.
 *
 * @param filesWalked Python files found under the root after ignore rules and filters
 * @param filesParsed files that mention a tracked package and were parsed
 * @param monkeyPatchCalls calls to eventlet's monkey_patch
 */
public record ScanSummary(
        int filesWalked,
        int filesParsed,
        int filesWithFindings,
        int findings,
        int monkeyPatchCalls,
        SortedMap<String, Integer> findingsByCategory,
        SortedMap<String, Integer> findingsByRule) {}
