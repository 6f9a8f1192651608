package dev.eventletscan.portfolio;

import java.nio.file.Path;

/**
 * One repository to put in the portfolio: a checkout to scan, or a JSON report produced elsewhere.
 *
 * @param shownPath the path as the user gave it (reports quote this, never an absolute path they did not type)
 */
public record RepositorySource(String name, Path path, String shownPath, String kind) {
    public static final String CHECKOUT = "scanned";
    public static final String REPORT = "report";
}
