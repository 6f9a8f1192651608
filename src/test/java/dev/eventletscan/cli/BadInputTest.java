package dev.eventletscan.cli;

import static dev.eventletscan.TestSupport.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.ChildJvm;
import dev.eventletscan.TestSupport.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
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
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("scan", tmp.toString(), "--format", "text"));
        args.addAll(java.util.List.of(more));
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
        for (String file : java.util.List.of("utf16be.py", "utf16le.py")) {
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
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp.resolve(name)), 1 << 16)) {
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
        var none = java.nio.file.attribute.PosixFilePermissions.fromString("---------");
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
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Deleted for real between the walk and detection, which the listener hears start. */
    @Test
    void aFileDeletedDuringTheScanIsReported() throws Exception {
        writeGoodFile();
        Path doomed = write("doomed.py", "import eventlet\n");
        var request = dev.eventletscan.api.ScanRequest.of(tmp);
        var deleting = new dev.eventletscan.api.ScanListener() {
            @Override
            public void phaseStarted(Phase phase, int files) {
                if (phase == Phase.DETECT) {
                    try {
                        Files.delete(doomed);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        };

        var result = dev.eventletscan.api.Scanner.forRequest(request).scan(request, deleting);
        var text = new java.io.StringWriter();
        new dev.eventletscan.report.TextRenderer().render(result, text);

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

        for (Path dir : java.util.List.of(plain, unborn)) {
            CliRun run = cli("scan", dir.toString(), "--format", "text");
            assertThat(run.exitCode()).as(dir.toString()).isZero();
            assertThat(run.out()).as(dir.toString()).startsWith("0 findings in 0 files (0 Python files walked, 0 parsed)\n");
            assertThat(run.err()).isEmpty();
        }
        assertThat(cli("scan", unborn.toString(), "-f", "json").out()).doesNotContain("\"commit\"");
    }

    private static byte[] bytes(String text, java.nio.charset.Charset charset) {
        return text.getBytes(charset);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
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
                "sums", String.join(" + ", java.util.Collections.nCopies(n, call))));
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
            assertThat(run.out()).as(name).containsPattern("(?m)^" + java.util.regex.Pattern.quote(tmp + "/" + name + ".py") + ":2:\\d+: " + rule + " ");
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
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("scan", tmp.toString(), "-q"));
        for (var format : dev.eventletscan.report.ReportFormat.values()) {
            args.addAll(java.util.List.of("-o", format.id() + ":" + tmp.resolve("reports/report." + format.id())));
        }
        Files.createDirectories(tmp.resolve("reports"));

        CliRun run = cli(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (var format : dev.eventletscan.report.ReportFormat.values()) {
            String report = Files.readString(tmp.resolve("reports/report." + format.id()));
            problems.forEach((file, message) -> assertThat(report).as(format.id() + " lists " + file)
                    .contains(file).contains(message));
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("reports/report.json").toFile());
        assertThat(json.path("problems")).extracting(p -> p.path("path").asText() + ": " + p.path("message").asText())
                .containsExactlyInAnyOrder(problems.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toArray(String[]::new));
        var sarif = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("reports/report.sarif").toFile());
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
     * a regular file, a read-only folder (as a user without root's override), a full disk (/dev/full). A pipe is
     * written through, not replaced by a regular file.
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
        Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        CliRun denied = Unprivileged.jvm().cli("scan", good.toString(), "-o", kept.toString());
        assertError(denied, "eventlet-scan: error: " + kept + ": cannot write report: cannot create a file in " + readOnly
                + " (permission denied)");
        assertThat(Files.readString(kept)).isEqualTo("keep me");

        Path fifo = tmp.resolve("report.pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        var read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(cli("scan", good.toString(), "-q", "-o", "json:" + fifo).exitCode()).isZero();
        assertThat(read.get(60, java.util.concurrent.TimeUnit.SECONDS)).startsWith("{").contains("\"EVT200\"");
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
}
