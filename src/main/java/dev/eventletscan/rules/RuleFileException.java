package dev.eventletscan.rules;

import java.util.List;

/** One or more rule files are invalid; every problem is listed, each as {@code file:line: field: problem}. */
public final class RuleFileException extends RuntimeException {
    private final List<String> problems;

    public RuleFileException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
