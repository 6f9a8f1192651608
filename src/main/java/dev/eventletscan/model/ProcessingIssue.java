package dev.eventletscan.model;

import java.util.Comparator;

/**
 * Something that kept part of the input from being scanned as usual (an
 * unreadable file, a syntax error, a link not followed).
 *
 * @param level {@code warning} when the file was still scanned or deliberately passed over,
 *     {@code error} when it could not be scanned
 */
public record ProcessingIssue(String path, String level, String message) {
    public static final Comparator<ProcessingIssue> ORDER =
            Comparator.comparing(ProcessingIssue::path).thenComparing(ProcessingIssue::message);

    public static ProcessingIssue warning(String path, String message) {
        return new ProcessingIssue(path, "warning", message);
    }

    public static ProcessingIssue error(String path, String message) {
        return new ProcessingIssue(path, "error", message);
    }
}
