package dev.eventletscan.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every project under samples/ is scanned and its findings compared exactly
 * with its expected.findings file. Run with -Deventletscan.regenerate=true to
 * rewrite those files after an intended change, then review the diff.
 */
class SamplesTest {
    static final String EXPECTED = "expected.findings";

    @TestFactory
    Stream<DynamicTest> eachSampleFindsExactlyWhatItsExpectedFileSays() throws IOException {
        List<Path> samples;
        try (Stream<Path> dirs = Files.list(TestSupport.projectDir().resolve("samples"))) {
            samples = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(2);
        return samples.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path sample) throws IOException {
        ScanRequest request = ScanRequest.of(sample);
        ScanResult result = Scanner.forRequest(request).scan(request);
        String actual = describe(result);
        Path expectedFile = sample.resolve(EXPECTED);
        if (Boolean.getBoolean("eventletscan.regenerate")) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(expectedFile).as("expected findings of " + sample.getFileName()).exists();
        assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
        assertThat(result.problems()).as("processing problems").isEmpty();
    }

    /** One line per finding, stable across message rewording: position, rule, symbol, usage, context, details. */
    static String describe(ScanResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("# path:line:column rule symbol usage [scope=] [guarded] [test] [init] [entry=] [main] [patch=mode:patched] [via=interfaces]");
        result.findings().forEach(f -> lines.add(describe(f)));
        result.suppressed().forEach(f -> lines.add("suppressed " + describe(f)));
        lines.add("# " + result.summary().findings() + " findings, " + result.summary().suppressed() + " suppressed, "
                + result.summary().filesWalked() + " Python files walked, " + result.summary().filesParsed() + " parsed, "
                + result.summary().otherFilesWalked() + " other files read");
        return String.join("\n", lines) + "\n";
    }

    private static String describe(Finding f) {
        StringBuilder sb = new StringBuilder()
                .append(f.path()).append(':').append(f.line()).append(':').append(f.column())
                .append(' ').append(f.ruleId()).append(' ').append(f.symbol()).append(' ').append(f.usage());
        if (!f.scope().isEmpty()) {
            sb.append(" scope=").append(f.scope());
        }
        if (f.guarded()) {
            sb.append(" guarded");
        }
        if (f.context().test()) {
            sb.append(" test");
        }
        if (f.context().packageInit()) {
            sb.append(" init");
        }
        if (!f.context().entryPoints().isEmpty()) {
            sb.append(" entry=").append(String.join(",", f.context().entryPoints()));
        }
        if (f.context().mainBlock()) {
            sb.append(" main");
        }
        if (f.monkeyPatch() != null) {
            sb.append(" patch=").append(f.monkeyPatch().mode()).append(':')
                    .append(String.join(",", f.monkeyPatch().patched()));
        }
        if (f.isIndirect()) {
            sb.append(" via=").append(String.join(">", f.via().stream().map(h -> h.name()).toList()));
        }
        return sb.toString();
    }
}
