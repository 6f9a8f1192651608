package dev.eventletscan.model;

/** One reason behind a score: what it is and the points it adds (negative when it lowers the score). */
public record Contributor(String reason, double points) {}
