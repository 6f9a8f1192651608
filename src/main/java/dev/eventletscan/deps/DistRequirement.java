package dev.eventletscan.deps;

import dev.eventletscan.rules.DependencyMatch;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One requirement of an installed distribution (a {@code Requires-Dist} line, a
 * {@code requires.txt} line) or of the project: PEP 508, read leniently.
 * Markers are kept as text and never evaluated, except that a marker naming
 * {@code extra == "x"} makes the requirement apply only when extra x is requested.
 *
 * @param name the distribution name as written
 * @param normalisedName PEP 503 form, for matching
 * @param extras extras this requirement asks of the required distribution ({@code celery[eventlet]}), normalised
 * @param marker the environment marker, without the {@code ;}, or empty
 * @param onlyForExtras extras of the requiring distribution this requirement belongs to (normalised);
 *     empty when it always applies
 */
public record DistRequirement(String name, String normalisedName, SortedSet<String> extras, String marker,
        SortedSet<String> onlyForExtras) {
    private static final Pattern NAME = Pattern.compile(
            "^\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(?:\\[([^\\]]*)])?\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern EXTRA_MARKER = Pattern.compile(
            "\\bextra\\s*==\\s*(['\"])([^'\"]*)\\1|(['\"])([^'\"]*)\\3\\s*==\\s*extra\\b");

    public DistRequirement {
        extras = Collections.unmodifiableSortedSet(new TreeSet<>(extras));
        onlyForExtras = Collections.unmodifiableSortedSet(new TreeSet<>(onlyForExtras));
    }

    /**
     * Reads one requirement; empty for blank lines, comments and text that names no distribution.
     *
     * @param sectionExtra the {@code requires.txt} section's extra ({@code [eventlet]}), or null outside one
     */
    public static Optional<DistRequirement> parse(String text, String sectionExtra) {
        String line = stripComment(text).strip();
        if (line.isEmpty() || line.startsWith("-")) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String rest = m.group(3);
        // "name @ url ; marker": the marker must follow white space, since URLs may hold ';'
        int semicolon = rest.startsWith("@") ? indexOfSpacedSemicolon(rest) : rest.indexOf(';');
        String spec = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (!spec.isBlank() && !spec.strip().matches("^[<>=!~(@,].*")) {
            return Optional.empty(); // "foo bar": not a requirement
        }
        String marker = semicolon < 0 ? "" : rest.substring(semicolon + 1).strip();
        SortedSet<String> extras = new TreeSet<>();
        if (m.group(2) != null) {
            Arrays.stream(m.group(2).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(DependencyMatch::normalise).forEach(extras::add);
        }
        SortedSet<String> only = extrasNamedBy(marker);
        if (sectionExtra != null && !sectionExtra.isBlank()) {
            only.add(DependencyMatch.normalise(sectionExtra.strip()));
        }
        String name = m.group(1);
        return Optional.of(new DistRequirement(name, DependencyMatch.normalise(name), extras, marker, only));
    }

    public static Optional<DistRequirement> parse(String text) {
        return parse(text, null);
    }

    /** Whether this requirement applies when the requiring distribution is installed with these extras. */
    public boolean appliesWith(Set<String> requestedExtras) {
        return onlyForExtras.isEmpty() || onlyForExtras.stream().anyMatch(requestedExtras::contains);
    }

    /** The extras an environment marker names ({@code extra == "eventlet" or extra == 'all'}). */
    static SortedSet<String> extrasNamedBy(String marker) {
        SortedSet<String> out = new TreeSet<>();
        Matcher m = EXTRA_MARKER.matcher(marker);
        while (m.find()) {
            out.add(DependencyMatch.normalise(m.group(2) != null ? m.group(2) : m.group(4)));
        }
        return out;
    }

    private static int indexOfSpacedSemicolon(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == ';' && Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    @Override
    public String toString() {
        return name + (extras.isEmpty() ? "" : "[" + String.join(",", extras) + "]") + (marker.isEmpty() ? "" : "; " + marker);
    }
}
