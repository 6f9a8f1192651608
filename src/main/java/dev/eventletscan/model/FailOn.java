package dev.eventletscan.model;

import java.util.Locale;

/**
 * Which findings fail a build: only new ones (against a baseline or a git base), any, or none. Shared by the
 * configuration reader, which parses it, and the gates, which apply it.
 */
public enum FailOn {
    NEW, ANY, NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the values allowed */
    public static FailOn parse(String text) {
        for (FailOn f : values()) {
            if (f.id().equals(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("must be new, any or none, was '" + text + "'");
    }
}
