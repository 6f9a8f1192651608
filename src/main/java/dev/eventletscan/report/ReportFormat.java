package dev.eventletscan.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The report formats, each with its renderer and the file extensions that select it. */
public enum ReportFormat {
    TEXT(TextRenderer::new, ".txt"),
    /** For a person at a terminal: grouped by file, in colour when the CLI asks. */
    TERMINAL(TerminalRenderer::new),
    JSON(JsonRenderer::new, ".json"),
    MARKDOWN(MarkdownRenderer::new, ".md", ".markdown"),
    HTML(HtmlRenderer::new, ".html", ".htm"),
    SARIF(SarifRenderer::new, ".sarif", ".sarif.json"),
    /** GitHub Actions annotations, only by name: no file extension means it. */
    GITHUB(GithubRenderer::new);

    private final Supplier<Renderer> renderer;
    private final String[] extensions;

    ReportFormat(Supplier<Renderer> renderer, String... extensions) {
        this.renderer = renderer;
        this.extensions = extensions;
    }

    public Renderer renderer() {
        return renderer.get();
    }

    /** The renderer, in colour where the format has colours. */
    public Renderer renderer(boolean colour) {
        return this == TERMINAL ? new TerminalRenderer(colour) : renderer();
    }

    /** The format ids, for help and error messages: {@code text, terminal, json, ...}. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(ReportFormat::id).toList());
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The format a file name's extension selects, if any; the longest matching extension wins (.sarif.json over .json). */
    public static Optional<ReportFormat> forFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        ReportFormat best = null;
        int longest = 0;
        for (ReportFormat f : values()) {
            for (String ext : f.extensions) {
                if (lower.endsWith(ext) && ext.length() > longest) {
                    best = f;
                    longest = ext.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
