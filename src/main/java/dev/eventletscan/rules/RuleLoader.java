package dev.eventletscan.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventletscan.detect.python.Usage;
import dev.eventletscan.fileio.BoundedFile;
import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.model.Severity;
import dev.eventletscan.parse.SyntaxQuery;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Loads and validates rule files: the ones shipped in the jar's rules/ folder
 * and any the user adds. Every problem in every file is collected before
 * failing, each reported as {@code file:line: field: problem}.
 */
public final class RuleLoader {
    /** The rule file format this version reads. */
    public static final int FORMAT = 1;
    static final Set<String> CATEGORIES = new LinkedHashSet<>(List.of(
            "import", "monkey-patch", "patcher", "green-thread", "pool", "timeout", "sync-primitive",
            "network", "wsgi", "green-module", "hub", "tpool", "websocket", "debug", "greenlet",
            "asyncio-bridge", "test-mock", "env-var", "config", "dependency", "docs"));
    private static final Set<String> TOP_KEYS = Set.of("format", "symbols", "knownDependencies", "rules");
    private static final Set<String> RULE_KEYS = Set.of(
            "id", "title", "category", "severity", "weight", "message", "hints", "guide", "example", "match");
    /** The keys of each kind of match; the first key of each list says which kind a match is. */
    private static final List<List<String>> MATCH_KINDS = List.of(
            List.of("symbols", "usages", "arguments"),
            List.of("query", "symbol"),
            List.of("text", "files", "excludeFiles"),
            List.of("dependencies"));

    private RuleLoader() {}

    /** The shipped rules plus the given extra files. */
    public static RuleSet load(List<Path> extraFiles) {
        Map<String, String> sources = new TreeMap<>(shippedFiles());
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
        return fromSources(sources);
    }

