package dev.eventletscan.cli;

import dev.eventletscan.rules.Rule;
import dev.eventletscan.rules.RuleLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show one rule: what it finds, why it matters, and how to migrate it.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE", description = "Rule id, e.g. EVT100.")
    String id;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra rule file to load (repeatable).")
    List<Path> extraRules = new ArrayList<>();

    @Override
    public Integer call() {
        Rule r = RuleLoader.load(extraRules).byId(id)
                .orElseThrow(() -> new UserError("no rule " + id + " (list them with: eventlet-scan rules)"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(r.id() + "  " + r.title());
        out.println("  category: " + r.category() + "   severity: " + r.severity().id() + "   weight: " + r.weight());
        out.println("  matches: " + r.match().describe());
        out.println("  message: " + r.message());
        out.println();
        out.println("To threads:  " + r.hints().threading());
        out.println("To asyncio:  " + r.hints().asyncio());
        out.println("Guide:       " + r.guide());
        if (!r.example().isBlank()) {
            out.println();
            out.println("Example:");
            r.example().lines().forEach(l -> out.println("    " + l));
        }
        out.println("(from " + r.source() + ")");
        return ExitCode.OK.code;
    }
}
