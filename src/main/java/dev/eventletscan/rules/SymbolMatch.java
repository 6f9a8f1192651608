package dev.eventletscan.rules;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Usages of resolved names: usages of the given kinds whose canonical symbol
 * matches one of the patterns and, for calls, whose literal arguments match.
 *
 * @param usages usage kinds ({@code import}, {@code call}, ...); empty means any
 * @param symbols dotted-name patterns over canonical symbols
 * @param arguments literal string arguments the call must have, by position ({@code "0"}) or keyword,
 *     each a regular expression over the whole string; {@code "0|mod"} takes whichever is given
 *     (a parameter passed by position or by name); empty means none required
 * @param inside places the usage must sit in ({@code loop}: a for or while loop of its own function; {@code setup}:
 *     a test set-up method); empty means anywhere. The detector says where each usage sits ({@link #PLACES})
 */
public record SymbolMatch(Set<Usage.Kind> usages, List<DottedPattern> symbols, Map<String, Pattern> arguments,
        Set<String> inside) implements RuleMatch {
    /** The places {@code inside} can name. */
    public static final Set<String> PLACES = Set.of("loop", "setup");

    /** A required argument makes a rule more specific than the same pattern without it. */
    private static final int ARGUMENT_BONUS = 50;

    public SymbolMatch {
        usages = Set.copyOf(usages);
        symbols = List.copyOf(symbols);
        arguments = Map.copyOf(arguments);
        inside = Set.copyOf(inside);
    }

    public SymbolMatch(Set<Usage.Kind> usages, List<DottedPattern> symbols, Map<String, Pattern> arguments) {
        this(usages, symbols, arguments, Set.of());
    }

    /** How specific the best pattern matching this usage is where it sits, or -1 when the rule does not match it. */
    int specificity(Usage usage, Set<String> places) {
        return places.containsAll(inside) ? anywhere(usage) : -1;
    }

    /** How specific the best pattern matching this usage is, or -1 when the rule does not match it anywhere. */
    int specificity(Usage usage) {
        return inside.isEmpty() ? anywhere(usage) : -1; // else only where the detector says the usage sits
    }

    private int anywhere(Usage usage) {
        if (!usages.isEmpty() && !usages.contains(usage.kind())) {
            return -1;
        }
        for (var required : arguments.entrySet()) {
            String value = null;
            for (String name : required.getKey().split("\\|")) {
                value = value != null ? value : usage.arguments().get(name);
            }
            if (value == null || !required.getValue().matcher(value).matches()) {
                return -1;
            }
        }
        int best = -1;
        for (DottedPattern p : symbols) {
            if (p.matches(usage.symbol())) {
                best = Math.max(best, p.specificity() + ARGUMENT_BONUS * arguments.size());
            }
        }
        return best;
    }

    @Override
    public String describe() {
        String text = symbols.stream().map(Object::toString).collect(Collectors.joining(", "));
        if (!usages.isEmpty()) {
            text += " (as " + usages.stream().map(Usage.Kind::id).sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (!arguments.isEmpty()) {
            text += " with arguments " + new TreeMap<>(arguments).entrySet().stream()
                    .map(e -> e.getKey() + "~/" + e.getValue().pattern() + "/").collect(Collectors.joining(", "));
        }
        if (!inside.isEmpty()) {
            text += " inside " + String.join(" and ", new java.util.TreeSet<>(inside));
        }
        return text;
    }
}
