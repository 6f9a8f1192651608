package dev.eventletscan.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the start-up (AOT) cache (scripts/jvm.sh): the scans users run most, in one JVM, since the
 * cache holds what one run loaded. A scan of the samples into a fresh result cache, writing every report format,
 * then the same scan again, which reads its whole result back from that cache: the usual re-scan of an unchanged
 * tree, whose classes (the cache's reading, the result's decoding) a first scan never loads.
 *
 * <p>Usage: {@code java -cp eventlet-scan.jar dev.eventletscan.cli.StartupTraining SAMPLES WORK}, with the JVM
 * options the cache is for; reports and the result cache go to the folder WORK. Exits non-zero when a scan fails.
 */
public final class StartupTraining {
    private StartupTraining() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: StartupTraining SAMPLES WORK");
            System.exit(ExitCode.USAGE_OR_INPUT.code);
        }
        Path work = Path.of(args[1]);
        List<String> scan = List.of("scan", args[0], "--cache-dir", work.resolve("cache").toString(), "--no-config",
                "--no-baseline", "-q", "-j", "2");
        List<String> cold = new ArrayList<>(scan);
        for (String format : List.of("json", "html", "sarif", "md", "txt")) {
            cold.addAll(List.of("-o", work.resolve("cold." + format).toString()));
        }
        List<String> warm = new ArrayList<>(scan);
        warm.addAll(List.of("-o", work.resolve("warm.json").toString(), "-o", work.resolve("warm.html").toString()));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        for (List<String> run : List.of(cold, warm)) {
            int code = Main.run(run.toArray(String[]::new), out, err);
            if (code != ExitCode.OK.code) {
                err.println("eventlet-scan: the training scan " + String.join(" ", run) + " exited " + code);
                System.exit(code);
            }
        }
        System.exit(ExitCode.OK.code);
    }
}
