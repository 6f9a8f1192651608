package dev.eventletscan.cli;

import dev.eventletscan.parse.PythonParser;
import dev.eventletscan.parse.SourceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * For the benchmark (scripts/benchmark): parses a list of files on one thread, exactly as a scan parses them
 * (decoding, tree-sitter, the copy into our tree), and prints one line per pass, so the parse path can be set
 * against a C program calling the same native libraries. Hidden: not a user's command.
 */
@Command(name = "bench-parse", hidden = true, description = "Benchmark: parse the files listed in LIST on one thread.")
final class BenchParseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LIST", description = "A file holding one path per line.")
    Path list;

    @Option(names = "--passes", defaultValue = "3", description = "How many times to parse the whole list.")
    int passes;

    @Option(names = "--parse-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "The scan's per-file limit (0: none, to see what the limit costs).")
    double parseTimeoutSeconds;

    @Override
    public Integer call() throws IOException {
        List<byte[]> files = new ArrayList<>();
        long bytes = 0;
        for (String line : Files.readAllLines(list)) {
            if (!line.isBlank()) {
                byte[] raw = Files.readAllBytes(Path.of(line));
                files.add(raw);
                bytes += raw.length;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        long nodes = 0;
        // the parsing thread's CPU time too: on a shared machine, wall time also counts the waits for a core
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (PythonParser parser = new PythonParser()) {
            parser.setTimeLimit(Duration.ofMillis(Math.round(parseTimeoutSeconds * 1000)));
            for (int pass = 1; pass <= passes; pass++) {
                long start = System.nanoTime();
                long cpuStart = cpu.getCurrentThreadCpuTime();
                for (byte[] raw : files) {
                    nodes += parser.parse(SourceText.decode(raw)).size();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                out.println(String.format(Locale.ROOT, "pass %d: %d files, %d bytes, %.3f s, %.2f MB/s, cpu %.3f s", pass,
                        files.size(), bytes, seconds, bytes / seconds / 1e6, cpuSeconds));
            }
        }
        out.println("nodes " + nodes); // read, so no pass can be optimised away
        return ExitCode.OK.code;
    }
}
