package dev.eventletscan.model;

import java.util.List;

/** Work on one component within a phase: its files and how many findings they hold. */
public record PlanStep(String component, int findings, List<String> files) {
    public PlanStep {
        files = List.copyOf(files);
    }
}
