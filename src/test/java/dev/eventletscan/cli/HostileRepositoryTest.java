package dev.eventletscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventletscan.ChildJvm;
import dev.eventletscan.TestSupport.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's security items, as an attacker would try them: a repository whose configuration, committed links and
 * file names aim at files outside it, scanned by the real CLI in a child JVM with the launcher's options. Each run
 * checks what was read (a secret beside the repository never appears in any output), what was written (nothing
 * outside the repository changes; a device or pipe is never written) and what was printed (no raw control or
 * bidirectional characters).
 */
class HostileRepositoryTest {
    /** Looks like YAML, JSON and TOML gone wrong, so a parser's error message would quote it. */
    private static final String SECRET = "TOPSECRET-7f3a9c";

    @TempDir
    Path tmp;
    private Path outside;
    private Path secret;
    private Path victim;
    private Map<String, String> outsideBefore;

    @BeforeEach
    void outsideTheRepository() throws IOException {
        outside = Files.createDirectories(tmp.resolve("outside"));
        secret = Files.writeString(outside.resolve("secret.txt"), SECRET + ": [\n{\"" + SECRET + "\": " + SECRET + "\n");
        victim = Files.writeString(outside.resolve("victim.json"), "precious\n");
        outsideBefore = TreeSnapshot.of(outside);
    }

    private Path repository(String name) throws Exception {
        Path repo = tmp.resolve(name);
        dev.eventletscan.TempGitRepo.init(repo, "main").close();
        Files.writeString(repo.resolve("app.py"), "import eventlet\neventlet.spawn(print)\n");
        return repo;
    }

