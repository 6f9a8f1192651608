package dev.eventletscan.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.calls.CallExtractor;
import dev.eventletscan.graph.ImportExtractor;
import dev.eventletscan.indirect.AttributeNames;
import dev.eventletscan.indirect.ModuleAssignments;
import dev.eventletscan.parse.LogicalLines;
import dev.eventletscan.parse.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The structure pass reads each file's statements once, as bytes, and makes a String only where a reader needs
 * one. Each reader's answer must be what it gives from the logical lines as Strings ({@link LogicalLines#of}).
 */
class ProjectSourcesTest {
    private static final String[] PIECES = {"'", "\"", "'''", "#", "\\", "\n", "\\\n", ";", "(", ")", "[", "]", " ",
        "  ", "\t", "\r\n", ".", ". ", "def ", "class ", "async def ", "f", "spawn", "_x1", "import ", "from ", " as ",
        "a.b", ",", "*", "=", " = ", "x", "1", "é", ":", "\u00a0", "\f", "\u001c", "漢", "\u3000", "\u2028", "?", "\u0127",
        "😀", "\r", "# coding: utf-16\n", "# -*- coding: latin-1 -*-\n", "# coding=utf-8\n"};

    @Test
    void agreesWithTheLineReadersOnRealFiles() throws IOException {
        List<Path> files = TestSupport.samplePythonFiles();
        assertThat(files).hasSizeGreaterThan(20);
        for (Path f : files) {
            assertAgree(f.toString(), Files.readAllBytes(f));
        }
    }

    @Test
    void agreesWithTheLineReadersOnRandomText() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int n = 0; n < 20_000; n++) {
            byte[] utf8 = TestSupport.randomText(random, PIECES, 40).getBytes(StandardCharsets.UTF_8);
            assertAgree("seed " + seed + ", input " + n, utf8);
        }
    }

    @Test
    void readsImportsCallsAliasesAndAttributes() {
        ProjectSources.Structure s = ProjectSources.structureOf(LogicalLines.statements("""
                import os, eventlet.green as g
                from . import util as u
                spawn = concurrency.spawn
                class Pool(object):
                    def run(self, n=default()):
                        eventlet . sleep(n)
                """.getBytes(StandardCharsets.UTF_8)));
        assertThat(s.imports()).extracting(i -> i.module() + "@" + i.line()).containsExactly("os@1", "eventlet.green@1", "@2");
        assertThat(s.functions()).extracting(f -> f.qualifiedName() + new TreeSet<>(f.callees())).containsExactly("Pool.run[.sleep, default]");
        assertThat(s.aliases()).extracting(ModuleAssignments.Assignment::dotted).containsExactly("concurrency.spawn");
        assertThat(AttributeNames.mayRead(s.attributes(), "sleep")).isTrue();
        assertThat(AttributeNames.mayRead(s.attributes(), "green")).isTrue();
        assertThat(AttributeNames.mayRead(s.attributes(), "Pool")).isFalse();
    }

    /** The structure read from the bytes, and what each reader finds in the lines of the decoded text. */
    private static void assertAgree(String what, byte[] raw) {
        SourceText source = SourceText.decode(raw);
        List<LogicalLines.Line> lines = LogicalLines.of(source.text());
        ProjectSources.Structure s = ProjectSources.structureOf(LogicalLines.statements(raw));
        ProjectSources.Structure decoded = ProjectSources.structureOf(LogicalLines.statements(source));
        assertThat(decoded.imports()).as(what).isEqualTo(s.imports());
        assertThat(decoded.functions()).as(what).isEqualTo(s.functions());
        assertThat(decoded.aliases()).as(what).isEqualTo(s.aliases());
        assertThat(decoded.attributes()).as(what).isEqualTo(s.attributes());
        String as = what + ": " + source.text();
        assertThat(s.imports()).as(as).isEqualTo(ImportExtractor.extract(lines));
        assertThat(new HashSet<>(s.functions())).as(as).isEqualTo(new HashSet<>(CallExtractor.extract(lines)));
        assertThat(s.functions()).as(as).hasSameSizeAs(CallExtractor.extract(lines));
        assertThat(s.aliases()).as(as).isEqualTo(ModuleAssignments.extract(lines));
        assertThat(s.attributes()).as(as).isEqualTo(attributeHashes(lines));
    }

    /**
     * The reference: {@link AttributeNames} as it read each line's text, before it read the statements in place
     * (kept apart on purpose, like {@code ImportExtractorReferenceTest}'s regexes).
     */
    private static int[] attributeHashes(List<LogicalLines.Line> lines) {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (LogicalLines.Line line : lines) {
            String t = line.text();
            int n = t.length();
            for (int i = t.indexOf('.'); i >= 0 && i < n; i = t.indexOf('.', i + 1)) {
                int j = i + 1;
                while (j < n && t.charAt(j) == ' ') {
                    j++;
                }
                if (j >= n || !nameStart(t.charAt(j))) {
                    continue;
                }
                int h = 0;
                while (j < n && (nameStart(t.charAt(j)) || t.charAt(j) >= '0' && t.charAt(j) <= '9')) {
                    h = 31 * h + t.charAt(j);
                    j++;
                }
                out.add(h);
                i = j - 1;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean nameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c > 0x7f && Character.isLetter(c);
    }

}
