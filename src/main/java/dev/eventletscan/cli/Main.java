package dev.eventletscan.cli;

import dev.eventletscan.api.Version;
import dev.eventletscan.fileio.Printable;
import dev.eventletscan.model.InvalidInputException;
import dev.eventletscan.model.NativeLibraryException;
import dev.eventletscan.parse.NativeLibraries;
import dev.eventletscan.rules.RuleFileException;
import dev.eventletscan.rules.RuleLoader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line. {@link #run} takes its streams as arguments so tests run
 * the real CLI in-process; only {@link #main} exits the JVM.
 */
@Command(
        name = "eventlet-scan",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Finds eventlet usage in a Python repository, scores the migration, and gates new usage in CI.",
        // the subcommands are COMMANDS, added by run()
        footerHeading = "%nExit codes:%n",
        // Lines under picocli's 80 columns: it would wrap a longer one to column 0, out of the list.
        footer = {
            "  0  the command ran (findings do not change this)",
            "  1  a gate failed (--fail-on, --fail-on-score, --fail-on-category)",
            "  2  bad usage or input (unknown option, missing path, invalid rule,",
            "     configuration or baseline file, unknown --diff-base revision,",
            "     unwritable or lost output; for trend: not a git repository, a date",
            "     that is not one, no commit in range, a shallow clone without the",
            "     history asked for)",
            "  3  internal error (a bug, or the native parser could not be loaded)"
        })
public final class Main implements Runnable {
    /** The subcommands, in the order the help lists them; help last, as it needs the others (see commandsFor). */
    static final List<Class<?>> COMMANDS = List.of(ScanCommand.class, BaselineCommand.class, TrendCommand.class,
            PortfolioCommand.class, RulesCommand.class, ExplainCommand.class, BenchParseCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (commandsFor(args).size() == 1) { // a command named: most read the rules, while the arguments are parsed
            RuleLoader.readShippedAhead();
        }
        // Straight onto the descriptor: System.out is a PrintStream, which hides a write error from the PrintWriter.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        if (out.checkError() && code == ExitCode.OK.code) {
            err.println("eventlet-scan: error: standard output: cannot write: closed or full");
            code = ExitCode.USAGE_OR_INPUT.code;
        }
        err.flush();
        System.exit(code);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, commandsFor(args));
    }

    /** @param commands the subcommands to build: those {@link #commandsFor} the arguments, or more */
    static int run(String[] args, PrintWriter out, PrintWriter err, List<Class<?>> commands) {
        CommandLine cli = new CommandLine(new Main());
        commands.forEach(cli::addSubcommand);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("eventlet-scan: error: " + ex.getMessage() + " (see eventlet-scan " + commandPath(ex) + "--help)");
            return ExitCode.USAGE_OR_INPUT.code;
        });
        cli.setExecutionExceptionHandler((ex, command, parsed) -> {
            switch (ex) {
                // Messages quote paths and values from the repository: printed escaped, one line each.
                case UserError u -> err.println("eventlet-scan: error: " + Printable.of(u.getMessage()));
                case InvalidInputException i -> i.problems().forEach(p -> err.println("eventlet-scan: error: " + Printable.of(p)));
                case RuleFileException r -> {
                    err.println("eventlet-scan: error: invalid rule file(s), " + r.problems().size() + " problem(s):");
                    r.problems().forEach(p -> err.println("  " + Printable.of(p)));
                }
                case NativeLibraryException n -> {
                    err.println("eventlet-scan: error: native parser: " + n.getMessage());
                    // A directory the user named is their input; our own bundled copies failing is our bug.
                    return (NativeLibraries.userSupplied() ? ExitCode.USAGE_OR_INPUT : ExitCode.INTERNAL).code;
                }
                default -> {
                    if (outOfMemory(ex)) {
                        return outOfMemory(err);
                    }
                    err.println("eventlet-scan: internal error: " + Printable.of(ex.toString()));
                    ex.printStackTrace(err);
                    return ExitCode.INTERNAL.code;
                }
            }
            return ExitCode.USAGE_OR_INPUT.code;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(err);
        }
    }

    /**
     * The subcommands a run needs: the one its first argument names, else all of them (for the help command, which
     * shows the others, a typo's suggestions, an @file). Reading a command's options from its annotations took most
     * of the command line's start-up, and the other commands play no part once the first argument has chosen one.
     */
    static List<Class<?>> commandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS.subList(0, COMMANDS.size() - 1)) { // all but help
                Command named = command.getAnnotation(Command.class);
                if (named.name().equals(args[0]) || Arrays.asList(named.aliases()).contains(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    private static boolean outOfMemory(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * Out of memory is neither a failed gate (exit 1, which an uncaught error would give) nor a bug to print a stack
     * for: one line saying where, and exit 3.
     */
    private static int outOfMemory(PrintWriter err) {
        err.println("eventlet-scan: error: out of memory during " + ScanProgress.currentPhase + " (the JVM's heap is "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; give more with EVENTLET_SCAN_JAVA_OPTS=-Xmx2g)");
        err.flush();
        return ExitCode.INTERNAL.code;
    }

    private static String commandPath(CommandLine.ParameterException ex) {
        String name = ex.getCommandLine().getCommandSpec().qualifiedName(" ");
        return name.equals("eventlet-scan") ? "" : name.substring("eventlet-scan ".length()) + " ";
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: scan, baseline, trend, rules, explain");
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"eventlet-scan " + Version.get()};
        }
    }
}
