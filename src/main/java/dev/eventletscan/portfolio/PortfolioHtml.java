package dev.eventletscan.portfolio;

import dev.eventletscan.report.HtmlRenderer;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** The portfolio dashboard: one self-contained page, from resources/report/html/portfolio.ftlh. */
public final class PortfolioHtml implements PortfolioRenderer {
    private static final String SCRIPT = HtmlRenderer.resource("portfolio.js");

    @Override
    public void render(PortfolioReport report, Writer out) throws IOException {
        Map<String, Object> model = Map.of("p", report, "v", PortfolioView.of(report),
                "css", HtmlRenderer.resource("report.css") + HtmlRenderer.resource("portfolio.css"), "js", SCRIPT,
                "scriptHash", HtmlRenderer.scriptHash(SCRIPT));
        try {
            HtmlRenderer.template("portfolio.ftlh").process(model, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("HTML template failed: " + e.getMessage(), e);
        }
    }
}
