package dev.eventletscan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The native copy (tree_flatten.c) and the Java walk it replaces, and the native parse (tree_parse.c) and jtreesitter's
 * callback parse it replaces, must give the same trees, on any input.
 */
class TreeFlattenerTest {
    private static final String[] INSERTS = {"(", ")", "[", "]", "{", "}", ":", ",", "'", "\"", "\"\"\"", "\n", "    ",
        "\t", "def ", "class ", "lambda ", "=", "@", "\\", "é", "import ", "if x:\n", "print ", "f\"{", "*", "->"};

    @Test
    void theBundledCoreLibraryHasTheNativeCopy() {
        if (!NativeLibraries.userSupplied()) {
            assertThat(TreeFlattener.available()).isTrue();
            assertThat(NativeParse.available()).isTrue();
        }
    }

    @Test
    void nativeCopyAndJavaWalkGiveTheSameTrees() throws IOException {
        List<Input> inputs = new ArrayList<>();
        List<byte[]> originals = new ArrayList<>();
        for (Path root : List.of(TestSupport.projectDir().resolve("samples"), TestSupport.projectDir().resolve("src/test/resources"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    byte[] content = Files.readAllBytes(f);
                    inputs.add(new Input(root.relativize(f).toString(), content));
                    if (f.toString().endsWith(".py")) {
                        originals.add(content);
                    }
                }
            }
        }
        Random random = new Random(20240607);
        for (int i = 0; i < 400; i++) {
            byte[] original = originals.get(random.nextInt(originals.size()));
            inputs.add(new Input("mutation " + i, mutate(original, random)));
        }
        inputs.addAll(deepAndLarge());

        int errorTrees = 0;
        int treesWithMissing = 0;
        try (PythonParser fast = new PythonParser(); PythonParser callback = new PythonParser(false, true);
                PythonParser walk = new PythonParser(true, true)) {
            for (PythonParser p : List.of(fast, callback, walk)) {
                // as a scan parses: the time limit reads the text as UTF-8, where without it jtreesitter converts it
                p.setTimeLimit(Duration.ofSeconds(60));
            }
            for (Input in : inputs) {
                SourceText source = SourceText.decode(in.content());
                SyntaxTree expected = walk.parse(source);
                assertSame(in.name(), expected, fast.parse(source));
                assertSame(in.name() + " (callback parse)", expected, callback.parse(source));
                int errorNodes = count(expected, "ERROR");
                errorTrees += errorNodes > 0 ? 1 : 0;
                treesWithMissing += expected.errorCount() > errorNodes ? 1 : 0;
            }
        }
        // the inputs did reach what is easy to get wrong: ERROR nodes, and MISSING ones counted apart
        assertThat(errorTrees).isGreaterThan(100);
        assertThat(treesWithMissing).isGreaterThan(10);
    }

    /**
     * Trees deeper than the native walk's first depth stack, and trees and texts larger than the buffers the native
     * copy and parse start with or keep.
     */
    private static List<Input> deepAndLarge() {
        List<Input> inputs = new ArrayList<>();
        inputs.add(ascii("nested parentheses", "x = " + "(".repeat(3000) + "1" + ")".repeat(3000) + "\n"));
        inputs.add(ascii("unclosed brackets", "x = " + "[".repeat(3000) + "\n"));
        inputs.add(ascii("calls missing a parenthesis", "f(".repeat(1500) + ")".repeat(1499) + "\n"));
        StringBuilder blocks = new StringBuilder();
        for (int depth = 0; depth < 400; depth++) {
            blocks.append(" ".repeat(depth)).append("if x:\n");
        }
        inputs.add(ascii("nested blocks", blocks.append(" ".repeat(400)).append("pass\n").toString()));
        inputs.add(ascii("a few thousand nodes", "x = [" + "a, ".repeat(20_000) + "]\n"));
        // two nodes a line (an expression statement and its name): one long list parses several times slower
        inputs.add(ascii("more nodes than a parser keeps room for", "a\n".repeat((int) TreeFlattener.RETAINED_NODES / 2 + 1000)));
        inputs.add(ascii("a text longer than a parser keeps room for", "# " + "x".repeat(NativeParse.RETAINED_BYTES) + "\nf(a)\n"));
        inputs.add(ascii("small after the largest", "import eventlet\neventlet.spawn(f)\n"));
        return inputs;
    }

    private static Input ascii(String name, String text) {
        return new Input(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One to five edits: a deletion, an insertion of syntax, a cut, a line moved. */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] out = original;
        for (int edits = 1 + random.nextInt(5); edits > 0; edits--) {
            int at = out.length == 0 ? 0 : random.nextInt(out.length);
            out = switch (random.nextInt(4)) {
                case 0 -> splice(out, at, Math.min(out.length, at + random.nextInt(40)), new byte[0]);
                case 1 -> splice(out, at, at, INSERTS[random.nextInt(INSERTS.length)].getBytes(StandardCharsets.UTF_8));
                case 2 -> Arrays.copyOf(out, at);
                default -> {
                    int end = Math.min(out.length, at + 1 + random.nextInt(200));
                    byte[] moved = Arrays.copyOfRange(out, at, end);
                    byte[] without = splice(out, at, end, new byte[0]);
                    int to = without.length == 0 ? 0 : random.nextInt(without.length);
                    yield splice(without, to, to, moved);
                }
            };
        }
        return out;
    }

    /** {@code content} with its bytes {@code from} to {@code to} replaced by {@code insert}. */
    private static byte[] splice(byte[] content, int from, int to, byte[] insert) {
        byte[] out = new byte[content.length - (to - from) + insert.length];
        System.arraycopy(content, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(content, to, out, from + insert.length, content.length - to);
        return out;
    }

    private static void assertSame(String name, SyntaxTree expected, SyntaxTree actual) {
        assertThat(actual.errorCount()).as("%s: error count", name).isEqualTo(expected.errorCount());
        assertThat(actual.size()).as("%s: size", name).isEqualTo(expected.size());
        for (int n = 0; n < expected.size(); n++) {
            if (!describe(expected, n).equals(describe(actual, n))) {
                assertThat(describe(actual, n)).as("%s: node %d", name, n).isEqualTo(describe(expected, n));
            }
        }
    }

    private static String describe(SyntaxTree tree, int n) {
        return tree.type(n) + " " + tree.field(n) + " " + tree.startByte(n) + "-" + tree.endByte(n) + " in " + tree.parent(n);
    }

    private static int count(SyntaxTree tree, String type) {
        int found = 0;
        for (int n = 0; n < tree.size(); n++) {
            found += tree.is(n, type) ? 1 : 0;
        }
        return found;
    }

    private record Input(String name, byte[] content) {}
}
