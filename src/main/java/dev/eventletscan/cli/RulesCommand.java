package dev.eventletscan.cli;

import dev.eventletscan.rules.Rule;
import dev.eventletscan.rules.RuleLoader;
import dev.eventletscan.rules.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the detection rules in force.")
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra rule file to load (repeatable).")
    List<Path> extraRules = new ArrayList<>();

    @Override
    public Integer call() {
        RuleSet rules = RuleLoader.load(extraRules);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-8s %-15s %-7s %s%n", "ID", "CATEGORY", "SEVERITY", "TITLE");
        for (Rule r : rules.rules()) {
            out.printf("%-8s %-15s %-8s %s%n", r.id(), r.category(), r.severity().id(), r.title());
        }
        out.printf("%d rules (rules version %s)%n", rules.rules().size(), rules.version());
        return ExitCode.OK.code;
    }
}
