package dev.eventletscan.model;

/**
 * A package (a folder with {@code __init__.py}) or a top-level module, or one file, assessed on its own.
 *
 * @param name the dotted package or module name as found under the scan root ({@code compute}, {@code setup})
 * @param kind {@code repository}, {@code package}, {@code module}, {@code project-files}, {@code entry-point} or {@code file}
 * @param path the folder or file, relative to the scan root; for an entry point, {@code module:function}
 */
public record ComponentAssessment(String name, String kind, String path, int findings, DifficultyScore difficulty,
        EffortRange effort, Recommendation recommendation) {}
