package dev.eventletscan.corpus;

import dev.eventletscan.TestSupport;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Real code from Debian's packages (see shared/corpora.md): fetched with
 * {@code apt-get download}, unpacked with {@code dpkg -x} under
 * target/corpus, reused by later runs. Nothing of it is committed.
 */
public final class DebianCorpus {
    private DebianCorpus() {}

    /**
     * The package's dist-packages folder, or empty with the reason when apt
     * cannot provide it here (no apt, no network, unknown package).
     */
    public static synchronized Result fetch(String pkg) {
        // The slow tier runs in parallel JVMs, and two may want the same package: one fetches, the other waits.
        Path corpus = TestSupport.projectDir().resolve("target/corpus");
        try (FileChannel lock = FileChannel.open(Files.createDirectories(corpus).resolve(".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lock.lock()) {
            return fetchHoldingTheLock(pkg);
        } catch (IOException e) {
            return new Result(Optional.empty(), "cannot lock " + corpus + ": " + e.getMessage());
        }
    }

    private static Result fetchHoldingTheLock(String pkg) {
        Path dir = TestSupport.projectDir().resolve("target/corpus").resolve(pkg);
        Path code = dir.resolve("usr/lib/python3/dist-packages");
        if (Files.isDirectory(code)) {
            return new Result(Optional.of(code), "");
        }
        try {
            Path debs = Files.createDirectories(TestSupport.projectDir().resolve("target/corpus/debs"));
            String failure = run(debs, "apt-get", "download", "-q", pkg);
            if (failure != null) {
                return new Result(Optional.empty(), "apt-get download " + pkg + " failed: " + failure);
            }
            Path deb;
            try (var files = Files.list(debs)) {
                deb = files.filter(f -> f.getFileName().toString().startsWith(pkg + "_")).findFirst().orElse(null);
            }
            if (deb == null) {
                return new Result(Optional.empty(), "apt-get download " + pkg + " produced no .deb");
            }
            Path tmp = Files.createDirectories(dir.resolveSibling(pkg + ".partial"));
            failure = run(debs, "dpkg", "-x", deb.toString(), tmp.toString());
            if (failure != null) {
                return new Result(Optional.empty(), "dpkg -x failed: " + failure);
            }
            Files.move(tmp, dir);
            return new Result(Optional.of(code), "");
        } catch (IOException e) {
            return new Result(Optional.empty(), "cannot fetch " + pkg + ": " + e.getMessage());
        }
    }

    public record Result(Optional<Path> path, String whyNot) {}

    /** Runs a command; null on success, else the reason. */
    private static String run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            return p.exitValue() == 0 ? null
                    : "exit " + p.exitValue() + ": " + output.strip().lines().reduce((a, b) -> b).orElse("");
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
