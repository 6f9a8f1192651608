package dev.eventletscan.deps;

import java.util.List;

/**
 * A file of a dependency that does eventlet work itself (an executor, a backend, a worker, a
 * handler): it has findings beyond imports, configuration and test mocks.
 *
 * @param path relative to the site-packages folder ({@code futurist/_green.py})
 * @param findings its findings in those categories
 * @param categories their categories, sorted
 * @param symbols its most frequent eventlet names, at most three, most frequent first
 */
public record EvidenceFile(String path, int findings, List<String> categories, List<String> symbols) {
    public EvidenceFile {
        categories = List.copyOf(categories);
        symbols = List.copyOf(symbols);
    }

    @Override
    public String toString() {
        return path + " (" + findings + ")";
    }
}
