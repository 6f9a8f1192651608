package dev.eventletscan.model;

import java.util.List;

/**
 * A file the user gave (configuration, baseline) is unusable. Each problem is one line naming the file,
 * the line and the field, as {@code pyproject.toml:12: tool.eventlet-scan.fail-on: must be new, any or none}.
 */
public final class InvalidInputException extends RuntimeException {
    private final List<String> problems;

    public InvalidInputException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
