package dev.eventletscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * A run builds only the subcommand its first argument names (Main.commandsFor): what it prints must be what the
 * whole command line, every subcommand in place, would print.
 */
class SubcommandsTest {
    @Test
    void aNamedCommandIsBuiltAloneAndAnythingElseGetsThemAll() {
        assertThat(Main.commandsFor(new String[] {"scan", "."})).containsExactly(ScanCommand.class);
        assertThat(Main.commandsFor(new String[] {"trend", "--help"})).containsExactly(TrendCommand.class);
        assertThat(Main.commandsFor(new String[] {"help", "scan"})).isEqualTo(Main.COMMANDS);
        assertThat(Main.commandsFor(new String[] {"--help"})).isEqualTo(Main.COMMANDS);
        assertThat(Main.commandsFor(new String[] {"sacn"})).isEqualTo(Main.COMMANDS);
        assertThat(Main.commandsFor(new String[] {})).isEqualTo(Main.COMMANDS);
    }

    @Test
    void eachCommandPrintsAndExitsAsWithEveryCommandInPlace() {
        for (Class<?> command : Main.COMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            for (List<String> args : List.of(List.of(name, "--help"), List.of(name, "--no-such-option"), List.of(name),
                    List.of(name, "--no-config", "-q", "--no-cache", "no/such/folder"), List.of(name, "scan"))) {
                String[] given = args.toArray(String[]::new);
                assertThat(run(given, Main.commandsFor(given))).as(String.join(" ", args)).isEqualTo(run(given, Main.COMMANDS));
            }
        }
    }

    private static String run(String[] args, List<Class<?>> commands) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), commands);
        return code + "\n" + out + "\n" + err;
    }

    @Test
    void theTopLevelHelpListsEveryCommandButTheHiddenOneInOrder() {
        String help = TestSupport.cli("--help").out();
        List<String> listed = help.lines().dropWhile(l -> !l.equals("Commands:")).skip(1).takeWhile(l -> !l.isBlank())
                .filter(l -> l.startsWith("  ") && !l.startsWith("   ")).map(l -> l.strip().split("\\s+")[0]).toList();
        assertThat(listed).containsExactly("scan", "baseline", "trend", "portfolio", "rules", "explain", "help");
    }
}
