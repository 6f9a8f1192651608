package dev.eventletscan.model;

/**
 * Configuration a project can add, shown in the report: for one that has no eventlet code, what keeps eventlet out.
 *
 * @param tool the tool that reads it
 * @param file where it goes
 * @param text what to add
 */
public record ConfigSnippet(String tool, String file, String text) {}
