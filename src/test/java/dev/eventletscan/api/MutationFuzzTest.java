package dev.eventletscan.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.model.Finding;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.rules.RuleLoader;
import dev.eventletscan.rules.RuleSet;
import dev.eventletscan.walk.SourceFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of the whole per-file path (read, decode, parse, queries, detectors, suppressions, excerpts):
 * the samples' Python files, cut, spliced, repeated and sprinkled with Python and eventlet tokens and with
 * invalid bytes. No exception may escape, no JVM may crash, and every finding must lie inside its file.
 *
 * <p>Bounded for CI (default 20 s, seed printed); run longer with
 * {@code -Deventletscan.fuzz.seconds=600}, and replay with {@code -Deventletscan.fuzz.seed=N}.
 */
@Tag("slow")
class MutationFuzzTest {
    private static final String[] TOKENS = {"import eventlet\n", "from eventlet import ", "eventlet.", "spawn(", "monkey_patch(",
        "GreenPool(", "(", ")", "[", "]", "{", "}", ":", "\n", "\n    ", "\t", "\\\n", "'", "\"", "'''", "\"\"\"", "f\"{",
        "#", "# eventlet-scan: ignore\n", "lambda ", "@", "async ", "await ", "with ", "def ", "class ", "if __name__ == '__main__':\n",
        "__import__('eventlet')", "mock.patch('eventlet.sleep')", ",", "=", "*", "**", "é", "\u2028", "\u0000", "\r", "\uFEFF"};

    @TempDir
    Path tmp;

    @Test
    void mutatedPythonNeverBreaksThePerFilePath() throws Exception {
        long seconds = Long.getLong("eventletscan.fuzz.seconds", 20);
        long seed = Long.getLong("eventletscan.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TestSupport.projectDir().resolve("samples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                seeds.add(Files.readAllBytes(p));
            }
        }
        assertThat(seeds).isNotEmpty();
        RuleSet rules = RuleLoader.load(List.of());
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int inputs = 0;
        int withFindings = 0;
        Path file = tmp.resolve("fuzzed.py");
        try (FileScanner scanner = new FileScanner(rules)) {
            while (System.nanoTime() < deadline) {
                byte[] input = mutate(seeds, random);
                Files.write(file, input);
                FileOutcome outcome;
                try {
                    outcome = scanner.scan(new SourceFile(file, "fuzzed.py", true), FileFacts.of("fuzzed.py"), null);
                } catch (RuntimeException | StackOverflowError e) {
                    Path keep = TestSupport.projectDir().resolve("target/fuzz-failure-" + seed + ".py");
                    Files.write(keep, input);
                    throw new AssertionError("seed " + seed + ", input " + inputs + " (kept in " + keep + ")", e);
                }
                checkBounds(outcome, input, seed, inputs);
                withFindings += outcome.findings().isEmpty() ? 0 : 1;
                inputs++;
            }
        }
        System.out.printf("mutation fuzzing: seed %d, %d inputs in %d s, %d with findings, 0 failures%n", seed, inputs, seconds,
                withFindings);
        assertThat(inputs).isGreaterThan(50);
        assertThat(withFindings).as("mutations must still reach the detectors").isGreaterThan(inputs / 10);
    }

    /** Inputs fuzzing once broke, kept so they never break again. */
    @Test
    void inputsFuzzingFoundStayFixed() throws Exception {
        List<String> found = List.of(
                // a string literal as the first argument of a call whose callee is no name: MockCalls looked
                // the missing name up in an immutable set, which throws on null
                "import eventlet\n(factory())('eventlet.sleep')\nx[0]('eventlet.spawn')\n");
        RuleSet rules = RuleLoader.load(List.of());
        Path file = tmp.resolve("found.py");
        try (FileScanner scanner = new FileScanner(rules)) {
            for (String input : found) {
                Files.writeString(file, input);
                FileOutcome outcome = scanner.scan(new SourceFile(file, "found.py", true), FileFacts.of("found.py"), null);
                assertThat(outcome.findings()).extracting(Finding::symbol).contains("eventlet.greenthread.sleep");
            }
        }
    }

    private static void checkBounds(FileOutcome outcome, byte[] input, long seed, int index) {
        int lines = Math.max(1, SourceText.decode(input).lineCount());
        for (Finding f : outcome.findings()) {
            String where = "seed " + seed + ", input " + index + ": " + f;
            assertThat(f.line()).as(where).isBetween(1, lines);
            assertThat(f.endLine()).as(where).isBetween(f.line(), lines);
            assertThat(f.column()).as(where).isPositive();
        }
    }

    private static byte[] mutate(List<byte[]> seeds, Random random) {
        byte[] base = seeds.get(random.nextInt(seeds.size()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        byte[] current = out.toByteArray();
        int steps = 1 + random.nextInt(8);
        for (int s = 0; s < steps; s++) {
            int at = current.length == 0 ? 0 : random.nextInt(current.length + 1);
            ByteArrayOutputStream next = new ByteArrayOutputStream();
            switch (random.nextInt(6)) {
                case 0 -> { // delete a range
                    int end = Math.min(current.length, at + random.nextInt(64));
                    next.write(current, 0, at);
                    next.write(current, end, current.length - end);
                }
                case 1 -> { // insert a token
                    next.write(current, 0, at);
                    next.writeBytes(TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                    next.write(current, at, current.length - at);
                }
                case 2 -> { // insert random bytes, often invalid UTF-8
                    next.write(current, 0, at);
                    byte[] noise = new byte[1 + random.nextInt(8)];
                    random.nextBytes(noise);
                    next.writeBytes(noise);
                    next.write(current, at, current.length - at);
                }
                case 3 -> { // splice in a piece of another seed
                    byte[] other = seeds.get(random.nextInt(seeds.size()));
                    int from = other.length == 0 ? 0 : random.nextInt(other.length);
                    int len = Math.min(other.length - from, random.nextInt(400));
                    next.write(current, 0, at);
                    next.write(other, from, len);
                    next.write(current, at, current.length - at);
                }
                case 4 -> { // repeat a range: deep nesting, long lines
                    int len = Math.min(current.length - at, 1 + random.nextInt(16));
                    next.write(current, 0, at);
                    for (int r = random.nextInt(200); r >= 0; r--) {
                        next.write(current, at, len);
                    }
                    next.write(current, at, current.length - at);
                }
                default -> next.write(current, 0, at); // truncate
            }
            current = next.toByteArray();
        }
        return current;
    }
}
