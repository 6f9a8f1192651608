package dev.eventletscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.eventletscan.TempGitRepo;
import dev.eventletscan.TestSupport;
import dev.eventletscan.TestSupport.CliRun;
import dev.eventletscan.report.JsonRenderer;
import dev.eventletscan.trend.ScriptedHistory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventlet-scan trend} through the real command line, in-process. */
class TrendCliTest {
    @TempDir
    Path tmp;

    private static final String SINCE = "2025-01-06T12:00:00Z";
    private static final String UNTIL = "2025-02-24T12:00:00Z";

    private TempGitRepo history() throws Exception {
        TempGitRepo repo = TempGitRepo.init(tmp.resolve("repo"), "main");
        ScriptedHistory.write(repo);
        return repo;
    }

    @Test
    void jsonFollowsItsSchemaAndIsTheSameBytesEveryRunWhateverTheCacheOrThreads() throws Exception {
        try (TempGitRepo repo = history()) {
            Path one = tmp.resolve("one.json");
            Path two = tmp.resolve("two.json");
            Path three = tmp.resolve("three.json");
            String dir = repo.dir().toString();
            CliRun first = TestSupport.cli("trend", dir, "--since", SINCE, "--until", UNTIL, "--cache-dir", tmp.resolve("cache").toString(),
                    "-o", one.toString());
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.err()).startsWith("eventlet-scan: trend: 8 points, 8 commits scanned, ")
                    .contains("Usage findings fell by 0.8 per 30 days");
            assertThat(TestSupport.cli("trend", dir, "--since", SINCE, "--until", UNTIL, "--cache-dir", tmp.resolve("cache").toString(),
                    "-j", "1", "-q", "-o", two.toString()).exitCode()).isZero();
            assertThat(TestSupport.cli("trend", dir, "--since", SINCE, "--until", UNTIL, "--no-cache", "-q", "-o", "json:" + three)
                    .exitCode()).isZero();
            assertThat(Files.readAllBytes(two)).as("from a warm cache, one thread").isEqualTo(Files.readAllBytes(one));
            assertThat(Files.readAllBytes(three)).as("without the cache").isEqualTo(Files.readAllBytes(one));

            JsonNode report = JsonRenderer.mapper().readTree(one.toFile());
            try (InputStream in = TrendCliTest.class.getResourceAsStream("/schema/trend.schema.json")) {
                var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
                assertThat(schema.validate(report)).isEmpty();
                ((ObjectNode) report.at("/points/0")).put("usageFindings", -1);
                assertThat(schema.validate(report)).as("the schema can fail").isNotEmpty();
            }
            assertThat(report.at("/points").size()).isEqualTo(8);
            assertThat(report.at("/points/3/sameCommitAsPrevious").asBoolean()).isTrue();
            assertThat(report.at("/drops/0/commit/subject").asText()).isEqualTo("Run without green threads");
            assertThat(report.at("/projection/status").asText()).isEqualTo("projected");
            assertThat(Files.readString(one)).doesNotContain(LocalDate.now().toString()); // no run date anywhere
        }
    }

    @Test
    void textOnStandardOutputAndHtmlToAFile() throws Exception {
        try (TempGitRepo repo = history()) {
            CliRun text = TestSupport.cli("trend", repo.dir().toString(), "--since", SINCE, "--until", UNTIL, "--no-cache");
            assertThat(text.exitCode()).isZero();
            assertThat(text.err()).isEmpty();
            assertThat(text.out()).contains("8 points from 2025-01-06T12:00:00Z to 2025-02-24T12:00:00Z, every 1w")
                    .containsPattern("2025-01-27  [0-9a-f]{10} = +8 +7 +3 +1 ")
                    .contains("-3 usage findings from 2025-02-17 to 2025-02-24 (3 commits): docs +1, green-thread -2, import -1")
                    .contains("Run without green threads: -2 (each commit scanned)")
                    .contains("      svc/worker.py 3 -> 1")
                    .contains("Stop patching <script>alert(1)</script>: -2 (only commit)")
                    .contains("projection: Usage findings fell by 0.8 per 30 days");

            Path html = tmp.resolve("trend.html");
            CliRun run = TestSupport.cli("trend", repo.dir().toString(), "--since", SINCE, "--until", UNTIL, "--no-cache", "-q",
                    "-o", html.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            Document doc = Jsoup.parse(Files.readString(html));
            assertThat(doc.select("svg")).hasSize(6);
            assertThat(doc.select("#chart-usage circle")).hasSize(8);
            assertThat(doc.getElementById("projection").text()).contains("around 2025-08-10");
        }
    }

    @Test
    void pointsOrEveryAndTheDefaults() throws Exception {
        try (TempGitRepo repo = history()) {
            CliRun points = TestSupport.cli("trend", repo.dir().toString(), "--since", SINCE, "--points", "3", "--no-cache", "-f", "json");
            assertThat(points.exitCode()).as(points.err()).isZero();
            JsonNode report = JsonRenderer.mapper().readTree(points.out());
            assertThat(report.at("/sampling/points").asInt()).isEqualTo(3);
            assertThat(report.at("/sampling/until").asText()).as("HEAD's commit date").isEqualTo("2025-02-20T12:00:00Z");
            assertThat(report.at("/points/2/date").asText()).isEqualTo("2025-02-20T12:00:00Z");
            CliRun relative = TestSupport.cli("trend", repo.dir().toString(), "--since", "2w", "--no-cache", "-f", "json");
            assertThat(JsonRenderer.mapper().readTree(relative.out()).at("/sampling/since").asText()).isEqualTo("2025-02-06T12:00:00Z");
            assertThat(JsonRenderer.mapper().readTree(relative.out()).at("/sampling/every").asText()).as("the default").isEqualTo("1w");
        }
    }

    @Test
    void wrongUsageIsOneLineAndExitTwo() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        try (TempGitRepo repo = history()) {
            String dir = repo.dir().toString();
            Map<String[], String> cases = new LinkedHashMap<>();
            cases.put(new String[] {"trend", plain.toString(), "--since", "1y"},
                    "plain: not in a git repository (trend reads the history of its current branch)");
            cases.put(new String[] {"trend", dir, "--since", "yesterday"},
                    "--since 'yesterday': not a date (YYYY-MM-DD, or a date-time as 2025-07-01T12:00:00Z), nor an amount before --until such as 1y or 6mo");
            cases.put(new String[] {"trend", dir, "--since", "2025-13-01"}, "--since '2025-13-01': not a date");
            cases.put(new String[] {"trend", dir, "--since", "1y", "--until", "soon"}, "--until 'soon': not a date");
            cases.put(new String[] {"trend", dir, "--since", "3m"}, "--since '3m': not a date or an amount of time before --until");
            cases.put(new String[] {"trend", dir, "--since", "1y", "--every", "fortnight"},
                    "--every 'fortnight' is not an amount of time: a whole number and d, w, mo or y, as 1w, 2w, 1mo or 1y");
            cases.put(new String[] {"trend", dir, "--since", "1y", "--every", "1w", "--points", "4"}, "--every and --points exclude each other");
            cases.put(new String[] {"trend", dir, "--since", "1y", "--points", "1"}, "--points must be 2 or more, was 1");
            cases.put(new String[] {"trend", dir, "--since", "2020-01-01", "--until", "2020-06-01"},
                    "no commits in range: the first commit of main is dated 2025-01-06T12:00:00Z, after --until 2020-06-01T00:00:00Z");
            cases.put(new String[] {"trend", dir, "--since", "2020-01-01", "--every", "1d", "--until", "2030-01-01"},
                    "--every 1d gives more than 2000 points");
            cases.put(new String[] {"trend", dir, "--since", "1y", "-f", "sarif"}, "unknown --format 'sarif' for trend (known: text, json, html)");
            cases.put(new String[] {"trend", dir, "--since", "1y", "-o", tmp.resolve("t.sarif").toString()},
                    "t.sarif: trend writes text, json or html, not sarif");
            cases.put(new String[] {"trend", dir, "--since", "1y", "--site-packages", tmp.toString()},
                    "trend takes no --site-packages or --venv");
            for (var c : cases.entrySet()) {
                CliRun run = TestSupport.cli(c.getKey());
                assertThat(run.exitCode()).as(String.join(" ", c.getKey())).isEqualTo(2);
                assertThat(run.err()).as(String.join(" ", c.getKey())).startsWith("eventlet-scan: error: ").contains(c.getValue())
                        .endsWith("\n").hasLineCount(1);
                assertThat(run.out()).isEmpty();
            }
            String c3 = repo.git().getRepository().resolve("HEAD~5").name();
            Files.writeString(repo.dir().resolve(".git/shallow"), c3 + "\n");
            CliRun shallow = TestSupport.cli("trend", dir, "--since", SINCE, "--no-cache");
            assertThat(shallow.exitCode()).isEqualTo(2);
            assertThat(shallow.err()).isEqualTo("eventlet-scan: error: the history stops at commit " + c3.substring(0, 10)
                    + " of 2025-01-20 (a shallow clone): fetch the rest with 'git fetch --unshallow', or start with --since "
                    + "2025-01-20 or later\n");
        }
    }

    @Test
    void aBareRepositoryAndASubfolderWork() throws Exception {
        try (TempGitRepo repo = history()) {
            Path bare = tmp.resolve("bare.git");
            Git.cloneRepository().setURI(repo.dir().toUri().toString()).setBare(true)
                    .setDirectory(bare.toFile()).call().close();
            CliRun fromBare = TestSupport.cli("trend", bare.toString(), "--since", SINCE, "--until", UNTIL, "--no-cache", "-f", "json");
            CliRun fromTree = TestSupport.cli("trend", repo.dir().toString(), "--since", SINCE, "--until", UNTIL, "--no-cache", "-f", "json");
            assertThat(fromBare.exitCode()).as(fromBare.err()).isZero();
            JsonNode a = JsonRenderer.mapper().readTree(fromBare.out());
            JsonNode b = JsonRenderer.mapper().readTree(fromTree.out());
            assertThat(a.get("points")).isEqualTo(b.get("points"));
            assertThat(a.at("/repository/branch").asText()).isEqualTo("main");

            CliRun sub = TestSupport.cli("trend", repo.dir().resolve("svc").toString(), "--since", SINCE, "--until", UNTIL,
                    "--no-cache", "-f", "json");
            JsonNode s = JsonRenderer.mapper().readTree(sub.out());
            assertThat(s.at("/repository/folder").asText()).isEqualTo("svc");
            assertThat(s.at("/points/0/findingsByCategory").toString()).as("no README.md under svc/")
                    .isEqualTo("{\"green-thread\":2,\"import\":1}");
        }
    }
}
