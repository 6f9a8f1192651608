package dev.eventletscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TempGitRepo;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.cache.ResultCache;
import dev.eventletscan.model.TrendReport;
import dev.eventletscan.trend.HistoryTrend;
import dev.eventletscan.trend.Step;
import dev.eventletscan.trend.TrendDates;
import dev.eventletscan.trend.TrendListener;
import dev.eventletscan.trend.TrendRequest;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trend page: charts as inline SVG, and commit subjects, paths and the folder name from the repository kept as text. */
class TrendHtmlTest {
    static final String SUBJECT = "Drop </title><script>alert(\"subject\")</script> & <img src=x onerror=alert(2)>";
    static final String TRAP_FILE = "trap/<img src=x onerror=alert(1)>.py";

    @TempDir
    Path tmp;

    /** A history whose folder name, file names and commit subjects are markup; rises, drops and a projection to show. */
    static TrendReport trap(Path dir) throws Exception {
        Path root = dir.resolve("repo <i onmouseover=alert(3)>");
        try (TempGitRepo repo = TempGitRepo.init(root, "main")) {
            repo.write(TRAP_FILE, "import eventlet\n" + "eventlet.sleep(0)\n".repeat(6) + "eventlet.monkey_patch()\n");
            repo.write("README.md", "eventlet <b>bold</b>\n");
            repo.commitAll("Start <b>here</b>", Instant.parse("2025-04-07T00:00:00Z"));
            for (int week = 1; week <= 5; week++) {
                repo.write(TRAP_FILE, "import eventlet\n" + "eventlet.sleep(0)\n".repeat(6 - week) + "eventlet.monkey_patch()\n");
                repo.commitAll(week == 3 ? SUBJECT : "one sleep fewer", Instant.parse("2025-04-07T00:00:00Z").plusSeconds(week * 7 * 86_400L));
            }
            repo.write("svc/'quote\".py", "import eventlet\n");
            repo.commitAll("Add 'quote\" & <back>", Instant.parse("2025-05-14T00:00:00Z"));
            ScanRequest request = new ScanRequest(root, List.of(), List.of(), 1, List.of());
            return new HistoryTrend(Scanner.forRequest(request)).run(new TrendRequest(request,
                    TrendDates.since("2025-04-07"), TrendDates.until(null, Instant.now()), Step.parse("1w"), null),
                    ResultCache.inMemory(), TrendListener.NONE);
        }
    }

    static String html(TrendReport report) throws Exception {
        StringWriter out = new StringWriter();
        new TrendHtmlRenderer().render(report, out);
        return out.toString();
    }

    @Test
    void markupFromTheRepositoryStaysText() throws Exception {
        TrendReport report = trap(tmp);
        assertThat(report.drops()).extracting(c -> c.commit().subject()).contains(SUBJECT);
        String html = html(report);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).as("the page has no script at all").isEmpty();
        assertThat(doc.select("img, iframe, b, i, back")).isEmpty();
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> assertThat(a.getKey()).as("event handler on <" + e.tagName() + ">").doesNotStartWith("on"));
        }
        assertThat(doc.title()).isEqualTo("eventlet-scan trend: " + report.repository().root());
        assertThat(doc.getElementById("drops").text()).contains(SUBJECT).contains(TRAP_FILE + " 5 → 4");
        assertThat(doc.getElementById("rises").text()).contains("Add 'quote\" & <back>").contains("svc/'quote\".py 0 → 1");
        assertThat(doc.select("#chart-usage circle title").eachText()).anySatisfy(t -> assertThat(t).contains(SUBJECT));
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<i onmouseover");
        assertThat(doc.getElementById("notices")).isNull();
        assertThat(doc.getElementById("points")).isNotNull(); // nothing cut the page short
    }

    @Test
    void chartsAreInlineSvgAndThePageLoadsNothing() throws Exception {
        TrendReport report = trap(tmp);
        Document doc = Jsoup.parse(html(report));
        assertThat(doc.select("link, img, iframe, script, object, embed")).isEmpty();
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .isEqualTo("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        assertThat(doc.select("figure.trend-chart")).extracting(e -> e.id())
                .containsExactly("chart-usage", "chart-categories", "chart-files", "chart-patches", "chart-score", "chart-effort");
        int points = report.points().size();
        assertThat(doc.select("#chart-usage circle")).hasSize(points);
        assertThat(doc.select("#chart-usage polyline").first().attr("points").split(" ")).hasSize(points);
        assertThat(doc.select("#chart-usage polyline.dashed")).as("the projection to zero").hasSize(1);
        assertThat(doc.select("#chart-categories polygon")).extracting(e -> e.selectFirst("title").text())
                .containsExactly("green-thread", "import", "docs", "monkey-patch");
        assertThat(doc.getElementById("projection").text()).isEqualTo(report.projection().statement());
        assertThat(doc.select("#points tbody tr")).hasSize(points);
        // every coordinate lies inside its chart
        for (Element line : doc.select("polyline, polygon")) {
            for (String xy : line.attr("points").split(" ")) {
                double x = Double.parseDouble(xy.split(",")[0]);
                double y = Double.parseDouble(xy.split(",")[1]);
                assertThat(x).isBetween(0.0, 880.0);
                assertThat(y).isBetween(0.0, 220.0);
            }
        }
    }
}
