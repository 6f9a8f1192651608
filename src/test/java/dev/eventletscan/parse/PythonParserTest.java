package dev.eventletscan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
        var sources = new java.util.LinkedHashMap<String, String>();
        sources.put("A", "(call function: (identifier) @symbol (#eq? @symbol \"spawn\")) @match");
        // Two patterns in one part, and a comment with a non-ASCII character before them: offsets are bytes.
        sources.put("B", "; füße\n(string) @match\n(keyword_argument name: (identifier) @symbol (#eq? @symbol \"hub\")) @match");
        sources.put("C", "(decorator) @match");
        SourceText src = SourceText.of("spawn(1, hub='x')\n@deco\ndef f():\n    pass\n");
        try (PythonParser parser = new PythonParser(); SyntaxQuery combined = SyntaxQuery.combined(sources)) {
            var together = parser.parse(src, java.util.List.of(combined)).queryHits();
            var apart = new java.util.ArrayList<QueryHit>();
            for (var e : sources.entrySet()) {
                try (SyntaxQuery one = new SyntaxQuery(e.getKey(), e.getValue())) {
                    apart.addAll(parser.parse(src, java.util.List.of(one)).queryHits());
                }
            }
            java.util.Comparator<QueryHit> order = java.util.Comparator.comparing(QueryHit::key)
                    .thenComparingInt(QueryHit::startByte).thenComparingInt(QueryHit::endByte);
            assertThat(together).usingElementComparator(order).containsExactlyInAnyOrderElementsOf(apart);
            assertThat(together).extracting(QueryHit::key).containsOnly("A", "B", "C").contains("A", "B", "C");
            assertThat(combined.keyOf(0)).isEqualTo("A");
            assertThat(combined.keyOf(2)).isEqualTo("B");
            assertThat(combined.keyOf(3)).isEqualTo("C");
        }
    }
}
