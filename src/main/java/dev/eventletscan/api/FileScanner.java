package dev.eventletscan.api;

import dev.eventletscan.cache.ResultCache;
import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.detect.NeedleSearch;
import dev.eventletscan.detect.Suppressions;
import dev.eventletscan.detect.manifest.DependencyDetector;
import dev.eventletscan.detect.manifest.Manifest;
import dev.eventletscan.detect.manifest.Manifests;
import dev.eventletscan.detect.manifest.SetupPy;
import dev.eventletscan.detect.python.ModuleInterface;
import dev.eventletscan.detect.python.PythonDetector;
import dev.eventletscan.detect.text.TextDetector;
import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.model.FileSummary;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.parse.PythonParser;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.parse.SyntaxTree;
import dev.eventletscan.rules.RuleSet;
import dev.eventletscan.walk.FileContents;
import dev.eventletscan.walk.SourceFile;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads, filters, parses and detects one file at a time. One per worker
 * thread, as it owns a native parser and compiled queries.
 */
final class FileScanner implements AutoCloseable {
    /** Text rules skip files larger than this: logs and data dumps, not configuration. */
    static final long MAX_TEXT_BYTES = 4L << 20;
    /**
     * Python files above this are generated code, not code anyone migrates by hand; parsing one costs gigabytes
     * of native tree (a 68 MB file took 5.6 GB and then ran the JVM out of heap), so it is reported instead.
     */
    static final long MAX_PYTHON_BYTES = 20L << 20;

    private final RuleSet rules;
    private final PythonDetector python;
    private final TextDetector text;
    private final DependencyDetector dependencies;
    private final NeedleSearch needles;
    private PythonParser parser;
    private final Duration parseTimeout;
    private final FileContents contents;
    private final ResultCache cache;
    private final CombinedQueries queries;
    /** Whether {@link #queries} is this scanner's own, to close with it, or shared by the scan's workers. */
    private final boolean ownQueries;

    FileScanner(RuleSet rules) {
        this(rules, ScanRequest.DEFAULT_PARSE_TIMEOUT, FileContents.DISK, ResultCache.disabled(), null);
    }

    /** @param queries the scan's compiled query rules, shared by its workers; null for this scanner's own */
    FileScanner(RuleSet rules, Duration parseTimeout, FileContents contents, ResultCache cache, CombinedQueries queries) {
        this.ownQueries = queries == null;
        this.queries = ownQueries ? new CombinedQueries(rules) : queries;
        this.parseTimeout = parseTimeout;
        this.contents = contents;
        this.cache = cache;
        this.rules = rules;
        this.python = new PythonDetector(rules);
        this.text = new TextDetector(rules);
        this.dependencies = new DependencyDetector(rules);
        // upper case too: environment variables (EVENTLET_HUB) name the package that way
        this.needles = new NeedleSearch(rules.trackedRoots().stream().sorted()
                .flatMap(r -> Stream.of(r, r.toUpperCase(Locale.ROOT))).toList());
    }

    /** Reads a manifest for the project-wide pre-pass; null when the file is not one. */
    Manifest readManifest(SourceFile file, List<ProcessingIssue> problems) {
        boolean setupPy = file.python() && SetupPy.isSetupPy(file.relativePath());
        if (!setupPy && (file.python() || !Manifests.isManifest(file.relativePath()))) {
            return null;
        }
        try {
            if (contents.size(file) > (setupPy ? MAX_PYTHON_BYTES : MAX_TEXT_BYTES)) {
                return null; // the detection pass reports the size, in one line
            }
            SourceText source = SourceText.decode(contents.read(file));
            return setupPy ? SetupPy.read(file.relativePath(), parser().parse(source))
                    : Manifests.read(file.relativePath(), source);
        } catch (IOException e) {
            return null; // the detection pass reads the file again and reports why it cannot: one line, not two
        } catch (RuntimeException e) {
            problems.add(ProcessingIssue.warning(file.relativePath(), "cannot read as a manifest: " + describe(e)));
            return null;
        }
    }

