package dev.eventletscan.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.eventletscan.fileio.BoundedFile;
import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.model.Severity;
import dev.eventletscan.parse.SyntaxQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Loads and validates rule files: the ones shipped in the jar's rules/ folder and any the user adds.
 * Each file is checked against the published schema ({@link RuleSchema}); what a schema cannot say
 * (patterns, globs, expressions and queries compile; ids unique and categories declared across files) is
 * checked here. Every problem in every file is collected before failing, each as
 * {@code file:line: field: problem}.
 */
public final class RuleLoader {
    /** The rule file format this version reads. */
    public static final int FORMAT = 1;

    /** The key that says which kind of match a rule has. */
    private static final List<String> MATCH_KINDS = List.of("symbols", "query", "text", "dependencies", "analysis");

    /** The shipped files read ahead ({@link #readShippedAhead}), or null. */
    private static volatile CompletableFuture<Shipped> ahead;

    private RuleLoader() {}

    /** The shipped rule files' texts and the documents the build read them into, by file name. */
    private record Shipped(Map<String, String> files, Map<String, LocatedYaml> documents) {
        static Shipped read() {
            Map<String, String> files = shippedFiles();
            return new Shipped(files, ShippedRules.documents(files));
        }
    }

    /**
     * Starts reading the shipped rule files on a thread of their own, for the next {@link #load}: the command line
     * calls it first, so they are read on the other core while its arguments are parsed.
     */
    public static void readShippedAhead() {
        ahead = CompletableFuture.supplyAsync(Shipped::read, task -> Thread.ofPlatform().daemon().name("rules").start(task));
    }

    private static Shipped shipped() {
        CompletableFuture<Shipped> read = ahead;
        if (read != null) {
            try {
                return read.join();
            } catch (CompletionException e) {
                // read again below, so that the failure is this thread's, as without the read ahead
            }
        }
        return Shipped.read();
    }

