package dev.eventletscan.model;

/**
 * A finding as a baseline remembers it: what and where, never the line number,
 * so code moving up or down does not make it new.
 *
 * @param code the finding's source line as it was, trimmed (comparison ignores white space and trailing comments)
 * @param fingerprint hash of the other fields and of the occurrence among identical ones in the file
 */
public record BaselineEntry(String path, String ruleId, String symbol, String scope, String code, String fingerprint) {}
