package dev.eventletscan.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The report formats, each with its renderer and the file extensions that select it. */
public enum ReportFormat {
    TEXT(TextRenderer::new, ".txt"),
    JSON(JsonRenderer::new, ".json");

    private final Supplier<Renderer> renderer;
    private final String[] extensions;

    ReportFormat(Supplier<Renderer> renderer, String... extensions) {
        this.renderer = renderer;
        this.extensions = extensions;
    }

    public Renderer renderer() {
        return renderer.get();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The format a file name's extension selects, if any. */
    public static Optional<ReportFormat> forFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> Arrays.stream(f.extensions).anyMatch(lower::endsWith))
                .findFirst();
    }
}
