package dev.eventletscan.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;

/**
 * One eventlet usage site. Lines and columns are 1-based; columns count code
 * points. {@code end*} is the end of the matched expression.
 *
 * @param symbol canonical dotted name of what is used ({@code eventlet.greenthread.spawn})
 * @param usage how it is used: import, call, decorator, base-class, with, except, reference
 * @param code the source line, without surrounding white space, cut at {@link #MAX_CODE} characters
 * @param scope enclosing classes and functions ({@code Service.start}), empty at module level
 * @param guarded inside an if, except clause or conditional expression of its scope (an import also inside a try):
 *     it may not always run
 * @param weight the rule's effort points for one finding
 * @param context test code, package start-up, entry points
 * @param status {@code new} or {@code known} when compared with a baseline or a git base, else null
 * @param via for an indirect finding, the project's facades and wrappers between this site and eventlet, nearest
 *     first; null for a direct finding
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String ruleId,
        String category,
        Severity severity,
        double weight,
        String path,
        int line,
        int column,
        int endLine,
        int endColumn,
        String symbol,
        String usage,
        String message,
        String code,
        String scope,
        boolean guarded,
        FindingContext context,
        MonkeyPatchDetails monkeyPatch,
        String status,
        List<Hop> via) {

    /**
     * Longer lines are cut: thousands of findings on one line of generated code each held the whole line, which
     * ran a 110 KB line with 5,000 calls out of heap. Real code lines stay whole, and so do their baseline fingerprints.
     */
    public static final int MAX_CODE = 1000;

    public static final String NEW = "new";
    public static final String KNOWN = "known";

    public Finding {
        via = via == null ? null : List.copyOf(via);
    }

    /** A direct finding: the site names eventlet itself. */
    public Finding(String ruleId, String category, Severity severity, double weight, String path, int line, int column,
            int endLine, int endColumn, String symbol, String usage, String message, String code, String scope,
            boolean guarded, FindingContext context, MonkeyPatchDetails monkeyPatch, String status) {
        this(ruleId, category, severity, weight, path, line, column, endLine, endColumn, symbol, usage, message, code, scope,
                guarded, context, monkeyPatch, status, null);
    }

    /** Report order: path, position, then rule, so output never depends on thread timing. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::symbol)
            .thenComparing(Finding::isIndirect);

    public Finding withStatus(String newStatus) {
        return new Finding(ruleId, category, severity, weight, path, line, column, endLine, endColumn, symbol, usage, message,
                code, scope, guarded, context, monkeyPatch, newStatus, via);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, category, newSeverity, weight, path, line, column, endLine, endColumn, symbol, usage, message,
                code, scope, guarded, context, monkeyPatch, status, via);
    }

    /** Reached through the project's own facades or wrappers rather than by naming eventlet. */
    @JsonIgnore
    public boolean isIndirect() {
        return via != null && !via.isEmpty();
    }

    /**
     * A monkey_patch call itself, written in this code, directly or through facades: each one counts once. A call of
     * a project helper that patches carries the helper's analysis too, but the helper's own call is the one counted.
     */
    @JsonIgnore
    public boolean isMonkeyPatchCall() {
        return monkeyPatch != null && !callsPatchingHelper();
    }

    /** A call of a project function whose body runs monkey_patch: the patching happens here, as the helper says. */
    @JsonIgnore
    public boolean callsPatchingHelper() {
        return monkeyPatch != null && via != null && via.stream().anyMatch(h -> h.kind().equals(Hop.WRAPPER));
    }

    @JsonIgnore
    public boolean isNew() {
        return NEW.equals(status);
    }
}
