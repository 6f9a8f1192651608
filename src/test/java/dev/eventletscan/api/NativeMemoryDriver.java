package dev.eventletscan.api;

import dev.eventletscan.TestSupport;
import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.rules.RuleLoader;
import dev.eventletscan.rules.RuleSet;
import dev.eventletscan.walk.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs in its own JVM for {@link NativeMemoryTest}: scans the samples' Python files (each also repeated two to four
 * times, so trees differ in size) over and over through the per-file path a scan uses, a new {@link FileScanner}
 * (native parser and compiled queries) each round as each scan makes them, and prints the resident set size after
 * each third: {@code rss FILES KB}.
 */
public final class NativeMemoryDriver {
    private NativeMemoryDriver() {}

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("native-memory");
        List<SourceFile> inputs = inputs(dir);
        RuleSet rules = RuleLoader.load(List.of());
        int scanned = 0;
        for (int round = 1; round <= rounds; round++) {
            try (FileScanner scanner = new FileScanner(rules)) {
                for (SourceFile file : inputs) {
                    FileOutcome outcome = scanner.scan(file, FileFacts.of(file.relativePath()), null);
                    if (outcome.summary() == null) {
                        throw new IllegalStateException(file.relativePath() + " was not parsed: " + outcome.problems());
                    }
                    scanned++;
                }
            }
            if (round % (rounds / 3) == 0) {
                System.gc(); // what the heap holds is garbage now; the RSS the heap takes is fixed (-Xms = -Xmx, pre-touched)
                System.out.println("rss " + scanned + " " + residentKilobytes());
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static List<SourceFile> inputs(Path dir) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TestSupport.projectDir().resolve("samples"))) {
            for (Path sample : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                String code = Files.readString(sample, StandardCharsets.UTF_8);
                if (!code.contains("eventlet")) {
                    continue;
                }
                for (int copies = 1; copies <= 4; copies++) {
                    String name = out.size() + ".py";
                    Files.writeString(dir.resolve(name), code.repeat(copies), StandardCharsets.UTF_8);
                    out.add(new SourceFile(dir.resolve(name), name, true));
                }
            }
        }
        return out;
    }

    private static long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
