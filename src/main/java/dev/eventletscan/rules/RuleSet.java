package dev.eventletscan.rules;

import dev.eventletscan.model.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules in force for a scan, with the knowledge that came with them
 * (re-exported names, dependencies known to use eventlet). Rules are kept in
 * id order, which is also the order of ties.
 */
public final class RuleSet {
    private final List<Rule> rules;
    private final SymbolNames symbols;
    private final Map<String, String> knownDependencies;
    private final Set<String> knownNormalised;
    /** The notes by normalised name: asked once per distribution reached, and a closure can reach 100,000. */
    private final Map<String, String> knownNotesByNormalisedName;
    private final Set<String> trackedRoots;
    private final String version;
    /** Asked of every file the walk meets that is not Python: made once, on first use. */
    private volatile TextFiles textFiles;

    RuleSet(List<Rule> rules, SymbolNames symbols, Map<String, String> knownDependencies, String version) {
        this.rules = rules.stream().sorted(Comparator.comparing(Rule::id)).toList();
        this.symbols = symbols;
        this.knownDependencies = Map.copyOf(knownDependencies);
        this.knownNormalised = knownDependencies.keySet().stream().map(DependencyMatch::normalise).collect(Collectors.toSet());
        Map<String, String> notes = new HashMap<>();
        new TreeMap<>(knownDependencies).forEach((name, note) -> notes.putIfAbsent(DependencyMatch.normalise(name), note));
        this.knownNotesByNormalisedName = Map.copyOf(notes);
        this.version = version;
        Set<String> roots = new LinkedHashSet<>();
        for (Rule r : this.rules) {
            if (r.match() instanceof SymbolMatch m) {
                for (DottedPattern p : m.symbols()) {
                    String first = p.text().split("\\.")[0];
                    if (!first.contains("*")) {
                        roots.add(first);
                    }
                }
            }
        }
        this.trackedRoots = Set.copyOf(roots);
    }

    public List<Rule> rules() {
        return rules;
    }

    public SymbolNames symbols() {
        return symbols;
    }

    /** Distributions known to use eventlet, by name, with what is known of how. */
    public Map<String, String> knownDependencies() {
        return new TreeMap<>(knownDependencies);
    }

    /** Top-level package names whose imports the detector follows ({@code eventlet}, ...). */
    public Set<String> trackedRoots() {
        return trackedRoots;
    }

    /** A digest of every rule file's content: reports and caches record it. */
    public String version() {
        return version;
    }

    /** The rule files' digest and the rules in force with their severities: results depend on nothing else of them. */
    public String fingerprint() {
        return version + " " + rules.stream().map(r -> r.id() + "=" + r.severity().id()).collect(Collectors.joining(","));
    }

    public Optional<Rule> byId(String id) {
        return rules.stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The same rules without those whose id or category is named. */
    public RuleSet without(Collection<String> idsOrCategories) {
        return without(idsOrCategories, List.of());
    }

    /**
     * The same rules without those whose id or category is in {@code disabled}, except the rules
     * {@code enabled} names by id or category: so {@code disable: [docs]} with {@code enable: [EVT950]} keeps one.
     */
    public RuleSet without(Collection<String> disabled, Collection<String> enabled) {
        Set<String> off = upper(disabled);
        Set<String> on = upper(enabled);
        List<Rule> kept = rules.stream().filter(r -> !namedBy(r, off) || namedBy(r, on)).toList();
        return new RuleSet(kept, symbols, knownDependencies, version);
    }

    /** The same rules, those named by id or category given another severity; an id wins over its category. */
    public RuleSet withSeverities(Map<String, Severity> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, Severity> byName = new TreeMap<>();
        overrides.forEach((k, v) -> byName.put(k.toUpperCase(Locale.ROOT), v));
        List<Rule> changed = rules.stream().map(r -> {
            Severity s = byName.getOrDefault(r.id(), byName.get(r.category().toUpperCase(Locale.ROOT)));
            return s == null ? r : new Rule(r.id(), r.title(), r.category(), s, r.weight(), r.message(), r.hints(), r.guide(),
                    r.example(), r.match(), r.source());
        }).toList();
        return new RuleSet(changed, symbols, knownDependencies, version);
    }

    private static Set<String> upper(Collection<String> names) {
        return names.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static boolean namedBy(Rule r, Set<String> upperNames) {
        return upperNames.contains(r.id()) || upperNames.contains(r.category().toUpperCase(Locale.ROOT));
    }

    /** Every category some rule has, sorted. */
    public Set<String> categories() {
        return rules.stream().map(Rule::category).collect(Collectors.toCollection(TreeSet::new));
    }

    /** True when an id or category names at least one rule, so a typo in --disable can be reported. */
    public boolean names(String idOrCategory) {
        return rules.stream().anyMatch(r -> r.id().equalsIgnoreCase(idOrCategory) || r.category().equalsIgnoreCase(idOrCategory));
    }

    /** The rule that reports a usage: the one with the most specific matching pattern, ties to the lowest id. */
    public Optional<Rule> ruleFor(Usage usage) {
        Rule best = null;
        int bestScore = -1;
        for (Rule r : rules) {
            if (r.match() instanceof SymbolMatch m) {
                int score = m.specificity(usage);
                if (score > bestScore) {
                    best = r;
                    bestScore = score;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A rule that matches a usage, with how specific its best pattern is.
     *
     * @param specificity more literal name parts score higher, a required argument higher still
     */
    public record Candidate(Rule rule, int specificity) {}

    /**
     * Every rule that matches a usage, the one {@link #ruleFor} picks first: most specific first, ties in id
     * order. What {@code explain} shows when two rules could report the same line.
     */
    public List<Candidate> candidatesFor(Usage usage) {
        List<Candidate> out = new ArrayList<>();
        for (Rule r : rules) {
            if (r.match() instanceof SymbolMatch m && m.specificity(usage) >= 0) {
                out.add(new Candidate(r, m.specificity(usage)));
            }
        }
        out.sort(Comparator.comparingInt(Candidate::specificity).reversed()); // stable: ties stay in id order
        return out;
    }

    /** Rules whose match is a tree-sitter query, in id order. */
    public List<Rule> queryRules() {
        return rules.stream().filter(r -> r.match() instanceof QueryMatch).toList();
    }

    /** Rules whose match is a regular expression over lines of other files, in id order. */
    public List<Rule> textRules() {
        return rules.stream().filter(r -> r.match() instanceof TextMatch).toList();
    }

    /** The first rule (by id) that reports a declared dependency on this distribution, if any. */
    public Optional<Rule> dependencyRuleFor(String distribution) {
        String name = DependencyMatch.normalise(distribution);
        return rules.stream()
                .filter(r -> r.match() instanceof DependencyMatch m && m.matches(name, knownNormalised))
                .findFirst();
    }

    /** What the knowledge base says about a distribution, or null. */
    public String knownDependencyNote(String distribution) {
        return knownNotesByNormalisedName.get(DependencyMatch.normalise(distribution));
    }

    /** Whether any text rule wants to look at a file of this name. */
    public boolean wantsText(String fileName) {
        if (!textFiles().mayBeWanted(fileName)) {
            return false;
        }
        return rules.stream().anyMatch(r -> r.match() instanceof TextMatch t && t.appliesTo(fileName));
    }

    private TextFiles textFiles() {
        TextFiles known = textFiles;
        if (known == null) {
            known = TextFiles.of(rules.stream().map(Rule::match).filter(TextMatch.class::isInstance).map(TextMatch.class::cast)
                    .flatMap(t -> t.files().stream()).toList());
            textFiles = known;
        }
        return known;
    }
}
