package dev.eventletscan.gate;

import static dev.eventletscan.TestSupport.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventletscan.TempGitRepo;
import dev.eventletscan.TestSupport.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance scenarios, end to end: a real git repository, the real CLI, a committed baseline,
 * then changes a developer makes, each checked for its exit code and what is reported.
 */
class CiGateEndToEndTest {
    static final String WORKER = """
            import eventlet


            def start(fn):
                return eventlet.spawn(fn)


            def nap():
                eventlet.sleep(1)


            class Pool:
                def grow(self):
                    return eventlet.GreenPool(10)
            """;
    static final String API = """
            from eventlet import wsgi


            def serve(sock, app):
                wsgi.server(sock, app)
            """;

    @TempDir
    Path tmp;
    TempGitRepo repo;
    String root;

    @BeforeEach
    void committedBaseline() throws Exception {
        repo = TempGitRepo.init(tmp.resolve("repo"), "main");
        root = repo.dir().toString();
        repo.write("svc/__init__.py", "");
        repo.write("svc/worker.py", WORKER);
        repo.write("svc/api.py", API);
        repo.write("requirements.txt", "eventlet>=0.33\n");
        repo.commitAll("service");
        CliRun made = cli("baseline", root);
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.err()).contains("wrote " + root + "/.eventlet-scan-baseline.json: 7 findings");
        repo.commitAll("baseline");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void theBaselineItselfPasses() {
        CliRun run = cli("scan", root, "--fail-on", "new", "--format", "text");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("compared with baseline " + root + "/.eventlet-scan-baseline.json: 0 new, 7 known");
        assertThat(run.err()).contains("gates passed (--fail-on new)");
    }

    @Test
    void aNewSpawnFailsNamingFileAndLine() throws Exception {
        repo.write("svc/worker.py", WORKER + "\n\ndef more(fn):\n    eventlet.spawn(fn)\n");
        int line = repo.lineOf("svc/worker.py", "    eventlet.spawn(fn)");

        CliRun run = cli("scan", root, "--fail-on", "new", "--format", "text", "--quiet");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.startsWith("eventlet-scan: gate failed")).toList()).containsExactly(
                "eventlet-scan: gate failed: --fail-on new: 1 new finding of severity low or above against baseline " + root
                        + "/.eventlet-scan-baseline.json: " + root + "/svc/worker.py:" + line
                        + ":5: EVT200 eventlet.greenthread.spawn starts a green thread and returns a GreenThread handle");
        assertThat(run.out().lines().filter(l -> l.contains(": EVT")).toList())
                .as("the text report lists the new finding only").hasSize(1).first().asString()
                .startsWith(root + "/svc/worker.py:" + line + ":5: EVT200");
    }

    @Test
    void linesInsertedAboveFunctionsMovedLinesReformattedAndAFileMovedPass() throws Exception {
        repo.write("svc/worker.py", """
                \"\"\"Workers.\"\"\"
                import eventlet

                import os

                LIMIT = int(os.environ.get("LIMIT", "3"))


                class Pool:
                    # pools grow on demand
                    def grow(self):
                        return eventlet.GreenPool(10)


                def nap():
                    eventlet.sleep( 1 )  # yield to others


                def start(fn):

                    return eventlet.spawn(fn)
                """);
        Files.createDirectories(repo.dir().resolve("svc/http"));
        repo.write("svc/http/__init__.py", "");
        Files.move(repo.dir().resolve("svc/api.py"), repo.dir().resolve("svc/http/api.py"));

        CliRun run = cli("scan", root, "--fail-on", "new", "-o", "json:" + tmp.resolve("r.json"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
        assertThat(report.at("/comparison/newFindings").asInt()).isZero();
        assertThat(report.at("/comparison/knownFindings").asInt()).isEqualTo(7);
        assertThat(report.at("/comparison/fixed")).isEmpty();
        assertThat(report.at("/gate/passed").asBoolean()).isTrue();
    }

    @Test
    void aRemovedUsageIsReportedFixed() throws Exception {
        repo.write("svc/worker.py", WORKER.replace("def nap():\n    eventlet.sleep(1)\n", ""));

        CliRun run = cli("scan", root, "--fail-on", "new", "--format", "text", "-o", "json:" + tmp.resolve("r.json"),
                "-o", "text:-");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("6 known (not listed), 1 fixed")
                .contains("fixed: " + root + "/svc/worker.py: EVT203 eventlet.greenthread.sleep: eventlet.sleep(1)");
        JsonNode fixed = new ObjectMapper().readTree(tmp.resolve("r.json").toFile()).at("/comparison/fixed");
        assertThat(fixed).hasSize(1);
        assertThat(fixed.get(0).get("path").asText()).isEqualTo("svc/worker.py");
        assertThat(fixed.get(0).get("ruleId").asText()).isEqualTo("EVT203");
        assertThat(fixed.get(0).get("scope").asText()).isEqualTo("nap");
    }

    @Test
    void diffBaseOnABranchReportsExactlyTheUsageItAdds() throws Exception {
        repo.newBranch("feature");
        repo.write("svc/api.py", API.replace("from eventlet import wsgi\n", "from eventlet import wsgi\nimport os\n"));
        repo.write("svc/worker.py", WORKER + "\n\ndef background(fn):\n    return eventlet.spawn_n(fn)\n");
        repo.commitAll("feature work");
        repo.checkout("main");
        repo.write("svc/api.py", API + "\n\ndef later(fn):\n    wsgi.server(None, fn)\n");
        repo.commitAll("main moves on: not the branch's change");
        repo.checkout("feature");
        int line = repo.lineOf("svc/worker.py", "eventlet.spawn_n(fn)");

        for (String baseline : List.of("--no-baseline", "--baseline=" + root + "/.eventlet-scan-baseline.json")) {
            CliRun run = cli("scan", root, baseline, "--diff-base", "main", "--fail-on", "new", "-o",
                    "json:" + tmp.resolve("r.json"));
            assertThat(run.exitCode()).as(baseline + ": " + run.err()).isEqualTo(1);
            JsonNode report = new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
            List<String> fresh = new ArrayList<>();
            report.get("findings").forEach(f -> {
                if (f.get("status").asText().equals("new")) {
                    fresh.add(f.get("path").asText() + ":" + f.get("line").asInt() + " " + f.get("ruleId").asText());
                }
            });
            assertThat(fresh).as(baseline).containsExactly("svc/worker.py:" + line + " EVT201");
            assertThat(report.at("/comparison/diffBase").asText()).isEqualTo("main");
        }
    }
}
