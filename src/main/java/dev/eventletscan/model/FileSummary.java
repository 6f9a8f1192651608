package dev.eventletscan.model;

/**
 * A file that was parsed because it could hold a finding.
 *
 * @param syntaxErrors ERROR and MISSING nodes tree-sitter needed to recover; the file is scanned all the same
 */
public record FileSummary(String path, int findings, int syntaxErrors) {}
