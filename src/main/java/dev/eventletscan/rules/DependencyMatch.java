package dev.eventletscan.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Declared requirements on the named distributions (compared after PEP 503
 * normalisation). {@value #KNOWN} stands for every package of the
 * knowledge base ({@code knownDependencies} in the rule files).
 */
public record DependencyMatch(List<String> names) implements RuleMatch {
    public static final String KNOWN = "$known";

    public DependencyMatch {
        names = List.copyOf(names);
    }

    boolean matches(String normalisedName, Set<String> knownNormalised) {
        for (String n : names) {
            if (n.equals(KNOWN) ? knownNormalised.contains(normalisedName) : normalise(n).equals(normalisedName)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    /** PEP 503: lower case, runs of '-', '_' and '.' become one '-'. */
    public static String normalise(String name) {
        return SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    @Override
    public String describe() {
        return "declared dependencies: " + String.join(", ", names);
    }
}
