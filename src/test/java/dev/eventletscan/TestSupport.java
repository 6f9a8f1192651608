package dev.eventletscan;

import dev.eventletscan.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Shared helpers: where the project is, and the real CLI run in-process. */
public final class TestSupport {
    private TestSupport() {}

    public static Path projectDir() {
        return Path.of(System.getProperty("eventletscan.project.dir", ".")).toAbsolutePath().normalize();
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
