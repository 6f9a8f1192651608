package dev.eventletscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.analysis.Analysis;
import dev.eventletscan.analysis.AnalysisListener;
import dev.eventletscan.analysis.AnalysisRequest;
import dev.eventletscan.analysis.AnalysisRequest.Baseline;
import dev.eventletscan.analysis.AnalysisRequest.Gates;
import dev.eventletscan.gate.BaselineFile;
import dev.eventletscan.model.BaselineEntry;
import dev.eventletscan.model.FailOn;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ScanMetadata;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every report format of every sample against a file under
 * src/test/resources/golden/SAMPLE/, byte for byte. After an intended change,
 * run with -Deventletscan.regenerate=true and review the diff like code.
 */
class GoldenReportTest {
    private static final Path GOLDEN = TestSupport.projectDir().resolve("src/test/resources/golden");
    private static final Map<String, ScanResult> RESULTS = new ConcurrentHashMap<>();
    /** Not a sample folder: green-service compared with a baseline and gated, as a CI job sees it. */
    static final String GATED = "green-service-gated";

    /** The format and the golden file's name. */
    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> samples = Files.list(TestSupport.projectDir().resolve("samples"))) {
            for (Path sample : samples.filter(Files::isDirectory).sorted().toList()) {
                for (ReportFormat format : ReportFormat.values()) {
                    out.add(Arguments.of(sample.getFileName().toString(), format));
                }
            }
        }
        for (ReportFormat format : ReportFormat.values()) {
            out.add(Arguments.of(GATED, format));
        }
        return out.stream();
    }

    /**
     * The sample's analysis as the CLI run from the project folder sees it (through the same library entry point),
     * less what differs from run to run or commit to commit: start time and duration, and the commit of this
     * repository (the samples live in it).
     */
    static ScanResult result(String sample) {
        if (sample.equals(GATED)) {
            ScanResult base = result("green-service"); // not inside computeIfAbsent: the map forbids nested updates
            return RESULTS.computeIfAbsent(sample, s -> analyse(gated(base)));
        }
        return RESULTS.computeIfAbsent(sample, s -> analyse(AnalysisRequest.of(Path.of("samples", s))));
    }

    private static ScanResult analyse(AnalysisRequest request) {
        try {
            ScanResult r = Analysis.run(request, AnalysisListener.NONE).result();
            ScanMetadata m = r.metadata();
            return new ScanResult(r.tool(), r.root(), new ScanMetadata(null, null, m.options(), null), r.summary(),
                    r.files(), r.findings(), r.suppressed(), r.rules(), r.problems(), r.assessment(), r.comparison(),
                    r.gate(), r.interfaces());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * green-service against a baseline made from its own findings, less its spawn (so that is new) and plus a
     * usage since removed (so that is fixed), gated on new findings and on monkey patching.
     */
    private static AnalysisRequest gated(ScanResult scan) {
        List<Finding> accepted = scan.findings().stream().filter(f -> !f.ruleId().equals("EVT200")).toList();
        List<BaselineEntry> baseline = new ArrayList<>(BaselineFile.entries(accepted));
        baseline.add(new BaselineEntry("green_service/legacy.py", "EVT300", "eventlet.greenpool.GreenPool", "Legacy.start",
                "pool = eventlet.GreenPool(<size>)", "0".repeat(64)));
        return AnalysisRequest.of(Path.of("samples", "green-service"))
                .withComparison(new Baseline.Entries(".eventlet-scan-baseline.json", baseline), null)
                .withGates(new Gates(FailOn.NEW, 90.0, List.of("monkey-patch"), Severity.LOW));
    }

    static String fileName(ReportFormat format) {
        return "report." + format.id();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void reportMatchesItsGoldenFile(String sample, ReportFormat format) throws IOException {
        StringWriter out = new StringWriter();
        format.renderer().render(result(sample), out);
        Path golden = GOLDEN.resolve(sample).resolve(fileName(format));
        if (Boolean.getBoolean("eventletscan.regenerate")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, out.toString(), StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; create it with -Deventletscan.regenerate=true").exists();
        assertThat(out.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
