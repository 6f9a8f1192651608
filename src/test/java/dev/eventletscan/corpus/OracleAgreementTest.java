package dev.eventletscan.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventletscan.TestSupport;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.walk.WalkOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Recall and precision at usage-site level on real OpenStack code, against an
 * independent check: scripts/oracle/usage_oracle.py, which resolves the same
 * names with CPython's own ast module. Also measures the migration guide's
 * four-line grep on the same code. Figures are printed and kept under
 * target/oracle/ with every disagreement.
 */
@Tag("slow")
class OracleAgreementTest {
    /** Python usage kinds the oracle also reports; dependency, text and query findings are outside its scope. */
    private static final Set<String> PYTHON_USAGES =
            Set.of("import", "call", "decorator", "base-class", "with", "except", "reference", "mock", "string");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"python3-nova, nova", "python3-neutron, neutron", "python3-cinder, cinder", "python3-swift, swift"})
    void agreesWithTheAstOracle(String pkg, String module) throws IOException, InterruptedException {
        assumeThat(python3()).as("python3 not found: the oracle cannot run").isTrue();
        DebianCorpus.Result corpus = DebianCorpus.fetch(pkg);
        assumeThat(corpus.path()).as(pkg + " unavailable, test skipped: " + corpus.whyNot()).isPresent();
        Path root = corpus.path().get().resolve(module);
        Path out = Files.createDirectories(TestSupport.projectDir().resolve("target/oracle"));

        // target/corpus lies in this project's ignored target/: scanned as git sees it, nothing would be left
        ScanRequest request = ScanRequest.of(root).withWalk(new WalkOptions(false, false));
        ScanResult result = Scanner.forRequest(request).scan(request);
        TreeMap<String, Integer> ours = new TreeMap<>();
        Set<String> ourFiles = new TreeSet<>();
        for (Finding f : result.findings()) {
            if (PYTHON_USAGES.contains(f.usage()) && tracked(f.symbol()) && !f.isIndirect()) { // the oracle sees direct usage
                ours.merge(key(f.path(), f.line(), f.symbol()), 1, Integer::sum);
                ourFiles.add(f.path());
            }
        }

        Path oracleFile = out.resolve(module + "-oracle.jsonl");
        python("usage_oracle.py", root.toString(), "--out", oracleFile.toString());
        TreeMap<String, Integer> theirs = new TreeMap<>();
        Set<String> theirFiles = new TreeSet<>();
        for (String line : Files.readAllLines(oracleFile, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode r = JSON.readTree(line);
                theirs.merge(key(r.get("path").asText(), r.get("line").asInt(), r.get("symbol").asText()), 1, Integer::sum);
                theirFiles.add(r.get("path").asText());
            }
        }

        int matched = 0;
        List<String> missed = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (var e : theirs.entrySet()) {
            int both = Math.min(e.getValue(), ours.getOrDefault(e.getKey(), 0));
            matched += both;
            if (e.getValue() > both) {
                missed.add(e.getKey() + " x" + (e.getValue() - both));
            }
        }
        for (var e : ours.entrySet()) {
            int surplus = e.getValue() - theirs.getOrDefault(e.getKey(), 0);
            if (surplus > 0) {
                extra.add(e.getKey() + " x" + surplus);
            }
        }
        int oracleSites = theirs.values().stream().mapToInt(Integer::intValue).sum();
        int ourSites = ours.values().stream().mapToInt(Integer::intValue).sum();
        double recall = oracleSites == 0 ? 1 : (double) matched / oracleSites;
        double precision = ourSites == 0 ? 1 : (double) matched / ourSites;
        Set<String> filesMissed = new TreeSet<>(theirFiles);
        filesMissed.removeAll(ourFiles);

        String grep = python("grep_baseline.py", root.toString(), oracleFile.toString());
        String figures = String.format("%s: oracle %d sites in %d files; eventlet-scan %d sites in %d files; matched %d;"
                        + " recall %.4f, precision %.4f; files missed %d%n%s",
                module, oracleSites, theirFiles.size(), ourSites, ourFiles.size(), matched, recall, precision,
                filesMissed.size(), grep.strip());
        Files.writeString(out.resolve(module + "-agreement.txt"), figures + "\n\nmissed (oracle only):\n"
                + String.join("\n", missed) + "\n\nextra (eventlet-scan only):\n" + String.join("\n", extra) + "\n");
        System.out.println(figures);

        assertThat(oracleSites).as("the oracle found eventlet usage in " + module).isGreaterThan(20);
        assertThat(filesMissed).as("files using eventlet that the scan missed").isEmpty();
        assertThat(recall).as("recall, see target/oracle/" + module + "-agreement.txt").isGreaterThanOrEqualTo(0.99);
        assertThat(precision).as("precision, see target/oracle/" + module + "-agreement.txt").isGreaterThanOrEqualTo(0.99);
    }

    /** The oracle's own unit tests (stdlib unittest), so a broken oracle cannot pass for agreement. */
    @org.junit.jupiter.api.Test
    void theOraclePassesItsOwnTests() throws IOException, InterruptedException {
        assumeThat(python3()).as("python3 not found: the oracle cannot run").isTrue();
        Path dir = TestSupport.projectDir().resolve("scripts/oracle");
        Process p = new ProcessBuilder("python3", "-B", "-m", "unittest", "-q", "test_usage_oracle")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
    }

    private static boolean tracked(String symbol) {
        return symbol.equals("eventlet") || symbol.startsWith("eventlet.") || symbol.equals("greenlet") || symbol.startsWith("greenlet.");
    }

    private static String key(String path, int line, String symbol) {
        return path + ":" + line + " " + symbol;
    }

    private static boolean python3() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a script of scripts/oracle and returns its standard output; fails the test on a non-zero exit. */
    private static String python(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", "-B",
                TestSupport.projectDir().resolve("scripts/oracle").resolve(script).toString()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("oracle", ".err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as(script + " finished").isTrue();
        String stderr = Files.readString(err);
        Files.delete(err);
        assertThat(p.exitValue()).as(script + " failed: " + stderr).isZero();
        return stdout;
    }
}
