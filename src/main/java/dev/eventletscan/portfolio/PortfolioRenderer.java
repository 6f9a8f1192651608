package dev.eventletscan.portfolio;

import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/** One portfolio report format: a pure function of the report. */
public interface PortfolioRenderer {
    void render(PortfolioReport report, Writer out) throws IOException;

    /** @param format json, markdown (md) or html */
    static Optional<PortfolioRenderer> of(String format) {
        return switch (format) {
            case "json" -> Optional.of((r, w) -> dev.eventletscan.report.JsonRenderer.write(r, w));
            case "markdown", "md" -> Optional.of(new PortfolioMarkdown());
            case "html" -> Optional.of(new PortfolioHtml());
            default -> Optional.empty();
        };
    }
}
