package dev.eventletscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The escaping-trap sample's names, code and strings are markup; in the HTML report they must stay text. */
class HtmlEscapingTest {
    static String html(String sample) throws Exception {
        StringWriter out = new StringWriter();
        new HtmlRenderer().render(GoldenReportTest.result(sample), out);
        return out.toString();
    }

    @Test
    void markupFromTheRepositoryStaysText() throws Exception {
        String html = html("escaping-trap");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).as("only our own script").hasSize(1);
        assertThat(doc.select("script").first().data()).doesNotContain("alert");
        assertThat(doc.select("img, iframe, b, textarea")).isEmpty();
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> assertThat(a.getKey()).as("event handler on <" + e.tagName() + ">").doesNotStartWith("on"));
            e.attributes().forEach(a -> assertThat(a.getValue()).doesNotContain("javascript:"));
        }
        // the text survives, readable
        assertThat(doc.text()).contains("trap/<img src=x onerror=alert(1)>.py")
                .contains("ev.sleep(0) # </script><script>alert(\"sleep\")</script>") // white space collapsed by text()
                .contains("'<iframe src=\"javascript:alert(1)\">'");
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("</textarea>");
        // nothing cut the page short: the last section and the script are there
        assertThat(doc.getElementById("files")).isNotNull();
        assertThat(doc.select("div.file")).hasSize(4);
    }

    @Test
    void thePageLoadsNothingFromTheNetwork() throws Exception {
        Document doc = Jsoup.parse(html("green-service"));
        assertThat(doc.select("link, img, iframe, script[src], object, embed")).isEmpty();
        String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(csp).startsWith("default-src 'none'").contains("script-src 'sha256-").doesNotContain("script-src 'unsafe-inline'");
        // the hash is of our script exactly (HtmlBrowserTest proves the browser agrees: its filters run)
        String script = doc.select("script").first().data();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(script.getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).contains("'sha256-" + hash + "'");
    }
}
