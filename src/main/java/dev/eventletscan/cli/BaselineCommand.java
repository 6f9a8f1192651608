package dev.eventletscan.cli;

import dev.eventletscan.analysis.Analysis;
import dev.eventletscan.analysis.BaselineWritten;
import dev.eventletscan.fileio.Printable;
import dev.eventletscan.gate.BaselineFile;
import dev.eventletscan.model.Comparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Maps the flags to an {@link dev.eventletscan.analysis.AnalysisRequest}, writes the baseline and says what changed. */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Record today's findings in a baseline file to commit, so 'scan --fail-on new' fails only on new usage.",
            "Run it again to accept the current findings (fixed ones drop out, new ones are accepted)."})
final class BaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ScanOptions options;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the baseline. Default: the configuration's baseline, else "
                    + BaselineFile.DEFAULT_NAME + " in PATH (a file target: its folder).")
    Path output;

    @Override
    public Integer call() throws IOException {
        BaselineWritten written = Analysis.writeBaseline(options.request(), output,
                new ScanProgress(spec.commandLine().getErr(), !options.quiet && ScanProgress.interactive(), false));
        PrintWriter err = spec.commandLine().getErr();
        if (!options.quiet) {
            Comparison c = written.change();
            String change = c == null ? ""
                    : " (" + c.newFindings() + " added, " + c.fixed().size() + " gone since the previous baseline)";
            err.println("eventlet-scan: wrote " + Printable.of(written.file().toString()) + ": " + written.findings()
                    + " findings" + change);
        }
        return ExitCode.OK.code;
    }
}
