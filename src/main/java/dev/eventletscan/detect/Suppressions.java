package dev.eventletscan.detect;

import dev.eventletscan.model.Finding;
import dev.eventletscan.parse.SourceText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Inline suppression comments: {@code # eventlet-scan: ignore} silences every
 * finding on its line, {@code # eventlet-scan: ignore[EVT101,EVT102]} only those
 * rules (ids or categories). A finding spanning lines may carry the comment on
 * its first or last line. flake8's {@code # noqa: H905} silences every finding on its line too. Suppressed
 * findings are kept apart, never dropped.
 */
public final class Suppressions {
    private static final Pattern MARKER = Pattern.compile("#\\s*eventlet-scan:\\s*ignore(?:\\[([^\\]]*)])?");
    /**
     * flake8's {@code # noqa: H905}: hacking's H905 bans eventlet, so a project that finished its migration marks
     * its deliberate exceptions with it. A bare {@code # noqa} mostly silences unused-import warnings on
     * side-effect imports, which are exactly what we report, so it silences nothing of ours.
     */
    private static final Pattern NOQA_H905 = Pattern.compile("#\\s*noqa\\s*:\\s*(?:[a-z]+[0-9]+[,\\s]+)*h905\\b",
            Pattern.CASE_INSENSITIVE);

    /** The text one of which a silencing comment holds, looked for in one pass before any line is read. */
    private static final NeedleSearch MARKERS = new NeedleSearch(List.of("eventlet-scan", "H905", "h905"));

    /** Findings split into those that stand and those a comment silenced. */
    public record Split(List<Finding> kept, List<Finding> suppressed) {}

    private Suppressions() {}

    public static Split apply(SourceText source, List<Finding> findings) {
        if (findings.isEmpty() || !MARKERS.foundIn(source.utf8())) {
            return new Split(findings, List.of());
        }
        List<Finding> kept = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        for (Finding f : findings) {
            boolean silenced = silences(source.line(f.line()), f) || (f.endLine() != f.line() && silences(source.line(f.endLine()), f));
            (silenced ? suppressed : kept).add(f);
        }
        return new Split(kept, suppressed);
    }

    private static boolean silences(String line, Finding f) {
        if (NOQA_H905.matcher(line).find()) {
            return true;
        }
        Matcher m = MARKER.matcher(line);
        while (m.find()) {
            if (m.group(1) == null) {
                return true;
            }
            Set<String> names = Arrays.stream(m.group(1).split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).map(String::toUpperCase).collect(Collectors.toSet());
            if (names.contains(f.ruleId().toUpperCase()) || names.contains(f.category().toUpperCase())) {
                return true;
            }
        }
        return false;
    }
}
