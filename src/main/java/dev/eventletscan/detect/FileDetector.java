package dev.eventletscan.detect;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.MonkeyPatchDetails;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.parse.SyntaxTree;
import dev.eventletscan.rules.Rule;
import dev.eventletscan.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the usages in one parsed file into findings, using the rules in force. Stateless and thread-safe. */
public final class FileDetector {
    static final String MONKEY_PATCH = "eventlet.patcher.monkey_patch";

    private final RuleSet rules;

    public FileDetector(RuleSet rules) {
        this.rules = rules;
    }

    public List<Finding> detect(String path, SyntaxTree tree) {
        List<Finding> findings = new ArrayList<>();
        for (Usage usage : UsageCollector.collect(tree, rules.trackedRoots(), rules.symbols())) {
            Optional<Rule> rule = rules.ruleFor(usage);
            rule.ifPresent(r -> findings.add(finding(path, tree, usage, r)));
        }
        findings.sort(Finding.ORDER);
        return findings;
    }

    private Finding finding(String path, SyntaxTree tree, Usage usage, Rule rule) {
        SourceText src = tree.source();
        int node = usage.node();
        int start = tree.startByte(node);
        int end = tree.endByte(node);
        int line = src.lineOf(start);
        MonkeyPatchDetails patch = null;
        if (usage.kind() == Usage.Kind.CALL && usage.symbol().equals(MONKEY_PATCH)) {
            patch = MonkeyPatchCall.analyse(tree, tree.parent(node));
        }
        return new Finding(rule.id(), rule.category(), rule.severity(), path,
                line, src.columnOf(start), src.lineOf(end), src.columnOf(end),
                usage.symbol(), usage.kind().id(), message(rule, usage, patch),
                src.line(line).strip(), scopeName(tree, node), guarded(tree, node), patch);
    }

    private static String message(Rule rule, Usage usage, MonkeyPatchDetails patch) {
        String text = rule.messageFor(usage.symbol());
        if (patch == null) {
            return text;
        }
        String what = switch (patch.mode()) {
            case "global" -> patch.notPatched().equals(List.of("MySQLdb", "builtins"))
                    ? "every module" : "every module but " + String.join(", ", without(patch.notPatched()));
            case "partial" -> "only " + String.join(", ", patch.patched());
            default -> "modules chosen at run time by " + String.join(", ", patch.dynamicArguments());
        };
        return text + " (" + patch.mode() + ": " + what + ")";
    }

    /** MySQLdb and builtins are off unless named, so they say nothing about how global a call is. */
    private static List<String> without(List<String> modules) {
        return modules.stream().filter(m -> !m.equals("MySQLdb") && !m.equals("builtins")).toList();
    }

    /** Enclosing class and function names, outermost first: {@code Service.start}. */
    static String scopeName(SyntaxTree tree, int node) {
        List<String> names = new ArrayList<>();
        for (int p = tree.parent(node); p != NONE; p = tree.parent(p)) {
            if (tree.is(p, "function_definition") || tree.is(p, "class_definition")) {
                int name = tree.child(p, "name");
                if (name != NONE) {
                    names.addFirst(tree.text(name));
                }
            }
        }
        return String.join(".", names);
    }

    /** Inside a branch or try block of its own scope, so it runs only under some condition. */
    static boolean guarded(SyntaxTree tree, int node) {
        for (int p = tree.parent(node); p != NONE; p = tree.parent(p)) {
            switch (tree.type(p)) {
                case "if_statement", "elif_clause", "else_clause", "try_statement", "except_clause",
                        "conditional_expression", "match_statement" -> {
                    return true;
                }
                case "function_definition", "class_definition", "lambda" -> {
                    return false;
                }
                default -> { }
            }
        }
        return false;
    }
}
