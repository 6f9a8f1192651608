package dev.eventletscan.dist;

import dev.eventletscan.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A program run as a user would run it, in the project folder unless told, with an environment the test chooses. */
final class Command {
    /** A hung program must fail the test, not the build. */
    private static final long TIMEOUT_SECONDS = 900;

    private final List<String> argv;
    private final Map<String, String> env = new LinkedHashMap<>();
    private boolean inheritEnv = true;
    private Path dir = TestSupport.projectDir();

    private Command(List<String> argv) {
        this.argv = argv;
    }

    static Command of(Object... argv) {
        List<String> words = new ArrayList<>();
        for (Object word : argv) {
            words.add(word.toString());
        }
        return new Command(words);
    }

    /** Starts from an empty environment instead of this JVM's. */
    Command cleanEnv() {
        inheritEnv = false;
        return this;
    }

    Command in(Path folder) {
        dir = folder;
        return this;
    }

    Command env(String name, Object value) {
        env.put(name, value.toString());
        return this;
    }

    record Result(int exitCode, String out, String err, long millis) {
        String describe() {
            return "exit " + exitCode + ", stderr:\n" + err;
        }
    }

    Result run() throws IOException, InterruptedException {
        Path out = Files.createTempFile("command", ".out");
        Path err = Files.createTempFile("command", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            if (!inheritEnv) {
                builder.environment().clear();
            }
            builder.environment().putAll(env);
            long start = System.nanoTime();
            Process p = builder.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("did not finish in " + TIMEOUT_SECONDS + " s: " + argv);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), millis);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
