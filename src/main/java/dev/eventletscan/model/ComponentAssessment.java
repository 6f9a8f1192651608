package dev.eventletscan.model;

/**
 * A package (a folder with {@code __init__.py}) or a top-level module, or one file, assessed on its own.
 *
 * @param name the dotted package or module name as found under the scan root ({@code compute}, {@code setup})
 * @param kind {@code package}, {@code module} or {@code file}
 * @param path the folder or file, relative to the scan root
 */
public record ComponentAssessment(String name, String kind, String path, int findings, DifficultyScore difficulty,
        EffortRange effort, Recommendation recommendation) {}
