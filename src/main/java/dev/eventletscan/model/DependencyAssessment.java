package dev.eventletscan.model;

import java.util.List;

/**
 * A dependency of the project that uses eventlet, or that a migration has to check.
 *
 * @param via the shortest requirement chain from a direct dependency to it
 * @param evidence {@code scanned} (its installed code was scanned), {@code knowledge base (unverified)}, or why nothing is known
 * @param evidenceFiles its files doing the most eventlet work, relative to site-packages
 * @param summary one line: how it uses eventlet
 */
public record DependencyAssessment(String name, String version, boolean direct, List<String> via, boolean installed,
        boolean usesEventlet, String evidence, int findings, List<String> evidenceFiles, String summary) {
    public DependencyAssessment {
        via = List.copyOf(via);
        evidenceFiles = List.copyOf(evidenceFiles);
    }

    public boolean verified() {
        return usesEventlet && evidence.equals("scanned");
    }
}
