package dev.eventletscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.TestSupport.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    private static String sample() {
        return TestSupport.sample("green-service").toString();
    }

    @Test
    void scanPrintsOneFindingPerLineAndASummary() {
        CliRun run = TestSupport.cli("scan", sample());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("green_service/__init__.py:4:1: EVT100 ")
                .contains("(global: every module)")
                .contains("24 findings in 8 files (23 direct in 8 files, 1 indirect in 1 file; 3 Python files walked, 3 parsed, 5 other files read, 2 monkey_patch calls)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonGoesToAFileWrittenWhole() throws IOException {
        Path out = tmp.resolve("report.json");
        CliRun run = TestSupport.cli("scan", sample(), "-o", out.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(out)).startsWith("{\n  \"tool\" : {");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .as("a new report is readable like any other file, not private like the temporary file it was")
                .isEqualTo("rw-r--r--");
        assertThat(run.err()).contains("24 findings in 8 files");
        try (var left = Files.list(tmp)) {
            assertThat(left).containsExactly(out); // no temporary file left behind
        }
    }

    @Test
    void reportsAreByteIdenticalAcrossRunsAndThreadCountsUnlessTimestampsAreAsked() throws IOException {
        Path one = tmp.resolve("one.json");
        Path four = tmp.resolve("four.json");
        Path timed = tmp.resolve("timed.json");
        String samples = TestSupport.projectDir().resolve("samples").toString();
        assertThat(TestSupport.cli("scan", samples, "-q", "-j", "1", "-o", one.toString()).exitCode()).isZero();
        assertThat(TestSupport.cli("scan", samples, "-q", "-j", "4", "-o", four.toString()).exitCode()).isZero();
        assertThat(TestSupport.cli("scan", samples, "-q", "--timestamps", "-o", timed.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(four)).isEqualTo(Files.readAllBytes(one));
        assertThat(Files.readString(one)).doesNotContain("\"timing\"");
        assertThat(Files.readString(timed)).containsPattern("\"startedAt\" : \"\\d{4}-\\d\\d-\\d\\dT[^\"]*Z\"")
                .contains("\"durationMillis\" : ");
    }

    @Test
    void severalReportsInOneRunEachInItsFormat() throws IOException {
        Path json = tmp.resolve("r.json");
        Path md = tmp.resolve("comment.txt");
        CliRun run = TestSupport.cli("scan", sample(), "-o", json.toString(), "-o", "markdown:" + md, "-o", "terminal:-",
                "--color", "never", "-v", "--no-cache"); // a cached scan has no phases to time
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(json)).startsWith("{");
        assertThat(Files.readString(md)).startsWith("## eventlet-scan\n\n**Difficulty 4.5/100 (low)**");
        assertThat(run.out()).contains("green_service/worker.py\n").contains("Difficulty  4.5/100  low")
                .doesNotContain("\u001b[");
        assertThat(run.err()).contains("eventlet-scan: detect").contains("eventlet-scan: assessment");

        CliRun coloured = TestSupport.cli("scan", sample(), "-f", "terminal", "--color", "always");
        assertThat(coloured.out()).contains("\u001b[32mlow");

        CliRun twice = TestSupport.cli("scan", sample(), "-o", "json:-", "-o", "-");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("only one report can go to standard output");
        CliRun unknown = TestSupport.cli("scan", sample(), "-o", tmp.resolve("r.xyz").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("r.xyz: cannot tell the report format from the extension").contains("markdown");
        assertThat(TestSupport.cli("scan", sample(), "--color", "sometimes").exitCode()).isEqualTo(2);
    }

    @Test
    void repositoryTextCannotDriveTheTerminal() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("evil"));
        Files.writeString(project.resolve("bad\u001b]0;owned\u0007name.py"), "import eventlet\n");
        CliRun run = TestSupport.cli("scan", project.toString(), "-f", "terminal", "--color", "never");
        assertThat(run.out()).contains("bad\\x1b]0;owned\\x07name.py").doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(TestSupport.cli("scan", project.toString()).out()).contains("bad\\x1b]0;owned\\x07name.py:1:8: EVT001");
    }

    @Test
    void versionAndHelp() {
        assertThat(TestSupport.cli("--version").out()).startsWith("eventlet-scan ");
        CliRun help = TestSupport.cli("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("scan").contains("Exit codes:");
        assertThat(TestSupport.cli("scan", "--help").out()).contains("--format").contains("--exclude");
    }

    @Test
    void usageAndInputErrorsAreOneLineAndExitTwo() {
        CliRun unknown = TestSupport.cli("scan", sample(), "--frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("eventlet-scan: error: Unknown option: '--frobnicate' (see eventlet-scan scan --help)\n");

        CliRun missing = TestSupport.cli("scan", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("eventlet-scan: error: " + tmp.resolve("nope") + ": no such file or folder");

        CliRun badFormat = TestSupport.cli("scan", sample(), "--format", "xml");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("unknown --format 'xml'");

        CliRun noFolder = TestSupport.cli("scan", sample(), "-o", tmp.resolve("missing/dir/r.json").toString());
        assertThat(noFolder.exitCode()).isEqualTo(2);
        assertThat(noFolder.err()).contains("r.json: cannot write report: folder");

        assertThat(TestSupport.cli().exitCode()).isEqualTo(2);
    }

    @Test
    void aBrokenExtraRuleFileStopsTheRunWithEveryProblem() throws IOException {
        Path rules = Files.writeString(tmp.resolve("mine.yaml"), "format: 1\nrules:\n  - id: X\n");
        CliRun run = TestSupport.cli("scan", sample(), "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("invalid rule file").contains(rules + ":3: rules[0].id:")
                .contains(rules + ":3: rules[0].title: missing");
    }

    @Test
    void rulesAndExplain() {
        assertThat(TestSupport.cli("rules").out()).contains("EVT001").contains("EVT100");
        CliRun explain = TestSupport.cli("explain", "evt100");
        assertThat(explain.exitCode()).isZero();
        assertThat(explain.out()).contains("To threads:").contains("To asyncio:").contains("Matches:").contains("Does not match:");
        assertThat(TestSupport.cli("explain", "EVT999").exitCode()).isEqualTo(2);
    }

    @Test
    void disablingRulesOrCategoriesAndListingSuppressions() throws IOException {
        CliRun noDocs = TestSupport.cli("scan", sample(), "--disable", "docs,EVT801");
        assertThat(noDocs.exitCode()).isZero();
        assertThat(noDocs.out()).doesNotContain("EVT950").doesNotContain("EVT801").contains("EVT800")
                .contains("18 findings in 6 files (17 direct in 6 files, 1 indirect in 1 file;");

        CliRun typo = TestSupport.cli("scan", sample(), "--disable", "dcos");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err().strip()).isEqualTo("eventlet-scan: error: cannot disable 'dcos': no rule or category of that name");

        Path code = Files.writeString(tmp.resolve("svc.py"), "import eventlet  # eventlet-scan: ignore\neventlet.sleep(0)\n");
        CliRun run = TestSupport.cli("scan", code.toString());
        assertThat(run.out()).contains("svc.py:2:1: EVT203 ").contains("svc.py:2:1: EVH105 ") // a yield: a threading hazard too
                .contains("svc.py:1:8: suppressed: EVT001 imports eventlet")
                .contains("2 findings in 1 file (1 Python file walked, 1 parsed, 1 suppressed)");
    }

    @Test
    void explainShowsHowAQueryRuleMatches() {
        CliRun explain = TestSupport.cli("explain", "EVT911");
        assertThat(explain.out()).contains("matches: tree-sitter query: (keyword_argument").contains("category: config");
    }

    @Test
    void aMissingNativeLibraryDirectoryStopsTheRun() {
        String before = System.getProperty("eventletscan.native.dir");
        // Only checked before the libraries were first loaded in this JVM; afterwards they stay loaded.
        CliRun run = TestSupport.cli("scan", sample(), "--native-dir", tmp.resolve("none").toString());
        if (run.exitCode() != 0) {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip()).startsWith("eventlet-scan: error: native parser: ")
                    .contains("libtree-sitter.so: missing");
        }
        assertThat(System.getProperty("eventletscan.native.dir")).as("--native-dir travels in the request, not a system property")
                .isEqualTo(before);
        // the next run without --native-dir does not inherit it
        assertThat(TestSupport.cli("scan", sample(), "--no-cache").exitCode()).isZero();
    }
}