    /** Rules from named texts (file name to content); the names appear in error messages. */
    public static RuleSet fromSources(Map<String, String> sources) {
        List<String> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        Map<String, String> reexports = new TreeMap<>();
        Map<String, String> known = new TreeMap<>();
        Map<String, String> firstFileOfId = new LinkedHashMap<>();
        MessageDigest digest = sha256();
        for (var entry : new TreeMap<>(sources).entrySet()) { // name order: messages and version never depend on map order
            digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(entry.getValue().getBytes(StandardCharsets.UTF_8));
            new FileReader(entry.getKey(), problems).read(entry.getValue(), rules, reexports, known);
        }
        for (Rule r : rules) {
            String earlier = firstFileOfId.putIfAbsent(r.id(), r.source());
            if (earlier != null) {
                problems.add(r.source() + ": rules: duplicate rule id " + r.id() + " (first defined in " + earlier + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
        return new RuleSet(rules, new SymbolNames(reexports), known, HexFormat.of().formatHex(digest.digest(), 0, 6));
    }

    /** The rule files inside the jar (or target/classes when run from a build), by name. */
    static Map<String, String> shippedFiles() {
        URL url = RuleLoader.class.getResource("/rules/");
        if (url == null) {
            throw new RuleFileException(List.of("rules/: no shipped rule files on the class path"));
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return readAll(fs.getPath("/rules"));
                }
            }
            return readAll(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new RuleFileException(List.of("rules/: cannot read shipped rule files: " + e.getMessage()));
        }
    }

    private static Map<String, String> readAll(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    out.put("rules/" + name, Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
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

        FileReader(String file, List<String> problems) {
            this.file = file;
            this.problems = problems;
        }

        void read(String text, List<Rule> rules, Map<String, String> reexports, Map<String, String> known) {
            try {
                doc = LocatedYaml.parse(text);
            } catch (IOException e) {
                problems.add(file + FileErrors.syntax("YAML", e));
                return;
            }
            JsonNode root = doc.root;
            if (!root.isObject()) {
                problem("", "the file must be a mapping with 'format' and 'rules'");
                return;
            }
            unknownKeys(root, "", TOP_KEYS);
            JsonNode format = root.get("format");
            if (format == null || !format.isIntegralNumber() || format.intValue() != FORMAT) {
                problem("format", "must be " + FORMAT + " (the rule format this version reads), found "
                        + (format == null ? "nothing" : format.toString()));
            }
            JsonNode symbols = root.get("symbols");
            if (symbols != null) {
                readSymbols(symbols, reexports);
            }
            JsonNode dependencies = root.get("knownDependencies");
            if (dependencies != null) {
                readKnownDependencies(dependencies, known);
            }
            JsonNode list = root.get("rules");
            if (list == null) {
                if (symbols == null && dependencies == null) {
                    problem("rules", "missing: a rule file needs 'rules' (or 'symbols' or 'knownDependencies')");
                }
                return;
            }
            if (!list.isArray()) {
                problem("rules", "must be a list of rules");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                Rule rule = readRule(list.get(i), "rules[" + i + "]");
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }

        private void readSymbols(JsonNode symbols, Map<String, String> reexports) {
            if (!symbols.isObject()) {
                problem("symbols", "must map re-exported names to their canonical names");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = symbols.fields(); it.hasNext(); ) {
                var e = it.next();
                String path = "symbols." + e.getKey();
                if (!e.getValue().isTextual() || !isDotted(e.getKey()) || !isDotted(e.getValue().asText())) {
                    problem(path, "must map a dotted name to a dotted name");
                } else {
                    reexports.put(e.getKey(), e.getValue().asText());
                }
            }
        }

        private void readKnownDependencies(JsonNode node, Map<String, String> known) {
            if (!node.isObject()) {
                problem("knownDependencies", "must map distribution names to what is known of their eventlet use");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()
                        || !e.getKey().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                    problem("knownDependencies." + e.getKey(), "must map a distribution name to a non-empty note");
                } else {
                    known.put(e.getKey(), e.getValue().asText());
                }
            }
        }

        private Rule readRule(JsonNode node, String path) {
            if (!node.isObject()) {
                problem(path, "must be a mapping");
                return null;
            }
            int before = problems.size();
            unknownKeys(node, path, RULE_KEYS);
            String id = text(node, path, "id", true);
            if (id != null && !id.matches("[A-Z]{2,5}[0-9]{3,4}")) {
                problem(path + ".id", "'" + id + "' must look like EVT101 (letters then digits)");
            }
            String title = text(node, path, "title", true);
            String category = text(node, path, "category", true);
            if (category != null && !CATEGORIES.contains(category)) {
                problem(path + ".category", "'" + category + "' is not one of " + String.join(", ", CATEGORIES));
            }
            Severity severity = null;
            String sev = text(node, path, "severity", true);
            if (sev != null) {
                try {
                    severity = Severity.parse(sev);
                } catch (IllegalArgumentException e) {
                    problem(path + ".severity", "'" + sev + "' is not one of info, low, medium, high");
                }
            }
            double weight = 0;
            JsonNode w = node.get("weight");
            if (w == null || !w.isNumber() || w.doubleValue() < 0 || w.doubleValue() > 100) {
                problem(path + ".weight", "must be a number from 0 to 100");
            } else {
                weight = w.doubleValue();
            }
            String message = text(node, path, "message", true);
            Hints hints = readHints(node.get("hints"), path + ".hints");
            String guide = text(node, path, "guide", true);
            if (guide != null && !guide.startsWith("https://")) {
                problem(path + ".guide", "must be an https:// link to the migration guide");
            }
            String example = text(node, path, "example", false);
            RuleMatch match = readMatch(node.get("match"), path + ".match");
            if (problems.size() > before) {
                return null;
            }
            return new Rule(id, title, category, severity, weight, message, hints, guide,
                    example == null ? "" : example, match, file);
        }

        private Hints readHints(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                problem(path, "missing: a mapping with 'threading' and 'asyncio' hints");
                return null;
            }
            unknownKeys(node, path, Set.of("threading", "asyncio"));
            String threading = text(node, path, "threading", true);
            String asyncio = text(node, path, "asyncio", true);
            return new Hints(threading, asyncio);
        }

        private RuleMatch readMatch(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                problem(path, "missing: a mapping with one of 'symbols', 'query', 'text' or 'dependencies'");
                return null;
            }
            List<List<String>> kinds = MATCH_KINDS.stream().filter(k -> node.has(k.getFirst())).toList();
            if (kinds.size() != 1) {
                problem(path, kinds.isEmpty()
                        ? "needs one of 'symbols', 'query', 'text' or 'dependencies'"
                        : "has " + kinds.stream().map(List::getFirst).toList() + ": a rule matches one way only");
                return null;
            }
            unknownKeys(node, path, Set.copyOf(kinds.getFirst()));
            return switch (kinds.getFirst().getFirst()) {
                case "symbols" -> readSymbolMatch(node, path);
                case "query" -> readQueryMatch(node, path);
                case "text" -> readTextMatch(node, path);
                default -> new DependencyMatch(stringList(node, path, "dependencies", true));
            };
        }

        private SymbolMatch readSymbolMatch(JsonNode node, String path) {
            Set<Usage.Kind> kinds = new LinkedHashSet<>();
            List<String> usages = node.has("usages") ? stringList(node, path, "usages", true) : List.of();
            for (int i = 0; i < usages.size(); i++) {
                String kind = usages.get(i);
                var found = Arrays.stream(Usage.Kind.values()).filter(k -> k.id().equals(kind)).findFirst();
                if (found.isEmpty()) {
                    problem(path + ".usages[" + i + "]", "'" + kind + "' is not one of " + String.join(", ",
                            Arrays.stream(Usage.Kind.values()).map(Usage.Kind::id).toList()));
                } else {
                    kinds.add(found.get());
                }
            }
            List<DottedPattern> patterns = new ArrayList<>();
            List<String> symbols = stringList(node, path, "symbols", true);
            for (int i = 0; i < symbols.size(); i++) {
                try {
                    patterns.add(DottedPattern.of(symbols.get(i)));
                } catch (IllegalArgumentException e) {
                    problem(path + ".symbols[" + i + "]", e.getMessage());
                }
            }
            Map<String, Pattern> arguments = new TreeMap<>();
            JsonNode args = node.get("arguments");
            if (args != null) {
                if (!args.isObject()) {
                    problem(path + ".arguments", "must map an argument position (0, 1, ...) or keyword to a regular expression");
                } else {
                    for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
                        var e = it.next();
                        Pattern p = regex(e.getValue(), path + ".arguments." + e.getKey());
                        if (p != null) {
                            arguments.put(e.getKey(), p);
                        }
                    }
                }
            }
            return new SymbolMatch(kinds, patterns, arguments);
        }

        private QueryMatch readQueryMatch(JsonNode node, String path) {
            String query = text(node, path, "query", true);
            String symbol = text(node, path, "symbol", false);
            if (query != null) {
                SyntaxQuery.check(query, QueryMatch.MATCH_CAPTURE).ifPresent(why -> problem(path + ".query", why));
                if (symbol == null && !query.contains("@" + QueryMatch.SYMBOL_CAPTURE)) {
                    problem(path + ".symbol", "missing: the query has no @symbol capture, so say what a match reports");
                }
            }
            return new QueryMatch(query, symbol);
        }

        private TextMatch readTextMatch(JsonNode node, String path) {
            Pattern text = regex(node.get("text"), path + ".text");
            List<FileGlob> files = globs(node, path, "files", true);
            List<FileGlob> excluded = node.has("excludeFiles") ? globs(node, path, "excludeFiles", true) : List.of();
            return new TextMatch(text, files, excluded);
        }

        private List<FileGlob> globs(JsonNode node, String path, String key, boolean required) {
            List<FileGlob> out = new ArrayList<>();
            List<String> texts = stringList(node, path, key, required);
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
            if (value == null || !value.isTextual() || value.asText().isEmpty()) {
                problem(path, "must be a non-empty regular expression");
                return null;
            }
            try {
                return Pattern.compile(value.asText());
            } catch (PatternSyntaxException e) {
                problem(path, "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
                return null;
            }
        }

        /** A list of non-empty strings (a single string is taken as a list of one). */
        private List<String> stringList(JsonNode node, String path, String key, boolean required) {
            JsonNode v = node.get(key);
            if (v == null || (v.isArray() && v.isEmpty())) {
                if (required) {
                    problem(path + "." + key, "must be a non-empty list");
                }
                return List.of();
            }
            List<String> out = new ArrayList<>();
            if (v.isTextual()) {
                out.add(v.asText());
                return out;
            }
            if (!v.isArray()) {
                problem(path + "." + key, "must be a list of text");
                return List.of();
            }
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual() || v.get(i).asText().isBlank()) {
                    problem(path + "." + key + "[" + i + "]", "must be non-empty text");
                } else {
                    out.add(v.get(i).asText());
                }
            }
            return out;
        }

        private String text(JsonNode node, String path, String key, boolean required) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    problem(path + "." + key, "missing");
                }
                return null;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                problem(path + "." + key, "must be non-empty text");
                return null;
            }
            return v.asText();
        }

        private void unknownKeys(JsonNode node, String path, Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    problem(path.isEmpty() ? key : path + "." + key, "unknown field (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        private void problem(String path, String message) {
            problems.add(file + ":" + doc.line(path) + ": " + (path.isEmpty() ? "" : path + ": ") + message);
        }

        private static boolean isDotted(String s) {
            return s.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
        }
    }
}
