package dev.eventletscan.rules;

/** How to replace what a rule finds, for each migration target. */
public record Hints(String threading, String asyncio) {}
