package dev.eventletscan.model;

/**
 * @param schemaVersion version of the JSON report schema this report follows
 * @param rulesVersion digest of the rule files in force
 */
public record ToolInfo(String name, String version, String schemaVersion, String rulesVersion) {}
