package dev.eventletscan.cli;

import dev.eventletscan.fileio.AtomicFile;
import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.fileio.OutputPath;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where one report goes (a file, or standard output when {@code file} is null) and in which format. */
record ReportOutput(Path file, ReportFormat format) {

    /**
     * Decides every output before the scan runs, so a bad name fails fast and costs no scan.
     *
     * @param targets {@code -o} values: a file, whose extension gives the format, or {@code FORMAT:FILE};
     *     {@code -} (or {@code FORMAT:-}) is standard output
     * @param explicit the {@code -f} format: standard output's only. With files and no {@code -}, it adds a report on
     *     standard output, so {@code -f text -o a.json -o a.html} writes JSON, HTML and text where each is asked for
     * @param stdoutDefault the format for standard output when neither {@code explicit} nor a prefix says
     */
    static List<ReportOutput> plan(List<String> targets, ReportFormat explicit, ReportFormat stdoutDefault) {
        List<ReportOutput> out = new ArrayList<>();
        int toStdout = 0;
        for (String target : targets) {
            ReportFormat prefixed = null;
            String name = target;
            int colon = target.indexOf(':');
            if (colon > 0 && ReportFormat.byId(target.substring(0, colon)).isPresent()) {
                prefixed = ReportFormat.byId(target.substring(0, colon)).get();
                name = target.substring(colon + 1);
            }
            if (name.equals("-")) {
                toStdout++;
                out.add(new ReportOutput(null, prefixed != null ? prefixed : explicit != null ? explicit : stdoutDefault));
                continue;
            }
            Path file = Path.of(name);
            String shown = name;
            ReportFormat format = prefixed != null ? prefixed
                    : ReportFormat.forFileName(file.getFileName().toString()).orElseThrow(() -> new UserError(shown
                            + ": cannot tell the report format from the extension; write FORMAT:FILE (formats: "
                            + ReportFormat.ids() + ")"));
            OutputPath.check(file, "report");
            out.add(new ReportOutput(file, format));
        }
        if (toStdout > 1) {
            throw new UserError("only one report can go to standard output, " + toStdout + " were asked for");
        }
        if (toStdout == 0 && (targets.isEmpty() || explicit != null)) {
            out.add(new ReportOutput(null, explicit == null ? stdoutDefault : explicit));
        }
        return out;
    }

    /** Files are written to a temporary sibling and moved into place, so a failed run never leaves half a report. */
    void write(ScanResult result, PrintWriter stdout, boolean colour) throws IOException {
        write(out -> (file == null ? format.renderer(colour) : format.renderer()).render(result, out), stdout);
    }

    /** What a report holds, written out. */
    interface Body {
        void writeTo(Writer out) throws IOException;
    }

    /** As {@link #write(ScanResult, PrintWriter, boolean)}, for any report. */
    void write(Body body, PrintWriter stdout) throws IOException {
        if (file == null) {
            body.writeTo(stdout);
            stdout.flush();
            // PrintWriter swallows write errors: without this a report lost to a closed or full pipe exits 0.
            if (stdout.checkError()) {
                throw new UserError("standard output: cannot write report: closed or full");
            }
            return;
        }
        try {
            AtomicFile.replace(file, tmp -> {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    body.writeTo(w);
                }
            });
        } catch (IOException e) {
            throw new UserError(file + ": cannot write report: " + FileErrors.reason(e));
        }
    }
}