    private CliRun run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cache-dir", tmp.resolve("cache").toString()));
        CliRun run = ChildJvm.create().cli(all.toArray(String[]::new));
        assertThat(run.out() + run.err()).as("the secret outside the repository").doesNotContain(SECRET);
        assertThat(TreeSnapshot.of(outside)).as("files outside the repository").isEqualTo(outsideBefore);
        return run;
    }

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err().lines()).as(run.err()).anyMatch(l -> l.startsWith("eventlet-scan: error: ") && l.contains(message));
        assertThat(run.err().lines()).as("one line per problem").noneMatch(l -> l.startsWith("\tat "));
    }

    @Test
    void aConfigurationLinkedOutOfTheRepositoryIsNotRead() throws Exception {
        Path repo = repository("linked-config");
        Files.createSymbolicLink(repo.resolve(".eventlet-scan.yaml"), secret);

        CliRun run = run("scan", repo.toString());

        assertRefused(run, ".eventlet-scan.yaml: a symbolic link to a file outside the repository (" + repo + "): not read");
    }

    @Test
    void aPyprojectLinkedOutOfTheRepositoryIsNotRead() throws Exception {
        Path repo = repository("linked-pyproject");
        Files.createSymbolicLink(repo.resolve("pyproject.toml"), secret);

        assertRefused(run("scan", repo.toString()), "pyproject.toml: a symbolic link to a file outside the repository");
    }

    @Test
    void rulesAndBaselinesNamedOutsideTheRepositoryAreRefused() throws Exception {
        for (String named : List.of("../outside/secret.txt", secret.toString(), "/dev/zero")) {
            Path repo = repository("named-" + Math.abs(named.hashCode()));
            Files.writeString(repo.resolve(".eventlet-scan.yaml"), "rules: ['" + named + "']\nbaseline: '" + named + "'\n");

            CliRun run = run("scan", repo.toString());

            assertRefused(run, ".eventlet-scan.yaml:1: rules: " + named + " leads outside the repository (" + repo + ")");
            assertRefused(run, ".eventlet-scan.yaml:2: baseline: " + named + " leads outside the repository (" + repo + ")");
        }
    }

    @Test
    void aConfiguredPathThroughALinkedFolderIsRefused() throws Exception {
        Path repo = repository("linked-folder");
        Files.createSymbolicLink(repo.resolve("tools"), outside);
        Files.writeString(repo.resolve(".eventlet-scan.yaml"), "rules: [tools/secret.txt]\n");

        assertRefused(run("scan", repo.toString()), "rules: tools/secret.txt leads outside the repository");
    }

    @Test
    void aDefaultBaselineLinkedOutOfTheTreeIsNotRead() throws Exception {
        Path repo = repository("linked-baseline");
        Files.createSymbolicLink(repo.resolve(".eventlet-scan-baseline.json"), secret);

        assertRefused(run("scan", repo.toString()), ".eventlet-scan-baseline.json: not read: the default baseline must be a regular "
                + "file inside the scanned tree");
    }

    @Test
    void baselineIsNeverWrittenThroughALinkOrOntoADevice() throws Exception {
        Path linkedOut = repository("baseline-to-victim");
        Files.createSymbolicLink(linkedOut.resolve(".eventlet-scan-baseline.json"), victim);
        assertRefused(run("baseline", linkedOut.toString()), "cannot write baseline: a symbolic link leads out of the scanned tree");

        Path device = repository("baseline-to-device");
        Files.createSymbolicLink(device.resolve(".eventlet-scan-baseline.json"), Path.of("/dev/full"));
        assertRefused(run("baseline", device.toString()), "cannot write baseline: a symbolic link leads out of the scanned tree");

        Path fifo = repository("baseline-fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.resolve(".eventlet-scan-baseline.json").toString()).start().waitFor()).isZero();
        assertRefused(run("baseline", fifo.toString()), "cannot write baseline: not a regular file (a device, pipe or socket");

        Path configured = repository("baseline-configured");
        Files.createSymbolicLink(configured.resolve("out"), outside);
        Files.writeString(configured.resolve(".eventlet-scan.yaml"), "baseline: out/victim.json\n");
        assertRefused(run("baseline", configured.toString()), "baseline: out/victim.json leads outside the repository");
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
    }

    @Test
    void aReportIsNeverWrittenThroughALinkTheRepositoryCommitted() throws Exception {
        Path repo = repository("report-link");
        Files.createSymbolicLink(repo.resolve("report.json"), victim);

        assertRefused(run("scan", repo.toString(), "-o", repo.resolve("report.json").toString()),
                "report.json: cannot write report: a symbolic link leads out of the scanned tree");
    }

    /** File names and a configuration key carrying an escape sequence that retitles the terminal, and a U+202E. */
    @Test
    void repositoryTextIsPrintedEscaped() throws Exception {
        Path repo = repository("control-characters");
        String evil = "evil\u001b]0;owned\u0007\u202egnp.py";
        Files.write(repo.resolve(evil), new byte[] {'i', 'm', 'p', 'o', 'r', 't', ' ', 'e', 'v', 'e', 'n', 't', 'l', 'e', 't', 0});
        Files.writeString(repo.resolve("bidi\u202e.py"), "import eventlet\neventlet.sleep(0)\n");
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        String escaped = "evil\\x1b]0;owned\\x07\\u202egnp.py";

        CliRun text = run("scan", repo.toString(), "-o", reports.resolve("r.json").toString());
        CliRun github = run("scan", repo.toString(), "-q", "-f", "github");
        Files.writeString(repo.resolve(".eventlet-scan.yaml"), "fail-on: \"\\e[2J\\u202e\"\n"); // YAML's escapes
        CliRun config = run("scan", repo.toString());

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.err().lines()).contains("eventlet-scan: warning: " + escaped + ": binary content (NUL bytes), not scanned");
        assertThat(github.out()).contains("::warning file=" + repo + "/" + escaped + ",").contains("/bidi\\u202e.py,");
        assertRefused(config, "fail-on: must be new, any or none, was '\\x1b[2J\\u202e'");
        String json = Files.readString(reports.resolve("r.json"));
        for (String printed : List.of(text.out(), text.err(), github.out(), github.err(), config.err(), json)) {
            assertThat(printed).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e");
        }
        assertThat(json).contains("bidi\\u202e.py");
        assertThat(new ObjectMapper().readTree(json).path("files").toString()).as("the same string, decoded")
                .contains("bidi\u202e.py");
    }

    /**
     * A glob with many stars, a text rule and a query predicate whose regexes backtrack exponentially on the
     * repository's own text: Java's engines would take longer than the universe has left; the scan finishes.
     */
    @Test
    void aConfigurationCannotHangTheScan() throws Exception {
        Path repo = repository("hang");
        Files.writeString(repo.resolve("a".repeat(200) + ".py"), "import eventlet\nx = '" + "a".repeat(5_000) + "!'\n");
        Files.writeString(repo.resolve("notes.txt"), "eventlet " + "a".repeat(50_000) + "!\n");
        Files.writeString(repo.resolve("hostile-rules.yaml"), """
                format: 1
                rules:
                  - id: HOST901
                    title: backtracking text
                    category: docs
                    severity: info
                    weight: 0
                    message: "{symbol}"
                    hints: {threading: "none", asyncio: "none"}
                    guide: https://example.org
                    example: "eventlet aaaa"
                    match:
                      text: "eventlet (a+)+$"
                      files: ["*.txt"]
                  - id: HOST902
                    title: backtracking predicate
                    category: docs
                    severity: info
                    weight: 0
                    message: "{symbol}"
                    hints: {threading: "none", asyncio: "none"}
                    guide: https://example.org
                    example: "x = 'aaaa'"
                    match:
                      query: |
                        (string (string_content) @symbol (#match? @symbol "^(a|aa)+$")) @match
                """);
        Files.writeString(repo.resolve(".eventlet-scan.yaml"), "exclude: ['" + "*a".repeat(30) + "*b']\nrules: [hostile-rules.yaml]\n");

        long start = System.nanoTime();
        CliRun run = run("scan", repo.toString(), "-f", "text");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(run.out()).contains(repo + "/notes.txt:1:1: EVT950 ").contains(repo + "/app.py:2:1: EVT200 ")
                .doesNotContain("HOST901").doesNotContain("HOST902");
    }
}
