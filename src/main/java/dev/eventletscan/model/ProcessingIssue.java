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

    /**
     * The path as printed after the scan root's {@code prefix}: an installed package's metadata lies outside the
     * root and is named by its absolute path, which no prefix may precede.
     */
    public String shownPath(String prefix) {
        return path.startsWith("/") ? path : prefix + path;
    }
}