    /** The shipped rules plus the given extra files. */
    public static RuleSet load(List<Path> extraFiles) {
        Shipped shipped = shipped();
        Map<String, String> sources = new TreeMap<>(shipped.files());
        List<String> problems = new ArrayList<>();
        Map<String, String> extras = new LinkedHashMap<>();
        for (Path file : extraFiles) {
            try {
                extras.put(file.toString(), BoundedFile.readString(file, BoundedFile.RULES_BYTES));
            } catch (IOException e) {
                problems.add(file + ": cannot read rule file: " + FileErrors.reason(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
        sources.putAll(extras);
        // The shipped files pass the schema, and their queries compile, in the build that ships them
        // (RuleLoaderTest): checking them again would cost every run half a second of start-up for the validator,
        // and the native parser's loading with a compile of every query, when a warm re-scan parses nothing. A
        // shipped query is compiled when a file is parsed. Their YAML was parsed by the build too (ShippedRules).
        return fromSources(sources, extras::containsKey, name -> extras.containsKey(name) ? null : shipped.documents().get(name));
    }

    /** Rules from named texts (file name to content); the names appear in error messages. */
    public static RuleSet fromSources(Map<String, String> sources) {
        return fromSources(sources, name -> true, name -> null);
    }

    /**
     * @param validated which files the schema and the query compiler check (the user's; the shipped ones are tested)
     * @param read the document of a file's text already read, or null to parse the text
     */
    private static RuleSet fromSources(Map<String, String> sources, Predicate<String> validated,
            Function<String, LocatedYaml> read) {
        List<String> problems = new ArrayList<>();
        Loaded loaded = new Loaded();
        MessageDigest digest = sha256();
        for (var entry : new TreeMap<>(sources).entrySet()) { // name order: messages and version never depend on map order
            digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(entry.getValue().getBytes(StandardCharsets.UTF_8));
            FileReader reader = new FileReader(entry.getKey(), problems);
            reader.read(entry.getValue(), read.apply(entry.getKey()), loaded, validated.test(entry.getKey()));
            reader.flush();
        }
        Map<String, String> firstFileOfId = new LinkedHashMap<>();
        for (Rule r : loaded.rules) {
            String earlier = firstFileOfId.putIfAbsent(r.id(), r.source());
            if (earlier != null) {
                problems.add(r.source() + ": rules: duplicate rule id " + r.id() + " (first defined in " + earlier + ")");
            }
        }
        loaded.categoryUses.forEach((where, category) -> {
            if (!loaded.categories.contains(category)) {
                problems.add(where + ": '" + category + "' is not a declared category (declared: "
                        + String.join(", ", loaded.categories) + ")");
            }
        });
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
        return new RuleSet(loaded.rules, new SymbolNames(loaded.reexports, knownModules(loaded.rules, loaded.reexports)),
                loaded.known, HexFormat.of().formatHex(digest.digest(), 0, 6));
    }

    /** What the files read so far hold. */
    private static final class Loaded {
        final List<Rule> rules = new ArrayList<>();
        final Map<String, String> reexports = new TreeMap<>();
        final Map<String, String> known = new TreeMap<>();
        final Set<String> categories = new TreeSet<>();
        /** "file:line: rules[i].category" to the category the rule names: checked once every file is read. */
        final Map<String, String> categoryUses = new LinkedHashMap<>();
    }

    /** The first two parts of every name a rule's pattern or a re-export spells out without a wildcard. */
    private static Set<String> knownModules(List<Rule> rules, Map<String, String> reexports) {
        Set<String> names = new TreeSet<>();
        reexports.forEach((from, to) -> {
            names.add(SymbolNames.head(from));
            names.add(SymbolNames.head(to));
        });
        for (Rule r : rules) {
            if (r.match() instanceof SymbolMatch m) {
                m.symbols().forEach(p -> names.add(SymbolNames.head(p.text())));
            }
        }
        names.removeIf(n -> n.contains("*"));
        return names;
    }

    /** The rule files inside the jar (or target/classes when run from a build), by name. */
    static Map<String, String> shippedFiles() {
        return ShippedFolder.read("rules", 1, name -> name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one file, adding what is valid and a line per problem. */
    private static final class FileReader {
        private final String file;
        private final List<String> problems;
        private LocatedYaml doc;
        /** Whether the schema and the query compiler check this file (the user's files), or a test did (the shipped). */
        private boolean validated;
        private final List<Located> found = new ArrayList<>();
        /** Where a problem was reported. */
        private final Set<String> reported = new HashSet<>();

        FileReader(String file, List<String> problems) {
            this.file = file;
            this.problems = problems;
        }

        /** @param read the text's document, read before; null to parse the text */
        void read(String text, LocatedYaml read, Loaded loaded, boolean validated) {
            this.validated = validated;
            try {
                doc = read != null ? read : LocatedYaml.parse(text);
            } catch (IOException e) {
                problems.add(file + FileErrors.syntax("YAML", e));
                return;
            }
            List<RuleSchema.Problem> invalid = (validated ? RuleSchema.validate(doc.root) : List.<RuleSchema.Problem>of()).stream()
                    .sorted(Comparator.comparingInt((RuleSchema.Problem p) -> doc.line(p.path())).thenComparing(RuleSchema.Problem::path))
                    .toList();
            invalid.forEach(p -> report(p.path(), p.message()));
            JsonNode root = doc.root;
            root.path("symbols").properties().forEach(e -> loaded.reexports.put(e.getKey(), e.getValue().asText()));
            root.path("knownDependencies").properties().forEach(e -> loaded.known.put(e.getKey(), e.getValue().asText()));
            root.path("categories").properties().forEach(e -> loaded.categories.add(e.getKey()));
            JsonNode list = root.path("rules");
            for (int i = 0; i < list.size(); i++) {
                String path = "rules[" + i + "]";
                int before = found.size();
                JsonNode match = list.get(i).path("match");
                // what the schema cannot check is checked even in a rule it refuses, so one run lists every problem
                RuleMatch matcher = MATCH_KINDS.stream().filter(match::has).count() == 1 ? readMatch(match, path + ".match") : null;
                boolean schemaValid = invalid.stream().noneMatch(p -> p.path().equals(path) || p.path().startsWith(path + ".")
                        || p.path().startsWith(path + "["));
                JsonNode category = list.get(i).path("category");
                if (category.isTextual()) {
                    loaded.categoryUses.put(file + ":" + doc.line(path + ".category") + ": " + path + ".category",
                            category.asText());
                }
                if (schemaValid && found.size() == before) {
                    loaded.rules.add(readRule(list.get(i), matcher));
                }
            }
        }

        /** The file's problems in line order (a schema's and this loader's checks interleaved). */
        void flush() {
            found.stream().sorted(Comparator.comparingInt(Located::line)).forEach(p -> problems.add(p.text()));
        }

        /** A rule the schema accepts. */
        private Rule readRule(JsonNode node, RuleMatch match) {
            JsonNode hints = node.get("hints");
            return new Rule(node.get("id").asText(), node.get("title").asText(), node.get("category").asText(),
                    Severity.parse(node.get("severity").asText()), node.get("weight").doubleValue(),
                    node.get("message").asText(), new Hints(hints.get("threading").asText(), hints.get("asyncio").asText()),
                    node.get("guide").asText(), node.path("example").asText(""), match, file);
        }

        private RuleMatch readMatch(JsonNode node, String path) {
            if (node.has("symbols")) {
                return readSymbolMatch(node, path);
            }
            if (node.has("query")) {
                String query = node.get("query").asText();
                if (validated) {
                    SyntaxQuery.check(query, SyntaxQuery.MATCH_CAPTURE).ifPresent(why -> problem(path + ".query", why));
                }
                return new QueryMatch(query, node.has("symbol") ? node.get("symbol").asText() : null);
            }
            if (node.has("text")) {
                return new TextMatch(regex(node.get("text"), path + ".text"), globs(node, path, "files"),
                        globs(node, path, "excludeFiles"));
            }
            if (node.has("analysis")) {
                String name = node.get("analysis").asText();
                if (!AnalysisMatch.KNOWN.contains(name)) {
                    problem(path + ".analysis", "'" + name + "' is not an analysis this version has");
                }
                Pattern creates = node.has("creates") ? regex(node.get("creates"), path + ".creates") : null;
                return new AnalysisMatch(name, node.has("modules") ? strings(node.get("modules")) : List.of(), creates);
            }
            return new DependencyMatch(strings(node.get("dependencies")));
        }

        private SymbolMatch readSymbolMatch(JsonNode node, String path) {
            Set<Usage.Kind> kinds = new LinkedHashSet<>();
            List<String> usages = strings(node.get("usages"));
            for (int i = 0; i < usages.size(); i++) {
                String kind = usages.get(i);
                var found = Arrays.stream(Usage.Kind.values()).filter(k -> k.id().equals(kind)).findFirst();
                if (found.isEmpty()) { // the schema and Usage.Kind disagree: this build cannot honour the rule
                    problem(path + ".usages[" + i + "]", "'" + kind + "' is not a usage this version knows");
                } else {
                    kinds.add(found.get());
                }
            }
            List<DottedPattern> patterns = new ArrayList<>();
            List<String> symbols = strings(node.get("symbols"));
            for (int i = 0; i < symbols.size(); i++) {
                try {
                    patterns.add(DottedPattern.of(symbols.get(i)));
                } catch (IllegalArgumentException e) {
                    problem(path + ".symbols[" + i + "]", e.getMessage());
                }
            }
            Map<String, Pattern> arguments = new TreeMap<>();
            node.path("arguments").properties().forEach(e -> {
                Pattern p = regex(e.getValue(), path + ".arguments." + e.getKey());
                if (p != null) {
                    arguments.put(e.getKey(), p);
                }
            });
            List<String> inside = node.has("inside") ? strings(node.get("inside")) : List.of();
            for (int i = 0; i < inside.size(); i++) {
                if (!SymbolMatch.PLACES.contains(inside.get(i))) {
                    problem(path + ".inside[" + i + "]", "'" + inside.get(i) + "' is not a place this version knows");
                }
            }
            return new SymbolMatch(kinds, patterns, arguments, Set.copyOf(inside));
        }

        private List<FileGlob> globs(JsonNode node, String path, String key) {
            List<FileGlob> out = new ArrayList<>();
            List<String> texts = strings(node.get(key));
            for (int i = 0; i < texts.size(); i++) {
                try {
                    out.add(FileGlob.of(texts.get(i)));
                } catch (IllegalArgumentException e) {
                    problem(path + "." + key + "[" + i + "]", e.getMessage());
                }
            }
            return out;
        }

        private Pattern regex(JsonNode value, String path) {
            try {
                return Pattern.compile(value.asText());
            } catch (PatternSyntaxException e) {
                problem(path, "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
                return null;
            }
        }

        /** A list of strings the schema has checked; a single string is a list of one, a missing key none. */
        private static List<String> strings(JsonNode v) {
            if (v == null) {
                return List.of();
            }
            if (v.isTextual()) {
                return List.of(v.asText());
            }
            List<String> out = new ArrayList<>();
            v.forEach(e -> out.add(e.asText()));
            return out;
        }

        /** A problem the schema does not see; where it already found one, that one is enough. */
        private void problem(String path, String message) {
            if (!reported.contains(path)) {
                report(path, message);
            }
        }

        private void report(String path, String message) {
            reported.add(path);
            int line = doc.line(path);
            found.add(new Located(line, file + ":" + line + ": " + (path.isEmpty() ? "" : path + ": ") + message));
        }

        private record Located(int line, String text) {}
    }
}