    FileOutcome scan(SourceFile file, FileFacts facts, Manifest manifest) {
        byte[] raw;
        try {
            long size = contents.size(file);
            if (!file.python() && size > MAX_TEXT_BYTES) {
                return FileOutcome.failed(ProcessingIssue.warning(file.relativePath(),
                        "larger than " + (MAX_TEXT_BYTES >> 20) + " MiB, not read by text rules"));
            }
            if (file.python() && size > MAX_PYTHON_BYTES) {
                return FileOutcome.failed(ProcessingIssue.error(file.relativePath(), "larger than " + (MAX_PYTHON_BYTES >> 20)
                        + " MiB (" + (size >> 20) + " MiB): generated code, not parsed"));
            }
            raw = contents.read(file);
        } catch (NoSuchFileException e) {
            return FileOutcome.failed(ProcessingIssue.error(file.relativePath(), "file disappeared during the scan"));
        } catch (IOException | SecurityException e) {
            return FileOutcome.failed(ProcessingIssue.error(file.relativePath(), "cannot read: " + describe(e)));
        } catch (OutOfMemoryError e) {
            return FileOutcome.failed(ProcessingIssue.error(file.relativePath(), "too large to read into memory"));
        }
        boolean utf16 = SourceText.hasUtf16Bom(raw);
        boolean mayHold = utf16 || (file.python() ? mayHoldFinding(facts, raw) : text.mayMatch(file.fileName(), raw));
        if (!mayHold && manifest == null) {
            return FileOutcome.skipped();
        }
        // Findings depend on the bytes, on where the file sits (paths, entry points) and on its manifest.
        String key = cache.enabled() ? ResultCache.key("detect", file.relativePath() + "\0" + file.python() + "\0" + facts + "\0" + manifest, raw) : null;
        FileOutcome cached = key == null ? null : cache.get(key, FileOutcome.class);
        if (cached != null) {
            return cached;
        }
        FileOutcome outcome = detect(file, facts, manifest, raw, utf16);
        if (key != null) {
            cache.put(key, outcome);
        }
        return outcome;
    }

    private FileOutcome detect(SourceFile file, FileFacts facts, Manifest manifest, byte[] raw, boolean utf16) {
        if (!utf16 && SourceText.looksBinary(raw)) {
            return FileOutcome.failed(ProcessingIssue.warning(file.relativePath(), "binary content (NUL bytes), not scanned"));
        }
        List<ProcessingIssue> problems = new ArrayList<>();
        SourceText source = SourceText.decode(raw);
        if (source.decodingNote() != null) {
            problems.add(ProcessingIssue.warning(file.relativePath(), source.decodingNote()));
        }
        List<Finding> findings = new ArrayList<>();
        ModuleInterface offered = null;
        int syntaxErrors = 0;
        if (manifest != null) {
            findings.addAll(dependencies.detect(facts, source, manifest));
        }
        if (file.python()) {
            if (mayHoldFinding(facts, source.utf8())) {
                SyntaxTree tree = parser().parse(source, queries.forFile(source.utf8()));
                syntaxErrors = tree.errorCount();
                if (syntaxErrors > 0) {
                    problems.add(ProcessingIssue.warning(file.relativePath(),
                            "syntax errors (" + syntaxErrors + (syntaxErrors == 1 ? " error node" : " error nodes")
                                    + "); scanned what could be parsed"));
                }
                PythonDetector.Detection detection = python.detectWithInterface(facts, tree);
                findings.addAll(detection.findings());
                offered = detection.offered().isEmpty() ? null : detection.offered();
            } else if (manifest == null) {
                return new FileOutcome(null, List.of(), List.of(), problems);
            }
        } else if (text.mayMatch(file.fileName(), source.utf8())) {
            findings.addAll(text.detect(facts, source));
        }
        findings.sort(Finding.ORDER);
        Suppressions.Split split = Suppressions.apply(source, findings);
        var summary = new FileSummary(file.relativePath(), file.python() ? "python" : "text",
                split.kept().size(), split.suppressed().size(), syntaxErrors, Excerpts.around(source, split.kept()));
        return new FileOutcome(summary, split.kept(), split.suppressed(), problems, offered);
    }

    /**
     * A file inside eventlet's package (eventlet itself, or a vendored copy) reaches its siblings by relative
     * imports that never spell the package's name, so it is always read.
     */
    private boolean mayHoldFinding(FileFacts facts, byte[] content) {
        String top = facts.module().split("\\.")[0];
        boolean insideEventlet = top.equals(PythonDetector.PACKAGE) && rules.trackedRoots().contains(top);
        return insideEventlet || mayHoldFinding(content);
    }

    /** A byte search for the tracked package names: a file that never names one cannot use it. */
    boolean mayHoldFinding(byte[] content) {
        return needles.foundIn(content);
    }

    private PythonParser parser() {
        if (parser == null) {
            parser = new PythonParser();
            parser.setTimeLimit(parseTimeout);
        }
        return parser;
    }

    private static String describe(Exception e) {
        if (e instanceof IOException io) {
            return FileErrors.reason(io);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void close() {
        if (parser != null) {
            parser.close();
        }
        if (ownQueries) {
            queries.close();
        }
    }
}
