package dev.eventletscan.detect;

import dev.eventletscan.model.Excerpt;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.FindingContext;
import dev.eventletscan.model.MonkeyPatchDetails;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.rules.Rule;

/** Builds findings the same way for every detector: positions from byte offsets, rule fields copied. */
public final class Findings {
    private Findings() {}

    /** Where in the file and what was found; the rule supplies the rest. */
    public record Site(int startByte, int endByte, String symbol, String usage, String message) {}

    public static Finding of(Rule rule, String path, SourceText src, Site site, String scope, boolean guarded,
            FindingContext context, MonkeyPatchDetails patch) {
        int line = src.lineOf(site.startByte());
        return new Finding(rule.id(), rule.category(), rule.severity(), rule.weight(), path,
                line, src.columnOf(site.startByte()), src.lineOf(site.endByte()), src.columnOf(site.endByte()),
                site.symbol(), site.usage(), site.message(), Excerpt.shorten(src.line(line).strip(), Finding.MAX_CODE),
                scope, guarded, context, patch, null);
    }
}
