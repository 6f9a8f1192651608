package dev.eventletscan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.rules.QueryMatch;
import dev.eventletscan.rules.RuleExamples;
import dev.eventletscan.rules.RuleLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A parse under a time limit leaves the tree without its text, and {@link QueryPredicates} then checks the text
 * predicates in jtreesitter's place: the hits must be exactly those jtreesitter gives on a tree with its text.
 */
class QueryPredicatesTest {
    /** Every predicate form, with the tricky bits of query syntax around them. */
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("eq", "(call function: (identifier) @symbol (#eq? @symbol \"spawn\")) @match");
        QUERIES.put("not-eq", "(call function: (identifier) @symbol (#not-eq? @symbol \"print\")) @match");
        QUERIES.put("eq-capture", "(assignment left: (identifier) @symbol right: (identifier) @other (#eq? @symbol @other)) @match");
        QUERIES.put("not-eq-capture", "(assignment left: (identifier) @symbol right: (identifier) @other (#not-eq? @symbol @other)) @match");
        QUERIES.put("any-eq", "(call arguments: (argument_list (identifier)+ @symbol) (#any-eq? @symbol \"x\")) @match");
        QUERIES.put("any-not-eq", "(call arguments: (argument_list (identifier)+ @symbol) (#any-not-eq? @symbol \"x\")) @match");
        QUERIES.put("all-eq", "(call arguments: (argument_list (identifier)+ @symbol) (#eq? @symbol \"x\")) @match");
        QUERIES.put("match", "(string (string_content) @symbol (#match? @symbol \"^EVENTLET_[A-Z0-9_]+$\")) @match");
        QUERIES.put("not-match", "(identifier) @symbol @match (#not-match? @symbol \"^_\")");
        QUERIES.put("any-match", "(call arguments: (argument_list (identifier)+ @symbol) (#any-match? @symbol \"^y\")) @match");
        QUERIES.put("any-of", "(attribute attribute: (identifier) @symbol (#any-of? @symbol \"spawn\" \"spawn_n\" \"sleep\")) @match");
        QUERIES.put("not-any-of", "(attribute attribute: (identifier) @symbol (#not-any-of? @symbol \"spawn\" \"sleep\")) @match");
        QUERIES.put("escapes", "; a comment with (#eq? @symbol \"nothing\") in it\n"
                + "(string (string_content) @symbol (#eq? @symbol \"a\\\"b)c\")) @match");
        QUERIES.put("two", "(keyword_argument name: (identifier) @symbol value: (string (string_content) @value)"
                + " (#match? @symbol \"^(hub|pool)$\") (#eq? @value \"eventlet\")) @match");
        QUERIES.put("content-or-name", "[(string (string_content) @v) (identifier) @v] @match (#eq? @v \"eventlet\")");
        QUERIES.put("whole-content", "(string (string_content) @v (#eq? @v \"eventlet\")) @match");
        QUERIES.put("any-content", "(concatenated_string (string (string_content) @v)+ (#any-eq? @v \"eventlet\")) @match");
        QUERIES.put("optional", "(call function: (identifier) @symbol arguments: (argument_list (string)? @s)"
                + " (#eq? @s \"'x'\")) @match");
    }

    private static final String CODE = """
            import eventlet, os
            spawn(f); print(x); spawn_n(g)
            a = a; b = c
            f(x, x); f(x, y); f(y, z); f()
            hub = os.environ.get("EVENTLET_HUB"); other = "EVENTLET_hub"
            eventlet.spawn(f); eventlet.sleep(0); eventlet.spawn_n(g); pool.spawn
            s = "a\\"b)c"; t = 'a"b)c'
            f(hub="eventlet", pool="threading"); g(pool='eventlet')
            _private; public
            spawn('x'); spawn("y"); spawn()
            """;

    /** Under the time limit, the native parse (tree_parse.c) and jtreesitter's callback parse must agree first. */
    private static List<QueryHit> hits(boolean underTimeLimit, SourceText source, SyntaxQuery query) {
        List<QueryHit> hits = hits(underTimeLimit, false, source, query);
        if (underTimeLimit) {
            assertThat(hits(true, true, source, query)).as("callback parse").isEqualTo(hits);
        }
        return hits;
    }

    private static List<QueryHit> hits(boolean underTimeLimit, boolean callbackParse, SourceText source, SyntaxQuery query) {
        try (PythonParser parser = new PythonParser(false, callbackParse)) {
            parser.setTimeLimit(underTimeLimit ? Duration.ofSeconds(30) : Duration.ZERO);
            return parser.parse(source, List.of(query)).queryHits().stream()
                    .sorted(Comparator.comparing(QueryHit::key).thenComparingInt(QueryHit::startByte)
                            .thenComparingInt(QueryHit::endByte).thenComparing(h -> String.valueOf(h.symbol())))
                    .toList();
        }
    }

    @Test
    void everyPredicateFormAgreesWithJtreesitter() {
        SourceText source = SourceText.of(CODE);
        for (var e : QUERIES.entrySet()) {
            try (SyntaxQuery q = new SyntaxQuery(e.getKey(), e.getValue())) {
                assertThat(q.needsText()).as(e.getKey()).isFalse();
                List<QueryHit> theirs = hits(false, source, q);
                assertThat(hits(true, source, q)).as(e.getKey()).isEqualTo(theirs);
            }
        }
        // the comparison has teeth: the predicates do filter
        try (SyntaxQuery eq = new SyntaxQuery("eq", QUERIES.get("eq"))) {
            assertThat(hits(true, source, eq)).extracting(QueryHit::symbol).containsOnly("spawn").hasSize(4);
        }
    }

    @Test
    void anUnknownPredicateFallsBackToATreeWithText() {
        String query = "((identifier) @symbol @match (#is-not? local) (#eq? @symbol \"spawn\"))";
        try (SyntaxQuery q = new SyntaxQuery("unknown", query)) {
            assertThat(q.needsText()).isTrue();
            SourceText source = SourceText.of(CODE);
            assertThat(hits(true, source, q)).isEqualTo(hits(false, source, q));
        }
    }

    @Test
    void theShippedRulesAgreeOnEverySampleAndExample() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, SourceText> texts = new LinkedHashMap<>();
        RuleLoader.load(List.of()).queryRules().forEach(r -> sources.put(r.id(), ((QueryMatch) r.match()).query()));
        RuleExamples.shipped().files().forEach((name, text) -> {
            if (name.endsWith(".py")) {
                texts.put(name, SourceText.of(text));
            }
        });
        try (Stream<Path> walk = Files.walk(TestSupport.projectDir().resolve("samples"))) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                texts.put(f.toString(), SourceText.decode(Files.readAllBytes(f)));
            }
        }
        assertThat(texts).hasSizeGreaterThan(20);
        int total = 0;
        try (SyntaxQuery combined = SyntaxQuery.combined(sources)) {
            assertThat(combined.needsText()).as("the shipped rules use only predicates checked here").isFalse();
            for (var e : texts.entrySet()) {
                List<QueryHit> theirs = hits(false, e.getValue(), combined);
                assertThat(hits(true, e.getValue(), combined)).as(e.getKey()).isEqualTo(theirs);
                total += theirs.size();
            }
        }
        assertThat(total).isPositive();
    }

    @Test
    void aRegexGivesTheLiteralsItMustStartWithAndNothingWhenUnsure() {
        assertThat(QueryPredicates.literalStarts("^EVENTLET_[A-Z0-9_]+$")).containsExactly("EVENTLET_");
        assertThat(QueryPredicates.literalStarts("green")).containsExactly("green");
        assertThat(QueryPredicates.literalStarts("^spawns?")).containsExactly("spawn");
        assertThat(QueryPredicates.literalStarts("^ab+c")).containsExactly("ab");
        assertThat(QueryPredicates.literalStarts("^a*")).containsExactly("");
        assertThat(QueryPredicates.literalStarts("^(hub|pool)$")).containsExactly("hub", "pool");
        assertThat(QueryPredicates.literalStarts("^(fork|forkpty)$")).containsExactly("fork", "forkpty");
        assertThat(QueryPredicates.literalStarts("^Green(Pool|Pile)$")).containsExactly("Green");
        assertThat(QueryPredicates.literalStarts("^spawn(_n|_after)?$")).containsExactly("spawn");
        assertThat(QueryPredicates.literalStarts("^(a(b|c)|de?)x")).containsExactly("a", "d");
        assertThat(QueryPredicates.literalStarts("^(hub|pool)?x")).isNull();
        assertThat(QueryPredicates.literalStarts("^(hub|[pP]ool)")).isNull();
        assertThat(QueryPredicates.literalStarts("^(hub|\\w+)")).isNull();
        assertThat(QueryPredicates.literalStarts("^hub|pool")).isNull();
        assertThat(QueryPredicates.literalStarts("^[|](x)")).containsExactly("");
        assertThat(QueryPredicates.literalStarts("(?i)^eventlet")).isNull();
    }

    /**
     * Leaving a query out of a file that lacks its literals must never lose a hit: for every form, on the code
     * above and on each of its lines alone, a key judged unable to match has no hits on the full query.
     */
    @Test
    void aFileLeftOutOfAQueryHasNoHitsForIt() {
        List<String> texts = new ArrayList<>(CODE.lines().toList());
        texts.add(CODE);
        texts.add("x = 'EVENTLET'\ny = 'EVENTLET_'\nz = \"\"\"EVENTLET_HUB\"\"\"\nw = f'EVENTLET_{x}'\n");
        texts.addAll(stringsAroundTheLiterals());
        int leftOut = 0;
        try (SyntaxQuery all = SyntaxQuery.combined(QUERIES)) {
            for (String text : texts) {
                SourceText source = SourceText.of(text + "\n");
                var mayMatch = all.keysThatMayMatch(new String(source.utf8(), StandardCharsets.ISO_8859_1));
                for (QueryHit hit : hits(true, source, all)) {
                    assertThat(mayMatch).as("%s in %s", hit.key(), text).contains(hit.key());
                }
                leftOut += QUERIES.size() - mayMatch.size();
            }
        }
        assertThat(leftOut).as("the literals do leave queries out").isGreaterThan(QUERIES.size());
    }

    /**
     * The one-pass search of every needle finds what one search per needle finds: on the texts above, and on random
     * texts made of the needles, their parts, quotes and word characters, where needles overlap and nest.
     */
    @Test
    void theOnePassSearchFindsWhatASearchPerNeedleFinds() {
        List<SyntaxQuery> singles = QUERIES.entrySet().stream().map(e -> new SyntaxQuery(e.getKey(), e.getValue())).toList();
        try {
            LiteralIndex index = LiteralIndex.of(singles);
            List<QueryPredicates.Needle> needles = singles.stream().flatMap(q -> q.needles().stream()).distinct().toList();
            assertThat(needles).as("the shipped rules have needles").hasSizeGreaterThan(5);
            List<String> pieces = new ArrayList<>(List.of("'", "\"", "{", "}", "\n", " ", "_", "x", "é", "("));
            needles.forEach(n -> n.texts().forEach(t -> {
                pieces.add(t);
                pieces.add(t.substring(0, t.length() / 2));
                pieces.add(t.substring(t.length() / 2));
            }));
            List<String> texts = new ArrayList<>(CODE.lines().toList());
            texts.addAll(stringsAroundTheLiterals());
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < 3000; i++) {
                StringBuilder text = new StringBuilder();
                for (int k = random.nextInt(12); k > 0; k--) {
                    text.append(pieces.get(random.nextInt(pieces.size())));
                }
                texts.add(text.toString());
            }
            for (String text : texts) {
                String latin1 = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                Map<Object, Boolean> found = index.found(latin1);
                for (QueryPredicates.Needle n : needles) {
                    assertThat(found.get(n)).as("%s in %s", n, text).isEqualTo(n.foundIn(latin1));
                }
            }
        } finally {
            singles.forEach(SyntaxQuery::close);
        }
    }

    /**
     * Every way a string's content can sit next to its quotes: prefixes, triple quotes, f-string fields and
     * escaped braces on either side, escapes, line continuations, concatenation and unterminated strings.
     */
    private static List<String> stringsAroundTheLiterals() {
        List<String> out = new ArrayList<>();
        String[] prefixes = {"", "f", "r", "b", "rb", "F", "u", "fr", "Rb"};
        String[] quotes = {"'", "\"", "'''", "\"\"\""};
        String[] contents = {"eventlet", "EVENTLET_HUB", "{x}eventlet", "eventlet{x}", "{x}eventlet{y}", "{{eventlet",
            "eventlet}}", "{{eventlet}}", "\\neventlet", "eventlet\\n", "event\\\nlet", "EVENTLET_{x}", "{x}EVENTLET_HUB",
            "{x!r}eventlet", "{x:>{w}}eventlet", "eventlet ", " eventlet", "{'eventlet'}", "{\"EVENTLET_HUB\"}"};
        String[] contexts = {"f(hub=%s)\n", "executor = %s\n", "os.environ[%s]\n", "%s\n", "x = (%s 'x')\n",
            "y = %s %s\n", "z = %s\\\n  'more'\n"};
        for (String prefix : prefixes) {
            for (String quote : quotes) {
                for (String content : contents) {
                    String literal = prefix + quote + content + quote;
                    for (String context : contexts) {
                        out.add(context.replace("%s", literal));
                    }
                }
            }
        }
        for (String content : contents) {
            out.add("executor = '" + content + "\n");      // unterminated, to the end of the line
            out.add("f(hub=\"" + content);                // unterminated, to the end of the file
            out.add("eventlet = 1\n" + content + "\n");   // a name, not a string
        }
        return out;
    }
}
