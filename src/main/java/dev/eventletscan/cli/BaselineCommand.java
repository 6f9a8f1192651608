package dev.eventletscan.cli;

import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.gate.BaselineFile;
import dev.eventletscan.gate.Comparisons;
import dev.eventletscan.model.BaselineEntry;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
        ScanOptions.Resolved setup = options.resolve();
        Path file = output != null ? output
                : setup.config().baseline() != null ? ScanOptions.shown(setup.config().baseline()) : defaultFile();
        OutputPath.check(file, "baseline");
        Path tree = Files.isDirectory(options.target) ? options.target : options.target.toAbsolutePath().getParent();
        if (output == null && setup.config().baseline() != null) {
            tree = dev.eventletscan.fileio.InsideTree.repositoryOf(setup.config().file().toAbsolutePath().getParent());
        }
        // a path the command line gave is the user's; the default and the configuration's are the repository's
        OutputPath.checkInTree(file, "baseline", tree, output == null);
        List<BaselineEntry> previous = Files.isRegularFile(file) ? BaselineFile.read(file) : null;
        ScanResult result;
        try {
            result = setup.scanner().scan(setup.request(),
                    new ScanProgress(spec.commandLine().getErr(), !options.quiet && ScanProgress.interactive(), false));
        } catch (NoSuchFileException e) {
            throw new UserError(options.target + ": no such file or folder");
        }
        try {
            BaselineFile.write(file, BaselineFile.entries(result.findings()));
        } catch (IOException e) {
            throw new UserError(file + ": cannot write baseline: " + FileErrors.reason(e));
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!options.quiet) {
            String change = "";
            if (previous != null) {
                var c = Comparisons.compare(result, file.toString(), previous, null, null).comparison();
                change = " (" + c.newFindings() + " added, " + c.fixed().size() + " gone since the previous baseline)";
            }
            err.println("eventlet-scan: wrote " + dev.eventletscan.fileio.Printable.of(file.toString()) + ": " + result.findings().size() + " findings" + change);
        }
        return ExitCode.OK.code;
    }

    private Path defaultFile() {
        Path target = options.target;
        Path dir = Files.isDirectory(target) ? target : target.toAbsolutePath().getParent();
        return dir.resolve(BaselineFile.DEFAULT_NAME).normalize();
    }
}
