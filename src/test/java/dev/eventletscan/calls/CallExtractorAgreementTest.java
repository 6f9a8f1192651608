package dev.eventletscan.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.corpus.DebianCorpus;
import dev.eventletscan.parse.PythonParser;
import dev.eventletscan.parse.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lexical call extractor must see the functions and calls a syntax tree
 * sees. Exact agreement is not possible (a call inside an f-string's braces is
 * invisible to a lexer that blanks strings), so the bar is a share of
 * functions whose name, kind and callee set match exactly.
 */
class CallExtractorAgreementTest {

    /** Functions, as {@code path|name|method|callees}, on which both extractors agree, over all of them. */
    private static double agreement(List<Path> files, Path root, List<String> differences) throws IOException {
        int same = 0;
        int all = 0;
        try (PythonParser parser = new PythonParser()) {
            for (Path file : files) {
                SourceText source = SourceText.decode(Files.readAllBytes(file));
                Set<FunctionCalls> lexical = new HashSet<>(CallExtractor.extract(source.text()));
                Set<FunctionCalls> tree = new HashSet<>(TreeSitterCallExtractor.extract(parser.parse(source)));
                Set<FunctionCalls> union = new HashSet<>(lexical);
                union.addAll(tree);
                for (FunctionCalls f : union) {
                    all++;
                    if (lexical.contains(f) && tree.contains(f)) {
                        same++;
                    } else if (differences.size() < 20) {
                        differences.add(root.relativize(file) + ": " + f + (lexical.contains(f) ? " (lexical only)" : " (tree only)"));
                    }
                }
            }
        }
        return all == 0 ? 1 : (double) same / all;
    }

    private static List<Path> pythonFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
    }

    @Test
    void agreesExactlyOnTheSamples() throws IOException {
        Path samples = TestSupport.projectDir().resolve("samples");
        List<String> differences = new ArrayList<>();
        assertThat(agreement(pythonFiles(samples), samples, differences)).as(String.join("\n", differences)).isEqualTo(1.0);
    }

    @Test
    void indentationDecidesScopesLikeTheGrammar() {
        String code = """
                class A(Base(x)):
                    def m(self, a=default()):
                        \"\"\"Doc with call() inside.\"\"\"
                        if (a and b):
                            self.n(); helper()
                        def inner(): return leaf()
                    y = f(1)
                top(); \\
                  more()
                """;
        assertThat(CallExtractor.extract(code)).containsExactly(
                new FunctionCalls("<module>", false, Set.of("Base", "f", "top", "more")),
                new FunctionCalls("A.m", true, Set.of("default", ".n", "helper")),
                new FunctionCalls("A.m.inner", false, Set.of("leaf")));
    }

    @Tag("slow") // a Debian package download and a whole-package comparison
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"python3-nova", "python3-swift"})
    void agreesOnARealOpenStackPackage(String pkg) throws IOException {
        DebianCorpus.Result corpus = DebianCorpus.fetch(pkg);
        assumeThat(corpus.path()).as(pkg + " unavailable, test skipped: " + corpus.whyNot()).isPresent();
        List<String> differences = new ArrayList<>();
        double share = agreement(pythonFiles(corpus.path().get()), corpus.path().get(), differences);
        System.out.printf("%s: %.4f of functions agree%n", pkg, share);
        assertThat(share).as(String.join("\n", differences)).isGreaterThanOrEqualTo(0.995);
    }
}
