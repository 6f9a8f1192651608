package dev.eventletscan.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a finding weighs on a migration; ordered from least to most. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
