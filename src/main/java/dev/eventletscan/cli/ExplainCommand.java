package dev.eventletscan.cli;

import dev.eventletscan.detect.RuleChoices;
import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.rules.Rule;
import dev.eventletscan.rules.RuleExamples;
import dev.eventletscan.rules.RuleLoader;
import dev.eventletscan.rules.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
        description = {"Show one rule: what it finds, why it matters, and how to migrate it.",
                "With --code or --at: which rules match a line of code, and which one reports it."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE", arity = "0..1", description = "Rule id, e.g. EVT100.")
    String id;

    @Option(names = "--code", paramLabel = "SNIPPET",
            description = "Python code to explain, e.g. 'from eventlet import hubs; hubs.use_hub(\"asyncio\")'.")
    String code;

    @Option(names = "--at", paramLabel = "FILE[:LINE]",
            description = "A line of a file to explain (every line when none is given); .py files are read as Python.")
    String at;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra rule file to load (repeatable).")
    List<Path> extraRules = new ArrayList<>();

    @Override
    public Integer call() {
        RuleSet rules = RuleLoader.load(extraRules);
        PrintWriter out = spec.commandLine().getOut();
        if ((id == null) == (code == null && at == null) || (code != null && at != null)) {
            throw new UserError("give one of: a rule id, --code SNIPPET or --at FILE[:LINE]");
        }
        if (id != null) {
            rule(rules, out);
        } else if (code != null) {
            choices(rules, "snippet.py", code, 0, out);
        } else {
            int colon = at.lastIndexOf(':');
            boolean hasLine = colon > 0 && at.substring(colon + 1).matches("[0-9]+");
            Path file = Path.of(hasLine ? at.substring(0, colon) : at);
            int line = hasLine ? Integer.parseInt(at.substring(colon + 1)) : 0;
            String text;
            try {
                text = SourceText.decode(Files.readAllBytes(file)).text();
            } catch (IOException e) {
                throw new UserError(file + ": cannot read: " + FileErrors.reason(e));
            }
            choices(rules, file.toString(), text, line, out);
        }
        return ExitCode.OK.code;
    }

    private void rule(RuleSet rules, PrintWriter out) {
        Rule r = rules.byId(id).orElseThrow(() -> new UserError("no rule " + id + " (list them with: eventlet-scan rules)"));
        out.println(r.id() + "  " + r.title());
        out.println("  category: " + r.category() + "   severity: " + r.severity().id() + "   weight: " + r.weight());
        out.println("  matches: " + r.match().describe());
        out.println("  message: " + r.message());
        out.println();
        out.println("To threads:  " + r.hints().threading());
        out.println("To asyncio:  " + r.hints().asyncio());
        out.println("Guide:       " + r.guide());
        RuleExamples examples = RuleExamples.shipped();
        examples(out, "Example:", r.example().lines().toList());
        examples(out, "Matches:", examples.positives(r.id()).stream().map(l -> l.text().strip()).toList());
        examples(out, "Does not match:", examples.negatives(r.id()).stream().map(l -> l.text().strip()).toList());
        out.println("(from " + r.source() + ")");
    }

    private static void examples(PrintWriter out, String heading, List<String> lines) {
        if (!lines.isEmpty()) {
            out.println();
            out.println(heading);
            lines.forEach(l -> out.println("    " + l));
        }
    }

    private static void choices(RuleSet rules, String path, String text, int line, PrintWriter out) {
        List<RuleChoices.Choice> choices = RuleChoices.at(rules, path, text, line);
        if (choices.isEmpty()) {
            out.println(line == 0 ? "no rule matches " + path : "no rule matches " + path + ":" + line);
        }
        for (RuleChoices.Choice c : choices) {
            out.println(path + ":" + c.line() + ":" + c.column() + "  " + c.what());
            for (int i = 0; i < c.candidates().size(); i++) {
                RuleSet.Candidate candidate = c.candidates().get(i);
                Rule r = candidate.rule();
                String why = c.candidates().size() == 1 ? "" : "  specificity " + candidate.specificity()
                        + (i == 0 ? ": reports it" : "");
                out.println("    " + r.id() + "  " + r.title() + why);
            }
        }
    }
}
