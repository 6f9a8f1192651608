package dev.eventletscan.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A package (a folder with {@code __init__.py}) or a top-level module, or one file, assessed on its own.
 *
 * @param name the dotted package or module name as found under the scan root ({@code compute}, {@code setup})
 * @param kind {@code repository}, {@code package}, {@code module}, {@code project-files}, {@code entry-point} or {@code file}
 * @param path the folder or file, relative to the scan root; for an entry point, {@code module:function}
 * @param indirectFindings how many of the findings are indirect (through the project's facades and wrappers)
 * @param switchOff for the repository and each entry point: can eventlet be switched off there; else null
 */
public record ComponentAssessment(String name, String kind, String path, int findings, DifficultyScore difficulty,
        EffortRange effort, Recommendation recommendation,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int indirectFindings,
        @JsonInclude(JsonInclude.Include.NON_NULL) SwitchVerdict switchOff) {}
