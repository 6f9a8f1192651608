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
 */
public record SymbolMatch(Set<Usage.Kind> usages, List<DottedPattern> symbols, Map<String, Pattern> arguments)
        implements RuleMatch {
    /** A required argument makes a rule more specific than the same pattern without it. */
    private static final int ARGUMENT_BONUS = 50;

    public SymbolMatch {
        usages = Set.copyOf(usages);
        symbols = List.copyOf(symbols);
        arguments = Map.copyOf(arguments);
    }

    /** How specific the best pattern matching this usage is, or -1 when the rule does not match it. */
    int specificity(Usage usage) {
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
        return text;
    }
}
