package dev.eventletscan.walk;

/** Something the walker passed over that a user may want to know about (a link out of the root, a loop, an unreadable folder). */
public record WalkNotice(String relativePath, String message) {}
