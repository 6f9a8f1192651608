package dev.eventletscan.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.report.JsonRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The portfolio of our own samples, with a team mapping, a JSON report made elsewhere (green-service-ci), a folder
 * that is not Python, a checkout that is gone and an earlier portfolio report, against a golden file per format.
 * A legitimate change of output: run with -Deventletscan.regenerate=true and review the diff like code.
 */
class PortfolioGoldenTest {
    static final Path FIXTURES = Path.of("src/test/resources/portfolio");
    private static final Path GOLDEN = TestSupport.projectDir().resolve("src/test/resources/golden/portfolio");
    private static PortfolioReport report;

    @BeforeAll
    static void build() throws IOException {
        report = samplePortfolio(null);
    }

    /** The sample portfolio, whole or one shard; relative paths, so the reports name no folder of this machine. */
    static PortfolioReport samplePortfolio(Shard shard) throws IOException {
        Path reports = Path.of("target/portfolio-test/reports");
        Files.createDirectories(reports);
        ScanRequest ci = ScanRequest.of(Path.of("samples/green-service"));
        ScanResult elsewhere = Scanner.forRequest(ci).scan(ci).withoutTiming();
        try (Writer w = Files.newBufferedWriter(reports.resolve("green-service-ci.json"))) {
            JsonRenderer.write(elsewhere, w);
        }
        List<RepositorySource> sources = PortfolioInputs.collect(List.of(Path.of("samples")), List.of(FIXTURES.resolve("extra.list")),
                List.of(reports));
        ScanRequest template = ScanRequest.of(Path.of("."));
        PortfolioRequest request = new PortfolioRequest(template, 2, Teams.read(FIXTURES.resolve("teams.yaml")), 0, shard);
        return Portfolio.build(Scanner.forRequest(template), request, sources, Portfolio.read(FIXTURES.resolve("previous.json")),
                PortfolioListener.NONE);
    }

    static String render(String format, PortfolioReport r) throws IOException {
        StringWriter out = new StringWriter();
        PortfolioRenderer.of(format).orElseThrow().render(r, out);
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "md", "html"})
    void matchesItsGoldenFile(String format) throws IOException {
        // the samples sit in this project's own repository: its commit changes with every commit of ours
        String text = render(format, report).replaceAll("\"commit\" : \"[0-9a-f]{40}\"", "\"commit\" : \"(this project's)\"");
        Path golden = GOLDEN.resolve("portfolio." + format);
        if (Boolean.getBoolean("eventletscan.regenerate")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; create it with -Deventletscan.regenerate=true").exists();
        assertThat(text).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void failedRepositoriesAreListedWithTheirErrorAndTheRestGoesOn() throws IOException {
        List<String> failed = new ArrayList<>();
        report.repositories().stream().filter(RepositoryEntry::failed).forEach(r -> failed.add(r.name() + ": " + r.error()));
        assertThat(failed).containsExactly("missing-checkout: no such folder",
                "not-python: no Python file found: not a Python repository");
        long samples;
        try (var folders = Files.list(Path.of("samples"))) {
            samples = folders.filter(Files::isDirectory).count();
        }
        assertThat(report.repositories()).as("every sample, the report made elsewhere and the two failures")
                .hasSize((int) samples + 3);
        assertThat(report.totals().overall().byStatus()).containsEntry("failed", 2).containsEntry("eventlet-free", 1);
        assertThat(report.order()).noneMatch(s -> s.repository().equals("not-python") || s.repository().equals("no-eventlet"));
    }

    @org.junit.jupiter.api.Test
    void aReportMadeElsewhereCountsAsItsScanWould() {
        RepositoryEntry scanned = report.repositories().stream().filter(r -> r.name().equals("green-service")).findFirst().orElseThrow();
        RepositoryEntry read = report.repositories().stream().filter(r -> r.name().equals("green-service-ci")).findFirst().orElseThrow();
        assertThat(read.source()).isEqualTo("report");
        assertThat(read.team()).isEqualTo("services");
        assertThat(List.of(read.score(), read.usageFindings(), read.findings(), read.status(), read.switchOff()))
                .isEqualTo(List.of(scanned.score(), scanned.usageFindings(), scanned.findings(), scanned.status(), scanned.switchOff()));
    }

    @org.junit.jupiter.api.Test
    void mergedShardsGiveTheSingleRunsJsonByteForByte() throws IOException {
        String single = render("json", report);
        List<PortfolioReport> shards = new ArrayList<>();
        for (int i = 3; i >= 1; i--) { // any order
            PortfolioReport shard = samplePortfolio(new Shard(i, 3));
            assertThat(shard.repositories()).hasSizeLessThan(report.repositories().size());
            // through the JSON text, as a CI matrix hands them on
            Path file = Path.of("target/portfolio-test/shard-" + i + ".json");
            Files.writeString(file, render("json", shard));
            shards.add(Portfolio.read(file));
        }
        String merged = render("json", Portfolio.merge(shards, Portfolio.read(FIXTURES.resolve("previous.json"))));
        assertThat(merged).isEqualTo(single);
    }

    @org.junit.jupiter.api.Test
    void theJsonFollowsItsSchema() throws IOException {
        com.networknt.schema.JsonSchema schema;
        try (java.io.InputStream in = PortfolioGoldenTest.class.getResourceAsStream("/schema/portfolio.schema.json")) {
            schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        var json = JsonRenderer.mapper().readTree(render("json", report));
        assertThat(schema.validate(json)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.at("/repositories/0")).put("status", "half done");
        assertThat(schema.validate(json)).as("the schema can fail").isNotEmpty();
    }
}
