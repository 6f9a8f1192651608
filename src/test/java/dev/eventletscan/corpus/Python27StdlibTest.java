package dev.eventletscan.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventletscan.TestSupport;
import dev.eventletscan.TestSupport.CliRun;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ProcessingIssue;
import dev.eventletscan.model.ScanResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: the scan completes over the whole Python 2.7 standard library. As it never names eventlet, a second
 * scan runs over a copy in which every file ends with an eventlet call, so that every file goes through the
 * parser and the detectors, and the call on its last line shows that each parse reached the end.
 */
@Tag("slow")
class Python27StdlibTest {
    /** Problems that mean we failed, not the file. */
    private static final List<String> OUR_FAULT = List.of("internal error", "nested too deeply", "out of memory", "parse stopped");

    @TempDir
    Path tmp;

    private static Path stdlib() {
        Optional<Path> dir = Python27Stdlib.locate();
        assumeThat(dir).as("no python2.7 (PYENV_VERSION=2.7.18) on this machine: the Python 2 corpus test is skipped").isPresent();
        return dir.get();
    }

    @Test
    void theScanCompletesOverAllOfIt() throws Exception {
        Path dir = stdlib();
        List<String> onDisk = Python27Stdlib.pythonFiles(dir);
        Path report = tmp.resolve("report.json");

        long start = System.nanoTime();
        // pyenv's own git repository ignores versions/: scanned as git sees it, nothing would be left
        CliRun run = TestSupport.cli("scan", dir.toString(), "--no-ignore-above", "-q", "-o", report.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        JsonNode summary = json.path("summary");
        System.out.printf("Python 2.7 stdlib (%s): %d .py files, %d walked, %d parsed, %d with syntax errors, %d problems, %d ms%n",
                dir, onDisk.size(), summary.path("filesWalked").asInt(), summary.path("filesParsed").asInt(),
                summary.path("filesWithSyntaxErrors").asInt(), json.path("problems").size(), millis);
        assertThat(summary.path("filesWalked").asInt()).as("every .py file walked").isEqualTo(onDisk.size());
        assertThat(json.path("problems")).extracting(p -> p.path("message").asText())
                .noneMatch(m -> OUR_FAULT.stream().anyMatch(m::contains));
    }

    @Test
    void everyFileParsesToItsLastLine() throws Exception {
        Path dir = stdlib();
        List<String> files = Python27Stdlib.pythonFiles(dir);
        Path copy = tmp.resolve("stdlib");
        for (String file : files) {
            Path target = copy.resolve(file);
            Files.createDirectories(target.getParent());
            byte[] original = Files.readAllBytes(dir.resolve(file));
            Files.write(target, original);
            Files.write(target, "\nimport eventlet\neventlet.sleep(0)\n".getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.APPEND);
        }

        long start = System.nanoTime();
        ScanRequest request = ScanRequest.of(copy);
        ScanResult result = Scanner.forRequest(request).scan(request);
        long millis = (System.nanoTime() - start) / 1_000_000;

        Set<String> reachedTheEnd = result.findings().stream().filter(f -> f.ruleId().equals("EVT203"))
                .map(Finding::path).collect(Collectors.toSet());
        System.out.printf("Python 2.7 stdlib, each file ending in an eventlet call: %d files, %d parsed, %d with syntax errors, "
                        + "%d with the last-line call found, %d problems, %d ms%n", files.size(), result.summary().filesParsed(),
                result.summary().filesWithSyntaxErrors(), reachedTheEnd.size(), result.problems().size(), millis);
        assertThat(result.summary().filesParsed()).isEqualTo(files.size());
        assertThat(result.problems()).extracting(ProcessingIssue::message).noneMatch(m -> OUR_FAULT.stream().anyMatch(m::contains));
        assertThat(files).as("files whose last-line call was not found").allMatch(reachedTheEnd::contains);
    }
}
