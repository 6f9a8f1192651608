package dev.eventletscan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonParserTest {
    @Test
    void parsesWithTheBundledNativeLibraries() {
        try (PythonParser parser = new PythonParser()) {
            SyntaxTree tree = parser.parse(SourceText.of("import eventlet\n\ndef f(x):\n    return eventlet.spawn(x)\n"));
            assertThat(tree.type(0)).isEqualTo("module");
            assertThat(tree.errorCount()).isZero();
            int def = tree.children(0).get(1);
            assertThat(tree.type(def)).isEqualTo("function_definition");
            assertThat(tree.text(tree.child(def, "name"))).isEqualTo("f");
            assertThat(tree.parent(def)).isZero();
        }
        assertThat(NativeLibraries.coreLibrary()).exists();
    }

    @Test
    void countsErrorNodesAndStillReturnsATree() {
        try (PythonParser parser = new PythonParser()) {
            SyntaxTree tree = parser.parse(SourceText.of("def broken(:\n    pass\nimport eventlet\n"));
            assertThat(tree.errorCount()).isPositive();
            assertThat(tree.size()).isGreaterThan(3);
        }
    }

    @Test
    void positionsAreLinesAndCodePointColumns() {
        SourceText src = SourceText.of("x = 'é€'; import eventlet\nimport os\n");
        int at = src.text().indexOf("import");
        int byteOffset = src.text().substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        assertThat(src.lineOf(byteOffset)).isEqualTo(1);
        assertThat(src.columnOf(byteOffset)).isEqualTo(at + 1);
        assertThat(src.line(2)).isEqualTo("import os");
    }

    @Test
    void decodesCodingCookiesBomsAndBadBytes() {
        byte[] latin1 = "# -*- coding: latin-1 -*-\nname = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(SourceText.decode(latin1).text()).contains("café");
        assertThat(SourceText.decode(latin1).decodingNote()).isNull();

        byte[] utf16 = "\uFEFFimport eventlet\n".getBytes(StandardCharsets.UTF_16LE);
        SourceText fromUtf16 = SourceText.decode(utf16);
        assertThat(fromUtf16.text()).isEqualTo("import eventlet\n");
        assertThat(fromUtf16.decodingNote()).contains("UTF-16");

        byte[] invalid = {'x', '=', (byte) 0xFF, '\n'};
        assertThat(SourceText.decode(invalid).decodingNote()).contains("invalid UTF-8");
    }

    @Test
    void aCombinedQueryReportsEachHitUnderItsOwnKeyAsSeparateQueriesWould() {
        var sources = new LinkedHashMap<String, String>();
        sources.put("A", "(call function: (identifier) @symbol (#eq? @symbol \"spawn\")) @match");
        // Two patterns in one part, and a comment with a non-ASCII character before them: offsets are bytes.
        sources.put("B", "; füße\n(string) @match\n(keyword_argument name: (identifier) @symbol (#eq? @symbol \"hub\")) @match");
        sources.put("C", "(decorator) @match");
        SourceText src = SourceText.of("spawn(1, hub='x')\n@deco\ndef f():\n    pass\n");
        try (PythonParser parser = new PythonParser(); SyntaxQuery combined = SyntaxQuery.combined(sources)) {
            var together = parser.parse(src, List.of(combined)).queryHits();
            var apart = new ArrayList<QueryHit>();
            for (var e : sources.entrySet()) {
                try (SyntaxQuery one = new SyntaxQuery(e.getKey(), e.getValue())) {
                    apart.addAll(parser.parse(src, List.of(one)).queryHits());
                }
            }
            Comparator<QueryHit> order = Comparator.comparing(QueryHit::key)
                    .thenComparingInt(QueryHit::startByte).thenComparingInt(QueryHit::endByte);
            assertThat(together).usingElementComparator(order).containsExactlyInAnyOrderElementsOf(apart);
            assertThat(together).extracting(QueryHit::key).containsOnly("A", "B", "C").contains("A", "B", "C");
            assertThat(combined.keyOf(0)).isEqualTo("A");
            assertThat(combined.keyOf(2)).isEqualTo("B");
            assertThat(combined.keyOf(3)).isEqualTo("C");
        }
    }

    /**
     * The copy walks tree-sitter's cursor directly (natively, or from Java where the native copy is missing);
     * jtreesitter's own node API, walked the slow way, must see the same named nodes (type, field, bytes, parent)
     * in the same order, on every sample and on broken code.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "java walk: {0}, callback parse: {1}")
    @org.junit.jupiter.params.provider.CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void theCopyHoldsWhatJtreesittersNodesHold(boolean javaWalk, boolean callbackParse) throws IOException {
        List<SourceText> sources = new ArrayList<>();
        try (var walk = Files.walk(dev.eventletscan.TestSupport.projectDir().resolve("samples"))) {
            for (var f : walk.filter(p -> p.toString().endsWith(".py")).sorted().toList()) {
                sources.add(SourceText.decode(Files.readAllBytes(f)));
            }
        }
        sources.add(SourceText.of("def f(:\n  return ((1,\nclass\n  x = 'é' + \"ß\"\n"));
        try (PythonParser ours = new PythonParser(javaWalk, callbackParse);
                var theirs = new Parser(PythonGrammar.language())) {
            ours.setTimeLimit(Duration.ofSeconds(30));
            for (SourceText src : sources) {
                SyntaxTree copy = ours.parse(src);
                List<String> expected = new ArrayList<>();
                try (var tree = theirs.parse(src.text()).orElseThrow()) {
                    collect(tree.getRootNode(), null, "-", expected);
                }
                List<String> actual = new ArrayList<>();
                for (int n = 0; n < copy.size(); n++) {
                    int parent = copy.parent(n);
                    actual.add(copy.type(n) + " " + copy.field(n) + " " + copy.startByte(n) + "-" + copy.endByte(n) + " in "
                            + (parent == SyntaxTree.NONE ? "-" : copy.type(parent) + "@" + copy.startByte(parent)));
                }
                assertThat(actual).isEqualTo(expected);
            }
        }
    }

    /** Both parses under a time limit stop at it, and leave nothing of the halted parse to the next. */
    @org.junit.jupiter.params.ParameterizedTest(name = "callback parse: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aParsePastItsTimeLimitThrowsAndTheNextParsesWhole(boolean callbackParse) {
        SourceText big = SourceText.of("import eventlet\n" + "x = eventlet.sleep(1) + [1, 2, (3, {4: 5})]\n".repeat(300_000));
        SourceText small = SourceText.of("import eventlet\neventlet.sleep(0)\n");
        try (PythonParser parser = new PythonParser(false, callbackParse)) {
            parser.setTimeLimit(Duration.ofMillis(20));
            SyntaxTree expected = parser.parse(small);
            for (int round = 0; round < 2; round++) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> parser.parse(big))
                        .isInstanceOf(ParseTimeoutException.class).hasMessageContaining("time limit of 0.02 s");
                SyntaxTree next = parser.parse(small);
                assertThat(next.errorCount()).as("a halted parse must not leak into the next").isZero();
                assertThat(next.size()).isEqualTo(expected.size());
            }
        }
    }

    private static void collect(Node node, String field, String parent,
            List<String> out) {
        boolean kept = node.isNamed() || node.isError();
        String type = node.isError() ? "ERROR" : node.getType();
        String self = parent;
        if (kept) {
            out.add(type + " " + field + " " + node.getStartByte() + "-" + node.getEndByte() + " in " + parent);
            self = type + "@" + node.getStartByte();
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            collect(node.getChild(i).orElseThrow(), node.getFieldNameForChild(i), self, out);
        }
    }
}
