package dev.eventletscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.ScanMetadata;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.io.StringWriter;
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
        return out.stream();
    }

    /**
     * The sample's scan as the CLI run from the project folder sees it, less what differs from run to run or
     * commit to commit: start time and duration, and the commit of this repository (the samples live in it).
     */
    static ScanResult result(String sample) {
        return RESULTS.computeIfAbsent(sample, s -> {
            ScanRequest request = ScanRequest.of(Path.of("samples", s));
            try {
                ScanResult r = Scanner.forRequest(request).scan(request);
                ScanMetadata m = r.metadata();
                return new ScanResult(r.tool(), r.root(), new ScanMetadata(null, null, m.options(), null), r.summary(),
                        r.files(), r.findings(), r.suppressed(), r.rules(), r.problems(), r.assessment());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
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
