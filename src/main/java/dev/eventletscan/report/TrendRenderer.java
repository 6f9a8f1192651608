package dev.eventletscan.report;

import dev.eventletscan.model.TrendReport;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/** One format of the trend report: a pure function of the {@link TrendReport}. */
public interface TrendRenderer {
    void render(TrendReport report, Writer out) throws IOException;

    /** The trend renderer of a report format: text, JSON and HTML have one. */
    static Optional<TrendRenderer> of(ReportFormat format) {
        return Optional.ofNullable(switch (format) {
            case TEXT, TERMINAL -> new TrendTextRenderer();
            case JSON -> (report, out) -> JsonRenderer.write(report, out);
            case HTML -> new TrendHtmlRenderer();
            default -> null;
        });
    }
}
