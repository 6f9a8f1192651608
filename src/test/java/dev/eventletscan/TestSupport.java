package dev.eventletscan;

import dev.eventletscan.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Shared helpers: where the project is, and the real CLI run in-process. */
public final class TestSupport {
    private TestSupport() {}

    public static Path projectDir() {
        return Path.of(System.getProperty("eventletscan.project.dir", ".")).toAbsolutePath().normalize();
    }

    /** Every Python file under {@code samples/}, in path order: real code for the tests that compare two readers. */
    public static List<Path> samplePythonFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(projectDir().resolve("samples"))) {
            return walk.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
    }

    /** Up to {@code most} pieces, drawn at random: input for the tests that compare two readers of a text. */
    public static String randomText(Random random, String[] pieces, int most) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(most); k > 0; k--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    public static Path sample(String name) {
        return projectDir().resolve("samples").resolve(name);
    }

    public record CliRun(int exitCode, String out, String err) {}

    public static CliRun cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
