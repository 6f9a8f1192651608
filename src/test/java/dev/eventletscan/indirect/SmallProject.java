package dev.eventletscan.indirect;

import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.Hop;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A few real files written under a folder and scanned by the real scanner, as the indirect tests need. */
final class SmallProject {
    private SmallProject() {}

    static ScanResult scan(Path dir, Map<String, String> files) throws IOException {
        return scan(dir, files, ScanRequest.DEFAULT_WRAPPER_DEPTH);
    }

    static ScanResult scan(Path dir, Map<String, String> files, int wrapperDepth) throws IOException {
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
        ScanRequest request = new ScanRequest(dir, List.of(), List.of(), 1, List.of()).withWrapperDepth(wrapperDepth);
        return Scanner.forRequest(request).scan(request);
    }

    /** {@code path:line:column usage symbol via first>second}, for the indirect findings only. */
    static List<String> indirect(ScanResult result) {
        return result.findings().stream().filter(Finding::isIndirect)
                .map(f -> f.path() + ":" + f.line() + ":" + f.column() + " " + f.usage() + " " + f.symbol() + " via "
                        + String.join(">", f.via().stream().map(Hop::name).toList()))
                .toList();
    }

    /** The finding at {@code path:line}, indirect or not. */
    static Finding at(ScanResult result, String path, int line) {
        return result.findings().stream().filter(f -> f.path().equals(path) && f.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at " + path + ":" + line + " in " + indirect(result)));
    }
}
