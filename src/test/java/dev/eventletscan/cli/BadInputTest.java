package dev.eventletscan.cli;

import static dev.eventletscan.TestSupport.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventletscan.ChildJvm;
import dev.eventletscan.TestSupport.CliRun;
import dev.eventletscan.api.ScanListener;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.report.ReportFormat;
import dev.eventletscan.report.TextRenderer;
import dev.eventletscan.report.html.HtmlView;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's bad input, one test a case, through the real CLI on real files: each problem is one line naming the
 * file and the problem, the other files are still scanned, and the exit code is the README's.
 *
 * <p>Covered elsewhere, not repeated here: a path that does not exist and an unknown option
 * ({@link CliTest#usageAndInputErrorsAreOneLineAndExitTwo}); field-level mistakes in rule files, configuration and
 * baselines (RuleLoaderTest, CliTest, ProjectConfigTest, BaselineFileTest); the parse time limit and files over
 * 20 MiB (PerFileLimitsTest).
 */
class BadInputTest {
    @TempDir
    Path tmp;

    private Path write(String relative, String text) throws IOException {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String relative, byte[] bytes) throws IOException {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** A well-behaved file beside the bad one: its finding must survive whatever the bad one does. */
    private void writeGoodFile() throws IOException {
        write("good.py", "import eventlet\neventlet.spawn(print)\n");
    }

    private void assertGoodFileScanned(CliRun run) {
        assertThat(run.out()).contains(tmp + "/good.py:2:1: EVT200 ");
    }

    private CliRun scanText(String... more) {
        List<String> args = new ArrayList<>(List.of("scan", tmp.toString(), "--format", "text"));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void invalidUtf8IsReplacedReportedAndScanned() throws Exception {
        writeGoodFile();
        write("garbled.py", bytes("import eventlet\nname = '\u00ff\u00fe'\neventlet.sleep(0)\n", StandardCharsets.ISO_8859_1));

        CliRun run = scanText();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains(tmp + "/garbled.py: warning: invalid UTF-8: undecodable bytes were replaced with U+FFFD");
        assertThat(run.out()).contains(tmp + "/garbled.py:3:1: EVT203 ");
        assertGoodFileScanned(run);
    }

    @Test
    void utf16WithAByteOrderMarkIsDecoded() throws Exception {
        writeGoodFile();
        String code = "import eventlet\neventlet.sleep(0)\n";
        write("utf16be.py", bytes(code, StandardCharsets.UTF_16)); // Java writes a big-endian byte order mark
        write("utf16le.py", concat(new byte[] {(byte) 0xff, (byte) 0xfe}, bytes(code, StandardCharsets.UTF_16LE)));

        CliRun run = scanText();

        assertThat(run.exitCode()).isZero();
        for (String file : List.of("utf16be.py", "utf16le.py")) {
            assertThat(run.out().lines()).contains(tmp + "/" + file + ": warning: decoded from UTF-16 (byte order mark)");
            assertThat(run.out()).contains(tmp + "/" + file + ":2:1: EVT203 ");
        }
        assertGoodFileScanned(run);
    }

    /** A latin-1 cookie decodes the file without complaint; an unknown one is named, and UTF-8 is tried. */
    @Test
    void aCodingCookieDecidesTheDecoding() throws Exception {
        writeGoodFile();
        write("latin1.py", bytes("# -*- coding: latin-1 -*-\nname = 'caf\u00e9'; import eventlet\n", StandardCharsets.ISO_8859_1));
        write("klingon.py", "# coding: klingon\nimport eventlet\n");

        CliRun run = scanText();
        CliRun json = cli("scan", tmp.toString(), "-q", "-f", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(tmp + "/latin1.py:2:23: EVT001 ").doesNotContain("latin1.py: warning");
        assertThat(run.out().lines()).contains(tmp + "/klingon.py: warning: unknown coding cookie 'klingon': read as UTF-8");
        assertThat(json.out()).contains("\"code\" : \"name = 'caf\u00e9'; import eventlet\"");
        assertGoodFileScanned(run);
    }

    @Test
    void aBinaryFileNamedPyIsPassedOver() throws Exception {
        writeGoodFile();
        write("binary.py", concat(bytes("import eventlet\n", StandardCharsets.US_ASCII), new byte[] {0, 1, 2, (byte) 0x89, 'P', 'N', 'G'}));

        CliRun run = scanText();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains(tmp + "/binary.py: warning: binary content (NUL bytes), not scanned");
        assertThat(run.out()).doesNotContain("binary.py:1:");
        assertGoodFileScanned(run);
    }

    @Test
    void emptyFilesAreWalkedQuietly() throws Exception {
        writeGoodFile();
        write("empty.py", "");
        write("pkg/__init__.py", "");

        CliRun run = scanText();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("empty.py").doesNotContain("__init__").doesNotContain("problem")
                .contains("(3 Python files walked, 1 parsed)");
        assertGoodFileScanned(run);
    }

    /** 50 MiB of Python is generated code and is not parsed; 50 MiB of documentation is not read by text rules. */
    @Test
    void fiftyMegabyteFilesAreReportedNotRead() throws Exception {
        writeGoodFile();
        writeLarge("generated.py", "import eventlet\n", "x = eventlet.sleep(1)\n", 50L << 20);
        writeLarge("README.md", "eventlet\n", "Eventlet is used here.\n", 50L << 20);

        CliRun run = scanText();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains(tmp + "/generated.py: error: larger than 20 MiB (50 MiB): generated code, not parsed",
                tmp + "/README.md: warning: larger than 4 MiB, not read by text rules");
        assertThat(run.out()).doesNotContainPattern("generated\\.py:\\d").doesNotContainPattern("README\\.md:\\d");
        assertGoodFileScanned(run);
    }

    private void writeLarge(String name, String head, String line, long size) throws IOException {
        byte[] bytes = bytes(line, StandardCharsets.US_ASCII);
        try (var out = new BufferedOutputStream(Files.newOutputStream(tmp.resolve(name)), 1 << 16)) {
            out.write(bytes(head, StandardCharsets.US_ASCII));
            for (long written = head.length(); written < size; written += bytes.length) {
                out.write(bytes);
            }
        }
    }

    /** Print statements, exec, backticks, {@code <>}, {@code except E, e}, tuple parameters: eventlet found all the same. */
    @Test
    void python2SyntaxIsScanned() throws Exception {
        writeGoodFile();
        write("legacy.py", """
                import sys
                import eventlet
                from eventlet import greenthread
                print "starting", sys.argv
                print >>sys.stderr, "to stderr"
                exec "x = 1"
                if 1 <> 2:
                    y = `x`
                mode = 0777
                big = 10L
                name = ur"raw"
                try:
                    eventlet.sleep(0)
                except IOError, e:
                    raise ValueError, "failed"
                def pair((a, b)):
                    return greenthread.spawn(pair, (a, b))
                eventlet.spawn_n(pair, (1, 2))
                """);

        CliRun run = scanText();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(tmp + "/legacy.py:13:5: EVT203 ", tmp + "/legacy.py:17:12: EVT200 ",
                tmp + "/legacy.py:18:1: EVT201 ").doesNotContain("legacy.py: warning");
        assertGoodFileScanned(run);
    }

    @Test
    void syntaxErrorsAreCountedAndTheRestIsScanned() throws Exception {
        writeGoodFile();
        write("broken.py", "import eventlet\nfor in range(3):\n    pass\neventlet.sleep(0)\nwhile True print(1)\n");

        CliRun run = scanText();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains(tmp + "/broken.py: warning: syntax errors (3 error nodes); scanned what could be parsed");
        assertThat(run.out()).contains(tmp + "/broken.py:4:1: EVT203 ").contains("1 file with syntax errors");
        assertGoodFileScanned(run);
    }

    /** Real permissions, in a child JVM without root's capabilities (see {@link Unprivileged}). */
    @Tag("slow") // a child JVM
    @Test
    void unreadableFilesAndFoldersAreReported() throws Exception {
        writeGoodFile();
        Path secret = write("secret.py", "import eventlet\n");
        Path requirements = write("requirements.txt", "eventlet>=0.30\n");
        Path locked = write("locked/inner.py", "import eventlet\n").getParent();
        var none = PosixFilePermissions.fromString("---------");
        Files.setPosixFilePermissions(secret, none);
        Files.setPosixFilePermissions(requirements, none);
        Files.setPosixFilePermissions(locked, none);
        try {
            CliRun run = Unprivileged.jvm().cli("scan", tmp.toString(), "--format", "text");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines()).contains(tmp + "/secret.py: error: cannot read: permission denied",
                    tmp + "/requirements.txt: error: cannot read: permission denied",
                    tmp + "/locked/: warning: cannot list folder: permission denied");
            assertThat(run.out().lines().filter(l -> l.contains("requirements.txt"))).as("one line per problem").hasSize(1);
            assertGoodFileScanned(run);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Deleted for real between the walk and detection, which the listener hears start. */
    @Test
    void aFileDeletedDuringTheScanIsReported() throws Exception {
        writeGoodFile();
        Path doomed = write("doomed.py", "import eventlet\n");
        var request = ScanRequest.of(tmp);
        var deleting = new ScanListener() {
            @Override
            public void phaseStarted(Phase phase, int files) {
                if (phase == Phase.DETECT) {
                    try {
                        Files.delete(doomed);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };

        var result = Scanner.forRequest(request).scan(request, deleting);
        var text = new StringWriter();
        new TextRenderer().render(result, text);

        assertThat(text.toString().lines()).contains(tmp + "/doomed.py: error: file disappeared during the scan");
        assertThat(text.toString()).contains(tmp + "/good.py:2:1: EVT200 ").contains("(2 Python files walked, 1 parsed, 1 problem)");
    }

    @Test
    void aSingleBadFileIsAValidTarget() throws Exception {
        Path broken = write("broken.py", "import eventlet\ndef f(:\neventlet.sleep(0)\n");

        CliRun run = cli("scan", broken.toString(), "--format", "text");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains(broken + ": warning: syntax errors (1 error node); scanned what could be parsed");
        assertThat(run.out()).contains(broken + ":3:1: EVT203 ").contains("(1 Python file walked, 1 parsed, 1 file with syntax errors, 1 problem)");
    }

    /** An empty folder, and a git repository without a commit: nothing found, nothing wrong. */
    @Test
    void anEmptyRepositoryHasNothingToReport() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Path unborn = Files.createDirectories(tmp.resolve("unborn"));
        dev.eventletscan.TempGitRepo.init(unborn, "main").close();

        for (Path dir : List.of(plain, unborn)) {
            CliRun run = cli("scan", dir.toString(), "--format", "text");
            assertThat(run.exitCode()).as(dir.toString()).isZero();
            assertThat(run.out()).as(dir.toString()).startsWith("0 findings in 0 files (0 Python files walked, 0 parsed)\n");
            assertThat(run.err()).isEmpty();
        }
        assertThat(cli("scan", unborn.toString(), "-f", "json").out()).doesNotContain("\"commit\"");
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Every kind of expression nesting, 5,000 deep, in a JVM with the launcher's default thread stack. */
    @Tag("slow") // a child JVM
    @Test
    void expressionsNestedFiveThousandDeepAreScanned() throws Exception {
        int n = 5_000;
        String call = "eventlet.sleep(0)";
        Map<String, String> nested = new TreeMap<>(Map.of(
                "parentheses", "(".repeat(n) + call + ")".repeat(n),
                "lists", "[".repeat(n) + call + "]".repeat(n),
                "calls", "f(".repeat(n) + call + ")".repeat(n),
                "subscripts", call + "[0]".repeat(n),
                "lambdas", "lambda: ".repeat(n) + call,
                "negations", "-".repeat(n) + call,
                "nots", "not ".repeat(n) + call,
                "sums", String.join(" + ", Collections.nCopies(n, call))));
        nested.put("attributes", "eventlet" + ".x".repeat(n));
        nested.put("targets", "(".repeat(n) + "a" + ")".repeat(n) + ", b = " + call);
        for (var e : nested.entrySet()) {
            write(e.getKey() + ".py", "import eventlet\nx = " + e.getValue() + "\n");
        }
        writeGoodFile();

        CliRun run = ChildJvm.create().cli("scan", tmp.toString(), "--format", "text");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain(": error: ").doesNotContain(": warning: ");
        for (String name : nested.keySet()) {
            String rule = name.equals("attributes") ? "EVT002" : "EVT203";
            assertThat(run.out()).as(name).containsPattern("(?m)^" + Pattern.quote(tmp + "/" + name + ".py") + ":2:\\d+: " + rule + " ");
        }
        assertGoodFileScanned(run);
    }

    @Test
    void symbolicLinkLoopsAreReportedAndNotFollowed() throws Exception {
        writeGoodFile();
        write("pkg/mod.py", "import eventlet\n");
        Files.createSymbolicLink(tmp.resolve("pkg/loop"), Path.of(".."));
        Files.createSymbolicLink(tmp.resolve("self.py"), Path.of("self.py"));
        Files.createSymbolicLink(tmp.resolve("ping.py"), Path.of("pong.py"));
        Files.createSymbolicLink(tmp.resolve("pong.py"), Path.of("ping.py"));
        Files.createSymbolicLink(tmp.resolve("dangling.py"), Path.of("nowhere.py"));

        CliRun run = cli("scan", tmp.toString(), "--format", "text");

        assertThat(run.exitCode()).isZero();
        String unresolved = ": warning: symbolic link cannot be resolved (Too many levels of symbolic links or unable to access "
                + "attributes of symbolic link), not followed";
        assertThat(run.out().lines()).contains(
                tmp + "/pkg/loop/: warning: symbolic link loop: folder already visited, not followed",
                tmp + "/self.py" + unresolved, tmp + "/ping.py" + unresolved, tmp + "/pong.py" + unresolved,
                tmp + "/dangling.py: warning: broken symbolic link, skipped");
        assertThat(run.out()).contains(tmp + "/pkg/mod.py:1:8: EVT001 ").doesNotContain("pkg/loop/pkg");
        assertGoodFileScanned(run);
    }

    @Test
    void linksOutOfTheRootAreFollowedOnlyWhenAsked() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        write("repo/good.py", "import eventlet\neventlet.spawn(print)\n");
        write("outside/lib.py", "import eventlet\neventlet.spawn(print)\n");
        Files.createSymbolicLink(repo.resolve("vendor"), Path.of("../outside"));
        Files.createSymbolicLink(tmp.resolve("outside/back"), Path.of("../repo"));

        CliRun confined = cli("scan", repo.toString(), "--format", "text");
        CliRun followed = cli("scan", repo.toString(), "--format", "text", "--follow-symlinks");

        assertThat(confined.exitCode()).isZero();
        assertThat(confined.out().lines()).contains(repo + "/vendor: warning: symbolic link to " + tmp.resolve("outside").toRealPath()
                + " points outside the scan root, not followed (--follow-symlinks follows it)");
        assertThat(confined.out()).contains(repo + "/good.py:2:1: EVT200 ").doesNotContain("lib.py");
        assertThat(followed.exitCode()).isZero();
        assertThat(followed.out()).contains(repo + "/good.py:2:1: EVT200 ").contains(repo + "/vendor/lib.py:2:1: EVT200 ");
        assertThat(followed.out().lines())
                .contains(repo + "/vendor/back/: warning: symbolic link loop: folder already visited, not followed");
    }

    /** Each format lists each problem with its file; the JSON and SARIF as data tools read. */
    @Test
    void processingProblemsAreListedInEveryFormat() throws Exception {
        writeGoodFile();
        write("binary.py", new byte[] {'i', 'm', 'p', 'o', 'r', 't', ' ', 'e', 'v', 'e', 'n', 't', 'l', 'e', 't', 0, 1, 2});
        write("garbled.py", new byte[] {'i', 'm', 'p', 'o', 'r', 't', ' ', 'e', 'v', 'e', 'n', 't', 'l', 'e', 't', '#', (byte) 0xff, '\n'});
        write("broken.py", "import eventlet\ndef f(:\n");
        Map<String, String> problems = Map.of("binary.py", "binary content (NUL bytes), not scanned",
                "garbled.py", "invalid UTF-8: undecodable bytes were replaced with U+FFFD",
                "broken.py", "syntax errors (1 error node); scanned what could be parsed");
        List<String> args = new ArrayList<>(List.of("scan", tmp.toString(), "-q"));
        for (var format : ReportFormat.values()) {
            args.addAll(List.of("-o", format.id() + ":" + tmp.resolve("reports/report." + format.id())));
        }
        Files.createDirectories(tmp.resolve("reports"));

        CliRun run = cli(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (var format : ReportFormat.values()) {
            String report = Files.readString(tmp.resolve("reports/report." + format.id()));
            problems.forEach((file, message) -> assertThat(report).as(format.id() + " lists " + file)
                    .contains(file).contains(message));
        }
        var json = new ObjectMapper().readTree(tmp.resolve("reports/report.json").toFile());
        assertThat(json.path("problems")).extracting(p -> p.path("path").asText() + ": " + p.path("message").asText())
                .containsExactlyInAnyOrder(problems.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toArray(String[]::new));
        var sarif = new ObjectMapper().readTree(tmp.resolve("reports/report.sarif").toFile());
        assertThat(sarif.at("/runs/0/invocations/0/toolExecutionNotifications")).hasSize(3);
    }

    /** Syntax errors name the line and column; field errors the line and field. Each stops the run with exit 2. */
    @Test
    void malformedRuleConfigurationAndBaselineFilesNameFileLineAndField() throws Exception {
        writeGoodFile();
        Path rules = write("rules/broken.yaml", "format: 1\nrules:\n  - id: X\n    title: [unclosed\n");
        Path notText = write("rules/binary.yaml", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'x'});
        Path yamlConfig = write("yaml/.eventlet-scan.yaml", "exclude: [tests\nfail-on: new\n");
        Path tomlConfig = write("toml/pyproject.toml", "[tool.eventlet-scan]\nexclude = [\"a\"\nfail-on = \"x\"\n");
        Path baseline = write("baseline.json", "{\n  \"eventletScanBaseline\": 1,\n  \"findings\": [\n    {\"path\": \"a.py\",, }\n  ]\n}\n");
        Path fields = write("fields.json", "{\"eventletScanBaseline\": 1, \"findings\": [\n  {\"path\": \"a.py\", \"ruleId\": 7}\n]}\n");
        String target = tmp.resolve("good.py").toString();

        assertError(cli("scan", target, "--rules", rules.toString()), "  " + rules + ":5:1: not valid YAML: expected ',' or ']', but got <stream end>");
        assertError(cli("scan", target, "--rules", notText.toString()), "  " + notText + ": cannot read rule file: not valid UTF-8");
        assertError(cli("scan", target, "--rules", tmp.resolve("none.yaml").toString()),
                "  " + tmp.resolve("none.yaml") + ": cannot read rule file: no such file");
        assertError(cli("scan", target, "--config", yamlConfig.toString()),
                "eventlet-scan: error: " + yamlConfig + ":2:8: not valid YAML: expected ',' or ']', but got :");
        assertError(cli("scan", target, "--config", tomlConfig.toString()), "eventlet-scan: error: " + tomlConfig
                + ":3:1: not valid TOML: More data after value has already ended. Invalid value preceding this position?");
        assertError(cli("scan", target, "--baseline", baseline.toString()), "eventlet-scan: error: " + baseline
                + ":4:21: not valid JSON: Unexpected character (',' (code 44)): was expecting double-quote to start field name");
        assertError(cli("scan", target, "--baseline", fields.toString()),
                "eventlet-scan: error: " + fields + ":2: findings[0].ruleId: must be a non-empty string");
    }

    /**
     * Exit 2, one line naming the path and why, and nothing lost: a folder refusing new files (/proc), a path under
     * a regular file, a read-only folder (as a user without root's override), a full disk (/dev/full). A pipe
     * outside the scanned tree is written through, not replaced by a regular file.
     */
    @Tag("slow") // a child JVM
    @Test
    void unwritableOutputsExitTwoAndLoseNothing() throws Exception {
        Path good = write("good.py", "import eventlet\neventlet.spawn(print)\n");
        assertError(cli("scan", good.toString(), "-o", "/proc/eventlet-scan-report.json"),
                "eventlet-scan: error: /proc/eventlet-scan-report.json: cannot write report: cannot create a file in /proc (no such file)");
        assertError(cli("scan", good.toString(), "-o", good + "/report.json"),
                "eventlet-scan: error: " + good + "/report.json: cannot write report: " + good + " is not a folder");

        Path readOnly = Files.createDirectory(tmp.resolve("read-only"));
        Path kept = Files.writeString(readOnly.resolve("report.json"), "keep me");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        CliRun denied = Unprivileged.jvm().cli("scan", good.toString(), "-o", kept.toString());
        assertError(denied, "eventlet-scan: error: " + kept + ": cannot write report: cannot create a file in " + readOnly
                + " (permission denied)");
        assertThat(Files.readString(kept)).isEqualTo("keep me");

        Path fifo = tmp.resolve("report.pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        var read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        // outside the scanned tree: inside it, a pipe is the repository's and refused (see HostileRepositoryTest)
        Path project = write("project/good.py", "import eventlet\neventlet.spawn(print)\n");
        assertThat(cli("scan", project.toString(), "-q", "-o", "json:" + fifo).exitCode()).isZero();
        assertThat(read.get(60, TimeUnit.SECONDS)).startsWith("{").contains("\"EVT200\"");
        assertThat(Files.isRegularFile(fifo)).as("the pipe is still a pipe").isFalse();

        // Only after the pipe showed that special files are written through: replacing /dev/full would be harm.
        assertError(cli("scan", good.toString(), "-o", "json:/dev/full"),
                "eventlet-scan: error: /dev/full: cannot write report: No space left on device");
        assertThat(Files.isRegularFile(Path.of("/dev/full"))).isFalse();
    }

    private static void assertError(CliRun run, String line) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).contains(line);
        assertThat(run.out()).isEmpty();
    }

    // ---- Issue 20, security and reliability (items 1-6, 10-13, 16). The security items run as an attacker would
    // in HostileRepositoryTest too, in a child JVM, checking what was read, written and printed. ----

    /** Items 1 and 2: a repository's configuration names files inside the repository only. */
    @Test
    void aConfigurationNamesFilesInsideItsRepositoryOnly() throws Exception {
        writeGoodFile();
        write("../elsewhere/rules.yaml", "format: 1\nrules: []\n");
        write(".eventlet-scan.yaml", "rules: [../elsewhere/rules.yaml]\nbaseline: /etc/passwd\n");

        CliRun run = scanText();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "eventlet-scan: error: " + tmp + "/.eventlet-scan.yaml:1: rules: ../elsewhere/rules.yaml leads outside the repository ("
                        + tmp + "); a configuration names files inside it only (give others on the command line)",
                "eventlet-scan: error: " + tmp + "/.eventlet-scan.yaml:2: baseline: /etc/passwd leads outside the repository ("
                        + tmp + "); a configuration names files inside it only (give others on the command line)");
        assertThat(cli("scan", tmp.resolve("good.py").toString(), "--no-config", "--rules", tmp.resolve("../elsewhere/rules.yaml").toString())
                .exitCode()).as("the command line names files anywhere").isZero();
    }

    /** Item 1: a committed baseline link is neither read nor written through. */
    @Test
    void aBaselineLinkedOutOfTheTreeIsRefused() throws Exception {
        writeGoodFile();
        Path outside = write("../outside-" + tmp.getFileName() + ".json", "keep");
        Files.createSymbolicLink(tmp.resolve(".eventlet-scan-baseline.json"), outside);

        assertError(cli("scan", tmp.toString()), "eventlet-scan: error: " + tmp + "/.eventlet-scan-baseline.json: not read: the default "
                + "baseline must be a regular file inside the scanned tree, not a link out of it or a device; name one with --baseline");
        assertError(cli("baseline", tmp.toString()), "eventlet-scan: error: " + tmp + "/.eventlet-scan-baseline.json: cannot write "
                + "baseline: a symbolic link leads out of the scanned tree (" + tmp + "); not written");
        assertThat(Files.readString(outside)).isEqualTo("keep");
        Files.delete(outside);
    }

    /** Item 4: file names reach standard error escaped, U+202E included. */
    @Test
    void controlCharactersInNamesArePrintedEscaped() throws Exception {
        writeGoodFile();
        write("bad\u001b[31m\u202e.py", new byte[] {'e', 'v', 'e', 'n', 't', 'l', 'e', 't', 0});

        CliRun run = cli("scan", tmp.toString(), "-o", tmp.resolve("r.json").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err().lines()).contains("eventlet-scan: warning: bad\\x1b[31m\\u202e.py: binary content (NUL bytes), not scanned");
    }

    /** Item 2: an error quotes at most a short, escaped excerpt of the file that failed. */
    @Test
    void errorsQuoteShortExcerptsOnly() throws Exception {
        writeGoodFile();
        String secret = "secretpasswordabcdefghijklmnopqrstuvwxyz0123456789";
        Path config = write("cfg/.eventlet-scan.yaml", "fail-on: " + secret + "\n");
        Path baseline = write("cfg/base.json", "{\"eventletScanBaseline\": 1, \"findings\": [" + secret + secret + "]}\n");
        String target = tmp.resolve("good.py").toString();

        assertError(cli("scan", target, "--config", config.toString()), "eventlet-scan: error: " + config
                + ":1: fail-on: must be new, any or none, was 'secretpasswordabcdefghijklmnopqrstuvwxyz...'");
        CliRun json = cli("scan", target, "--baseline", baseline.toString());
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.err()).contains("not valid JSON: Unrecognized token 'secretpasswordabcdefghijklmnopqrstuvwxyz...'")
                .doesNotContain(secret);
    }

    /** Item 5: inputs that are not Python have size limits; past them, one line, not an exhausted heap. */
    @Test
    void configurationRuleAndBaselineFilesHaveSizeLimits() throws Exception {
        writeGoodFile();
        Path config = write("big/.eventlet-scan.yaml", "exclude: [a]\n#" + "x".repeat(1 << 20) + "\n");
        Path baseline = tmp.resolve("big/baseline.json");
        writeLarge("big/baseline.json", "{\"eventletScanBaseline\": 1, \"findings\": [", "{\"path\": \"a.py\"}, ", 17L << 20);
        String target = tmp.resolve("good.py").toString();

        assertError(cli("scan", target, "--config", config.toString()), "eventlet-scan: error: " + config
                + ": cannot read configuration: larger than 1 MiB, the limit for this kind of file");
        assertError(cli("scan", target, "--rules", "/dev/zero"), "  /dev/zero: cannot read rule file: not a regular file");
        assertError(cli("scan", target, "--baseline", baseline.toString()), "eventlet-scan: error: " + baseline
                + ": cannot read baseline: larger than 16 MiB, the limit for this kind of file");
    }

    /** Item 5: a requirements file over 4 MiB is reported once and not read as a manifest either (in a 64 MiB heap). */
    @Test
    void aHugeRequirementsFileIsNotRead() throws Exception {
        writeGoodFile();
        writeLarge("requirements.txt", "eventlet>=0.30\n", "six\n", 100L << 20);

        CliRun run = ChildJvm.create().jvmOption("-Xmx64m").cli("scan", tmp.toString(), "--format", "text", "--no-cache");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).contains(tmp + "/requirements.txt: warning: larger than 4 MiB, not read by text rules");
        assertThat(run.out()).doesNotContainPattern("requirements\\.txt:\\d");
        assertGoodFileScanned(run);
    }

    /** Item 5: out of memory is exit 3 with one line naming the phase, never exit 1 ("a gate failed"). */
    @Test
    void outOfMemoryIsExitThreeNamingThePhase() throws Exception {
        for (int i = 0; i < 400; i++) {
            write("pkg" + i / 20 + "/m" + i + ".py", "import eventlet\nfrom pkg0 import m0\n\ndef f(x):\n    return eventlet.spawn(m0.f, x)\n"
                    + "#" + "x".repeat(20_000) + "\n");
        }

        CliRun run = ChildJvm.create().jvmOption("-Xmx12m").cli("scan", tmp.toString(), "--no-cache", "-j", "1", "-q");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .matches("eventlet-scan: error: out of memory during [a-z ,]+ \\(the JVM's heap is \\d+ MiB; give more with "
                        + "EVENTLET_SCAN_JAVA_OPTS=-Xmx2g\\)");
    }

    /** Item 6: an unreadable .gitignore, at any level, or .git/info/exclude is a warning; the scan goes on. */
    @Test
    void unreadableIgnoreFilesAreWarnings() throws Exception {
        writeGoodFile();
        dev.eventletscan.TempGitRepo.init(tmp, "main").close();
        Path top = write(".gitignore", "*.log\n");
        Path nested = write("pkg/.gitignore", "build/\n");
        write("pkg/mod.py", "import eventlet\n");
        Path exclude = write(".git/info/exclude", "*.tmp\n");
        var none = PosixFilePermissions.fromString("---------");
        for (Path p : List.of(top, nested, exclude)) {
            Files.setPosixFilePermissions(p, none);
        }

        CliRun run = Unprivileged.jvm().cli("scan", tmp.toString(), "--format", "text", "--no-cache");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).contains(
                tmp + "/.git/info/exclude: warning: cannot read ignore file: permission denied; its rules are not applied",
                tmp + "/.gitignore: warning: cannot read ignore file: permission denied; its rules are not applied",
                tmp + "/pkg/.gitignore: warning: cannot read ignore file: permission denied; its rules are not applied");
        assertThat(run.out()).contains(tmp + "/pkg/mod.py:1:8: EVT001 ");
        assertGoodFileScanned(run);
    }

    /** Item 10: a pipe in place of the cache's pack is not opened (it would block for ever) but replaced. */
    @Test
    void aPipeInPlaceOfTheCacheIsPassedOver() throws Exception {
        writeGoodFile();
        Path cache = tmp.resolve("cache");
        assertThat(cli("scan", tmp.toString(), "-q", "--cache-dir", cache.toString()).exitCode()).isZero();
        Path pack;
        try (var packs = Files.list(cache)) {
            pack = packs.filter(p -> p.toString().endsWith(".pack")).findFirst().orElseThrow();
        }
        Files.delete(pack);
        assertThat(new ProcessBuilder("mkfifo", pack.toString()).start().waitFor()).isZero();
        Files.writeString(tmp.resolve("good.py"), "import eventlet\neventlet.spawn(print)\n# changed\n");

        CliRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> cli("scan", tmp.toString(), "--format", "text", "--cache-dir", cache.toString(), "--exclude", "cache"));

        assertThat(run.exitCode()).isZero();
        assertGoodFileScanned(run);
        assertThat(Files.isRegularFile(pack)).as("the pipe was replaced by a pack").isTrue();
    }

    /** Item 11: temporary files of a run killed without its shutdown hook are removed by a later scan. */
    @Test
    void theCacheRemovesStaleTemporaryFiles() throws Exception {
        writeGoodFile();
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Path stale = Files.writeString(cache.resolve(".0123.pack.4567.tmp"), "half a pack");
        Path fresh = Files.writeString(cache.resolve(".89ab.pack.cdef.tmp"), "another scan's pack, being written");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        assertThat(cli("scan", tmp.toString(), "-q", "--cache-dir", cache.toString(), "--exclude", "cache").exitCode()).isZero();

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    /** Item 11: an interrupt while reports are written leaves no temporary file beside them. */
    @Test
    void anInterruptDuringReportWritingLeavesNoTemporaryFile() throws Exception {
        for (int i = 0; i < 300; i++) {
            write("pkg/m" + i + ".py", "import eventlet\n" + "eventlet.spawn(print)\neventlet.sleep(0)\n".repeat(20));
        }
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        List<String> args = new ArrayList<>(List.of("scan", tmp.resolve("pkg").toString(), "-q", "--no-cache"));
        for (int i = 0; i < 20; i++) {
            args.addAll(List.of("-o", reports.resolve("r" + i + ".html").toString()));
        }

        Process scan = ChildJvm.create().start(args.toArray(String[]::new));
        boolean caught = false;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!caught && scan.isAlive() && System.nanoTime() < deadline) {
            try (var files = Files.list(reports)) {
                caught = files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
            }
        }
        assertThat(caught).as("a temporary report was seen while the scan ran").isTrue();
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(scan.pid())).start().waitFor()).isZero();
        assertThat(scan.waitFor(60, TimeUnit.SECONDS)).isTrue();

        try (var files = Files.list(reports)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(scan.exitValue()).as("ended by the interrupt").isEqualTo(130);
    }

    /** Item 12: new reports get the permissions the umask allows; a read-only report is not replaced. */
    @Test
    void reportsRespectTheUmaskAndReadOnlyFiles() throws Exception {
        writeGoodFile();
        Path report = tmp.resolve("out/report.json");
        Files.createDirectories(report.getParent());

        CliRun private077 = ChildJvm.create().wrappedIn("sh", "-c", "umask 077 && exec \"$@\"", "sh").cli("scan", tmp.toString(), "-q",
                "--no-cache", "-o", report.toString());
        assertThat(private077.exitCode()).as(private077.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");

        Path kept = Files.writeString(tmp.resolve("out/kept.json"), "keep me");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("r--r--r--"));
        CliRun readOnly = Unprivileged.jvm().cli("scan", tmp.resolve("good.py").toString(), "--no-cache", "-o", kept.toString());
        assertError(readOnly, "eventlet-scan: error: " + kept + ": cannot write report: the file is read-only");
        assertThat(Files.readString(kept)).isEqualTo("keep me");
    }

    /** Item 13: with LANG unset, the launcher's locale set-up keeps non-ASCII file names as they are. */
    @Test
    void theSameBytesInAnyLocale() throws Exception {
        write("caf\u00e9/\u00fcber.py", "import eventlet\neventlet.sleep(0)\n");
        Path locale = Path.of("scripts/locale.sh").toAbsolutePath();
        Map<String, String> outputs = new TreeMap<>();
        for (String environment : List.of("LANG=", "LANG=C", "LC_ALL=POSIX", "LC_ALL=C.UTF-8")) {
            CliRun run = ChildJvm.create().wrappedIn("env", "-i", "PATH=/usr/bin:/bin", environment, "bash", "-c",
                    "source " + locale + " && utf8_locale && exec \"$@\"", "bash").cli("scan", tmp.toString(), "-f", "text", "--no-cache", "-q");
            assertThat(run.exitCode()).as(environment + ": " + run.err()).isZero();
            outputs.put(environment, run.out());
        }
        assertThat(outputs.get("LANG=")).contains(tmp + "/caf\u00e9/\u00fcber.py:2:1: EVT203 ").doesNotContain("\ufffd");
        assertThat(new HashSet<>(outputs.values())).as("one output for every locale").hasSize(1);
    }

    /** Item 16: YAML aliases and duplicate keys are errors, as are two -o naming one file. */
    @Test
    void aliasesDuplicateKeysAndOneFileTwiceAreErrors() throws Exception {
        writeGoodFile();
        Path alias = write("alias/.eventlet-scan.yaml", "exclude: &tests [tests]\ninclude: *tests\n");
        Path duplicate = write("duplicate/.eventlet-scan.yaml", "fail-on: new\nfail-on: none\n");
        Path rules = write("rules.yaml", "format: 1\nformat: 1\nrules: []\n");
        String target = tmp.resolve("good.py").toString();

        assertError(cli("scan", target, "--config", alias.toString()),
                "eventlet-scan: error: " + alias + ":2:16: not valid YAML: aliases (*name) are not supported: write the value out");
        assertError(cli("scan", target, "--config", duplicate.toString()),
                "eventlet-scan: error: " + duplicate + ":2:8: not valid YAML: duplicate key 'fail-on'");
        assertError(cli("scan", target, "--rules", rules.toString()), "  " + rules + ":2:7: not valid YAML: duplicate key 'format'");
        Path report = tmp.resolve("r.json");
        assertError(cli("scan", target, "-o", report.toString(), "-o", "json:" + tmp.resolve("./r.json")),
                "eventlet-scan: error: " + tmp.resolve("./r.json") + ": cannot write report: the same file as " + report
                        + "; each -o needs a file of its own");
    }

    // ---- Issue 20, items 7-9, 14, 15, 17-25 (what real users tripped over): one test an item, real files and git ----

    /** Item 7: a report that cannot reach standard output is exit 2 with a message, as it is for -o. */
    @Test
    void aReportLostToAFullOrClosedStandardOutputIsExitTwo() throws Exception {
        writeGoodFile();
        for (String redirect : List.of(">/dev/full", ">&-")) {
            CliRun run = ChildJvm.create().wrappedIn("sh", "-c", "exec \"$@\" " + redirect, "sh")
                    .cli("scan", tmp.toString(), "-q", "-f", "json");
            assertThat(run.exitCode()).as(redirect + ": " + run.err()).isEqualTo(2);
            assertThat(run.err().lines()).as(redirect)
                    .containsExactly("eventlet-scan: error: standard output: cannot write report: closed or full");
        }
    }

    /** Item 8: a tree or blob is not a base to diff from; an upstream that is not set is said, not read as HEAD. */
    @Test
    void aDiffBaseThatIsNoCommitOrHasNoUpstreamIsAUsageError() throws Exception {
        try (var repo = dev.eventletscan.TempGitRepo.init(tmp, "main")) {
            writeGoodFile();
            repo.commitAll("first");
            String tree = repo.git().getRepository().resolve("HEAD^{tree}").name();
            String blob = repo.git().getRepository().resolve("HEAD:good.py").name();

            assertError(cli("scan", tmp.toString(), "--diff-base", tree),
                    "eventlet-scan: error: --diff-base: '" + tree + "' is a tree, not a commit (name a branch, tag or commit)");
            assertError(cli("scan", tmp.toString(), "--diff-base", blob),
                    "eventlet-scan: error: --diff-base: '" + blob + "' is a blob, not a commit (name a branch, tag or commit)");
            assertError(cli("scan", tmp.toString(), "--diff-base", "HEAD@{upstream}"),
                    "eventlet-scan: error: --diff-base: 'HEAD@{upstream}': branch 'main' has no upstream"
                            + " (set one with git branch --set-upstream-to, or name the base branch)");
            assertError(cli("scan", tmp.toString(), "--diff-base", "@{u}"),
                    "eventlet-scan: error: --diff-base: '@{u}': branch 'main' has no upstream"
                            + " (set one with git branch --set-upstream-to, or name the base branch)");
        }
    }

    /** Item 21: the pre-commit hook's command in a repository with no commit yet: everything staged is new. */
    @Test
    void thePreCommitHookOnAFirstCommitCountsEveryStagedFindingAsNew() throws Exception {
        try (var repo = dev.eventletscan.TempGitRepo.init(tmp, "main")) {
            writeGoodFile();
            repo.git().add().addFilepattern(".").call();

            CliRun run = cli("scan", tmp.toString(), "--fail-on", "new", "--diff-base", "HEAD", "--format", "text", "--quiet");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains("eventlet-scan: gate failed: --fail-on new: ").contains("good.py:2:1: EVT200");
            assertThat(run.err()).doesNotContain("unknown revision");
            assertThat(cli("scan", tmp.toString(), "--diff-base", "origin/main").err())
                    .as("a base that is not HEAD still has to exist").contains("unknown revision 'origin/main'");
        }
    }

    /** Item 18: -f is standard output's format; files keep their extension's, unless FORMAT:FILE names another. */
    @Test
    void theFormatOptionIsStandardOutputsAndFilesKeepTheirExtensions() throws Exception {
        writeGoodFile();
        Path json = tmp.resolve("out/nova.json");
        Path html = tmp.resolve("out/nova.html");
        Path forced = tmp.resolve("out/forced.json");
        Files.createDirectories(json.getParent());

        CliRun run = cli("scan", tmp.resolve("good.py").toString(), "-q", "-f", "text", "-o", json.toString(), "-o", html.toString(),
                "-o", "markdown:" + forced);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(json)).startsWith("{");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        assertThat(Files.readString(forced)).startsWith("#");
        assertThat(run.out()).contains("good.py:2:1: EVT200 ");
        assertThat(cli("scan", tmp.resolve("good.py").toString(), "-q", "-o", json.toString()).out())
                .as("without -f, -o files leave standard output alone").isEmpty();
        assertError(cli("scan", tmp.toString(), "-f", "json", "-o", tmp.resolve("out/r.xyz").toString()),
                "eventlet-scan: error: " + tmp.resolve("out/r.xyz") + ": cannot tell the report format from the extension;"
                        + " write FORMAT:FILE (formats: " + ReportFormat.ids() + ")");
    }

    /** Item 22: --summary leaves the list out and keeps the assessment; --only new keeps baselined findings out of SARIF. */
    @Test
    void summaryAndOnlyNewLimitWhatTheReportsList() throws Exception {
        writeGoodFile();
        assertThat(cli("baseline", tmp.toString(), "-q").exitCode()).isZero();
        write("added.py", "import eventlet\neventlet.monkey_patch()\n");
        Path sarif = tmp.resolve("new.sarif");

        CliRun summary = cli("scan", tmp.toString(), "--no-baseline", "--summary", "--format", "text");
        CliRun onlyNew = cli("scan", tmp.toString(), "-q", "--only", "new", "-o", sarif.toString(), "-o", "json:-");

        assertThat(summary.exitCode()).as(summary.err()).isZero();
        assertThat(summary.out()).doesNotContainPattern(":\\d+:\\d+: EVT").contains("4 findings in 2 files")
                .containsPattern("(?m)^difficulty [0-9.]+/100");
        assertThat(onlyNew.exitCode()).as(onlyNew.err()).isZero();
        var results = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results");
        assertThat(results).isNotEmpty().allSatisfy(r ->
                assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("added.py"));
        assertThat(new ObjectMapper().readTree(onlyNew.out()).at("/findings")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.get("path").asText()).isEqualTo("added.py"));
        assertThat(cli("scan", tmp.toString(), "--only", "old").err()).contains("--only must be new or all, was 'old'");
    }

    /** Item 25: hacking's H905 marker suppresses our findings on its line (listed as suppressed); a bare noqa does not. */
    @Test
    void noqaH905SuppressesAndABareNoqaDoesNot() throws Exception {
        write("legacy.py", """
                import eventlet  # noqa: H905
                import eventlet.hubs  # noqa
                eventlet.sleep(0)  # NOQA:E501,H905
                eventlet.spawn(print)  # noqa: H9050
                """);

        CliRun run = scanText();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(tmp + "/legacy.py:1:8: suppressed: EVT001 ", tmp + "/legacy.py:3:1: suppressed: EVT203 ")
                .contains(tmp + "/legacy.py:2:8: EVT", tmp + "/legacy.py:4:1: EVT200 ")
                .doesNotContain("legacy.py:1:8: EVT001").doesNotContain("legacy.py:3:1: EVT203");
    }

    /** Item 14: a lone CR ends a line for Python, so it does for the positions we report. */
    @Test
    void crOnlyLineEndingsGivePythonsPositions() throws Exception {
        write("mac.py", "import os\rif os:\r  import eventlet\r\n  eventlet.sleep(0)\r");

        CliRun run = scanText();

        assertThat(run.exitCode()).as(run.err()).isZero();
        // python3 -c "import ast; print([(n.lineno, n.col_offset + 1) for n in ast.walk(ast.parse(open('mac.py').read()))])"
        assertThat(run.out()).contains(tmp + "/mac.py:3:10: EVT001 ", tmp + "/mac.py:4:3: EVT203 ").doesNotContain("syntax errors");
    }

    /** Item 23: a try is not a switch: a green primitive in its body runs on eventlet; an optional import stays guarded. */
    @Test
    void aGreenPrimitiveInsideTryIsNoSwitch() throws Exception {
        write("svc.py", """
                try:
                    import eventlet
                except ImportError:
                    eventlet = None


                def start(work):
                    try:
                        eventlet.spawn(work)
                    except Exception:
                        pass
                """);

        CliRun run = scanText();
        CliRun json = cli("scan", tmp.toString(), "-q", "-f", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("can eventlet be switched off: no (1 explicit eventlet primitive runs on eventlet and nothing switches it)");
        var findings = new ObjectMapper().readTree(json.out()).at("/findings");
        assertThat(findings).extracting(f -> f.get("ruleId").asText() + " guarded=" + f.get("guarded").asBoolean())
                .contains("EVT001 guarded=true", "EVT200 guarded=false");
    }

    /** Item 24: --help's exit-code lines stay in their list on an 80-column terminal; greenlet's finding reads forwards. */
    @Test
    void helpExitCodesStayIndentedAndDependencyWordingReadsForwards() throws Exception {
        CliRun help = cli("--help");
        var exitCodes = help.out().lines().dropWhile(l -> !l.equals("Exit codes:")).skip(1).toList();

        assertThat(exitCodes).hasSizeGreaterThan(4).allSatisfy(l -> assertThat(l).startsWith("  ").hasSizeLessThanOrEqualTo(80));
        write("requirements.txt", "greenlet>=2.0\n");
        assertThat(scanText().out()).contains(tmp + "/requirements.txt:1:1: EVT801 depends on greenlet, tied to eventlet: "
                + "the coroutine library eventlet is built on").doesNotContain("known to use eventlet");
    }

    /**
     * Item 9: 100,000 Requires-Dist lines take linear time (a deque's contains() made them quadratic, 46 s), and each
     * metadata warning is printed once, under its own path, with no scan root before it.
     */
    @Test
    void sitePackagesWithAHundredThousandRequirementsIsQuickAndWarnsOnceWithCleanPaths() throws Exception {
        write("proj/requirements.txt", "foo\n");
        write("proj/app.py", "import foo\n");
        write("site/foo/__init__.py", "import eventlet\neventlet.spawn(print)\n");
        write("site/foo-1.0.dist-info/RECORD", "foo/__init__.py,,\n");
        StringBuilder metadata = new StringBuilder("Metadata-Version: 2.1\nName: foo\nVersion: 1.0\nRequires-Dist: ((bad\n");
        for (int i = 0; i < 100_000; i++) {
            metadata.append("Requires-Dist: dep").append(i).append(" (>=1.0)\n");
        }
        Path metadataFile = write("site/foo-1.0.dist-info/METADATA", metadata.toString());

        // CPU time, not wall time: the machine may be shared. Before the fix this took 64 s of CPU, after it 5 s.
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = os.getProcessCpuTime();
        CliRun run = cli("scan", tmp.resolve("proj") + "/", "--site-packages", tmp.resolve("site") + "/", "--no-cache", "-f", "text");
        double cpuSeconds = (os.getProcessCpuTime() - start) / 1e9;

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(cpuSeconds).as("CPU seconds for 100,000 requirements").isLessThan(20);
        String warning = metadataFile + ": warning: Requires-Dist '((bad' is not a PEP 508 requirement";
        assertThat(run.out().lines().filter(l -> l.contains("((bad"))).containsExactly(warning);
        assertThat(run.out()).doesNotContain("//");
    }

    /** Item 17: 60,000 findings make an HTML page that lists the first 2,000 and says so, not a 39 MB page. */
    @Test
    void anHtmlReportOfSixtyThousandFindingsIsCappedAndSaysSo() throws Exception {
        String body = "import eventlet\n" + "eventlet.sleep(0)\n".repeat(1_999);
        for (int i = 0; i < 30; i++) {
            write("pkg/m" + i + ".py", body);
        }
        Path html = tmp.resolve("report.html");

        CliRun run = cli("scan", tmp.toString(), "-q", "--no-cache", "-o", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        var doc = org.jsoup.Jsoup.parse(html.toFile());
        assertThat(doc.select("#findings tbody tr")).hasSize(HtmlView.MAX_ROWS);
        assertThat(doc.getElementById("findings-capped").text()).startsWith("The table and the code below show the first 2000 of 60000 findings");
        assertThat(Files.size(html)).as("bytes").isLessThan(3_000_000);
    }

    /** Item 15: a file whose blob is corrupt is missing from a trend point's counts, and the point names it. */
    @Test
    void trendNamesAFileWhoseBlobIsCorruptAtEachPoint() throws Exception {
        try (var repo = dev.eventletscan.TempGitRepo.init(tmp, "main")) {
            repo.write("a.py", "import eventlet\neventlet.spawn(print)\n");
            repo.write("b.py", "import eventlet\neventlet.sleep(0)\n");
            repo.commitAll("one", Instant.parse("2025-01-06T00:00:00Z"));
            String blob = repo.git().getRepository().resolve("HEAD:b.py").name();
            String commit = repo.git().getRepository().resolve("HEAD").name().substring(0, 10);
            Path object = tmp.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2));
            object.toFile().setWritable(true);
            Files.writeString(object, "not zlib data");

            CliRun run = cli("trend", tmp.toString(), "--since", "2025-01-02", "--until", "2025-01-10", "--no-cache", "-f", "text");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines()).contains("note: 2025-01-09 (" + commit + "): 1 file not scanned, so not counted: b.py "
                    + "(cannot read: Object " + blob + " is corrupt: invalid type)");
        }
    }

    /** Item 19: without a baseline, a finding the merge base had (by identity) is known though its lines moved. */
    @Test
    void diffBaseWithoutABaselineKnowsAMethodMovedWithinItsFile() throws Exception {
        try (var repo = dev.eventletscan.TempGitRepo.init(tmp, "main")) {
            String start = "def start(work):\n    return eventlet.spawn(work)\n";
            String stop = "def stop():\n    return None\n";
            repo.write("svc.py", "import eventlet\n\n\n" + start + "\n\n" + stop);
            repo.commitAll("first");
            repo.write("svc.py", "import eventlet\n\n\n" + stop + "\n\n" + start + "\n\ndef more(work):\n    eventlet.spawn_n(work)\n");

            CliRun run = cli("scan", tmp.toString(), "--diff-base", "HEAD", "--fail-on", "new", "--format", "text");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains("--fail-on new: 1 new finding").contains("svc.py:13:5: EVT201 ")
                    .doesNotContain("EVT200");
            assertThat(run.out()).contains("1 new, 2 known");
        }
    }

    /** Item 20: a folder reached directly and through a link: the real path wins, the link is noted once, no loop. */
    @Test
    void aFolderReachedDirectlyAndThroughALinkIsReportedUnderItsRealPath() throws Exception {
        write("zreal/worker.py", "import eventlet\neventlet.spawn(print)\n");
        Files.createSymbolicLink(tmp.resolve("alias"), tmp.resolve("zreal"));

        CliRun run = scanText();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(tmp + "/zreal/worker.py:2:1: EVT200 ").doesNotContain("alias/worker.py")
                .doesNotContain("symbolic link loop");
        assertThat(run.out().lines().filter(l -> l.contains("alias"))).containsExactly(
                tmp + "/alias: warning: symbolic link to zreal/, a folder of the scanned tree: scanned there, not through the link");
    }
}
