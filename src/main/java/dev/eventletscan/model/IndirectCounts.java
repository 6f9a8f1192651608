package dev.eventletscan.model;

/**
 * Direct and indirect usage apart; {@link ScanSummary#findings()} and {@link ScanSummary#filesWithFindings()} are
 * the two together.
 *
 * @param directFindings findings at sites that name eventlet (or greenlet) themselves, or read configuration
 * @param indirectFindings findings reached through the project's facades and wrappers
 * @param filesWithDirectFindings files with at least one direct finding
 * @param filesWithIndirectFindings files with at least one indirect finding
 * @param filesWithOnlyIndirectFindings files that never name eventlet but reach it through the project's interfaces
 */
public record IndirectCounts(int directFindings, int indirectFindings, int filesWithDirectFindings,
        int filesWithIndirectFindings, int filesWithOnlyIndirectFindings) {}
