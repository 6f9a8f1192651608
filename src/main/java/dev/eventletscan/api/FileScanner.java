package dev.eventletscan.api;

import dev.eventletscan.detect.FileDetector;
import dev.eventletscan.model.FileSummary;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.parse.PythonParser;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.parse.SyntaxTree;
import dev.eventletscan.walk.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads, filters, parses and detects one file at a time. One per worker
 * thread, as it owns a native parser.
 */
final class FileScanner implements AutoCloseable {
    private final FileDetector detector;
    private final byte[][] needles;
    private PythonParser parser;

    FileScanner(FileDetector detector, Set<String> trackedRoots) {
        this.detector = detector;
        this.needles = trackedRoots.stream().sorted().map(r -> r.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    FileOutcome scan(SourceFile file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file.path());
        } catch (NoSuchFileException e) {
            return FileOutcome.failed(ProcessingIssue.error(file.relativePath(), "file disappeared during the scan"));
        } catch (IOException | SecurityException e) {
            return FileOutcome.failed(ProcessingIssue.error(file.relativePath(), "cannot read: " + describe(e)));
        } catch (OutOfMemoryError e) {
            return FileOutcome.failed(ProcessingIssue.error(file.relativePath(), "too large to read into memory"));
        }
        boolean utf16 = SourceText.hasUtf16Bom(raw);
        if (!utf16 && !mayHoldFinding(raw)) {
            return FileOutcome.skipped();
        }
        if (!utf16 && SourceText.looksBinary(raw)) {
            return FileOutcome.failed(ProcessingIssue.warning(file.relativePath(), "binary content (NUL bytes), not scanned"));
        }
        List<ProcessingIssue> problems = new ArrayList<>();
        SourceText source = SourceText.decode(raw);
        if (source.decodingNote() != null) {
            problems.add(ProcessingIssue.warning(file.relativePath(), source.decodingNote()));
        }
        if (!mayHoldFinding(source.utf8())) {
            return new FileOutcome(null, List.of(), problems);
        }
        SyntaxTree tree = parser().parse(source);
        if (tree.errorCount() > 0) {
            problems.add(ProcessingIssue.warning(file.relativePath(),
                    "syntax errors (" + tree.errorCount() + " error nodes); scanned what could be parsed"));
        }
        List<Finding> findings = detector.detect(file.relativePath(), tree);
        return new FileOutcome(new FileSummary(file.relativePath(), findings.size(), tree.errorCount()), findings, problems);
    }

    /** A byte search for the tracked package names: a file that never names one cannot use it. */
    boolean mayHoldFinding(byte[] content) {
        for (byte[] needle : needles) {
            if (indexOf(content, needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            return 0;
        }
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private PythonParser parser() {
        if (parser == null) {
            parser = new PythonParser();
        }
        return parser;
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    @Override
    public void close() {
        if (parser != null) {
            parser.close();
        }
    }
}
