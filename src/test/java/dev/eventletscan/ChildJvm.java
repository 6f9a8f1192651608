package dev.eventletscan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real CLI in a fresh JVM started from this test run's class path, with the launcher's JVM options. For what
 * an in-process run cannot show: the default thread stack (the test JVM runs with -Xss8m), a process without
 * root's capabilities, JVM-wide network settings.
 */
public final class ChildJvm {
    /** The launcher's options (see ./eventlet-scan), so limits are those users get. */
    private static final List<String> LAUNCHER_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-Xmx1g");
    /** A hung child must fail the test, not the build. */
    private static final long TIMEOUT_SECONDS = 300;

    private final List<String> wrapper = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private long timeoutSeconds = TIMEOUT_SECONDS;

    private ChildJvm() {}

    public static ChildJvm create() {
        return new ChildJvm();
    }

    /** Runs the JVM through another command, e.g. {@code setpriv --bounding-set=-all}. */
    public ChildJvm wrappedIn(String... command) {
        wrapper.addAll(List.of(command));
        return this;
    }

    /** A longer wait than the default five minutes, for a test that scans a very large tree. */
    public ChildJvm timeout(java.time.Duration limit) {
        timeoutSeconds = limit.toSeconds();
        return this;
    }

    public ChildJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    public TestSupport.CliRun cli(String... args) throws IOException, InterruptedException {
        return run("dev.eventletscan.cli.Main", args);
    }

    /** The CLI started and left running, its output discarded: for a test that signals it. */
    public Process start(String... args) throws IOException {
        return new ProcessBuilder(command("dev.eventletscan.cli.Main", args)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private List<String> command(String mainClass, String... args) {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAUNCHER_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs any main class of the build or the tests; later JVM options win over the launcher's. */
    public TestSupport.CliRun run(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = command(mainClass, args);
        Path out = Files.createTempFile("child-jvm", ".out");
        Path err = Files.createTempFile("child-jvm", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("the child JVM did not finish in " + timeoutSeconds + " s: " + command);
            }
            return new TestSupport.CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
