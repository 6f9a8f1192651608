package dev.eventletscan.model;

/**
 * What a report needs to know about a rule that produced findings: SARIF's
 * rule metadata, the HTML report's hints.
 *
 * @param threadingHint how to replace what the rule finds when moving to native threads
 * @param asyncioHint the same, when moving to asyncio
 * @param guide link to the part of the public migration guide that covers it
 */
public record RuleInfo(String id, String title, String category, Severity severity, double weight,
        String threadingHint, String asyncioHint, String guide) {}
