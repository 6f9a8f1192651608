package dev.eventletscan.report;

import dev.eventletscan.model.TrendReport;
import dev.eventletscan.report.html.TrendView;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * The trend as one self-contained HTML page: inline SVG line and area charts, the drops and rises with their
 * commits, the projection. No script at all, so its Content-Security-Policy allows none; the template
 * auto-escapes commit subjects and paths, as the scan report does.
 */
public final class TrendHtmlRenderer implements TrendRenderer {
    @Override
    public void render(TrendReport report, Writer out) throws IOException {
        Map<String, Object> model = Map.of("t", report, "v", TrendView.of(report), "css", HtmlRenderer.resource("report.css"));
        try {
            HtmlRenderer.FREEMARKER.getTemplate("trend.ftlh").process(model, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("HTML template failed: " + e.getMessage(), e);
        }
    }
}
