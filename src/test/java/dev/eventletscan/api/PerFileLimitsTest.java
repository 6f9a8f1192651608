package dev.eventletscan.api;

import static dev.eventletscan.TestSupport.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport.CliRun;
import dev.eventletscan.parse.ParseTimeoutException;
import dev.eventletscan.parse.PythonParser;
import dev.eventletscan.parse.SourceText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose parse runs past the time limit, or that is too large to be hand-written code, is reported and
 * skipped; the scan, and the parser, go on.
 */
class PerFileLimitsTest {
    @TempDir
    Path tmp;

    static String big() {
        return "import eventlet\n" + "x = eventlet.sleep(1) + [1, 2, (3, {4: 5})]\n".repeat(300_000); // about 13 MB
    }

    @Test
    void theParserStopsAtItsLimitAndParsesTheNextFileWhole() {
        try (PythonParser parser = new PythonParser()) {
            parser.setTimeLimit(Duration.ofMillis(20));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> parser.parse(SourceText.of(big())))
                    .isInstanceOf(ParseTimeoutException.class).hasMessageContaining("time limit of 0.02 s");
            var tree = parser.parse(SourceText.of("import eventlet\neventlet.sleep(0)\n"));
            assertThat(tree.errorCount()).as("a halted parse must not leak into the next").isZero();
            assertThat(tree.size()).as("nodes of this file, not of the halted one").isLessThan(40);
        }
    }

    @Test
    void theScanReportsTheFileAndScansTheOthers() throws Exception {
        Files.writeString(tmp.resolve("a_huge.py"), big());
        Files.writeString(tmp.resolve("b_small.py"), "import eventlet\neventlet.spawn(print)\n");

        CliRun run = cli("scan", tmp.toString(), "-j", "1", "--parse-timeout", "0.02", "--format", "text");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("a_huge.py: error: parse stopped after the time limit of 0.02 s (--parse-timeout); file not scanned")
                .contains("b_small.py:2:1: EVT200").doesNotContain("a_huge.py:2:");
        assertThat(cli("scan", tmp.toString(), "--parse-timeout", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void aPythonFileOverTwentyMegabytesIsReportedNotParsed() throws Exception {
        byte[] line = "x = eventlet.sleep(1)\n".getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(tmp.resolve("generated.py"))) {
            out.write("import eventlet\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written <= FileScanner.MAX_PYTHON_BYTES; written += line.length) {
                out.write(line);
            }
        }
        Files.writeString(tmp.resolve("small.py"), "import eventlet\neventlet.spawn(print)\n");

        CliRun run = cli("scan", tmp.toString(), "--format", "text");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("generated.py: error: larger than 20 MiB (20 MiB): generated code, not parsed")
                .contains("small.py:2:1: EVT200").doesNotContain("generated.py:2:");
    }
}
