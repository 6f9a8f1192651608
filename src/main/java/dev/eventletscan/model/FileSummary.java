package dev.eventletscan.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A file that was read in full: a Python file that could hold a finding, or a
 * manifest, configuration or documentation file that rules read.
 *
 * @param kind {@code python} or {@code text}
 * @param suppressed findings silenced by an inline {@code eventlet-scan: ignore} comment
 * @param syntaxErrors ERROR and MISSING nodes tree-sitter needed to recover; the file is scanned all the same
 * @param excerpts the lines around its findings, in line order, overlapping ranges merged
 */
public record FileSummary(String path, String kind, int findings, int suppressed, int syntaxErrors,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Excerpt> excerpts) {
    public FileSummary {
        excerpts = List.copyOf(excerpts);
    }
}
