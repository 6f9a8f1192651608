package dev.eventletscan.detect.python;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.detect.EntryPoint;
import dev.eventletscan.detect.FileFacts;
import dev.eventletscan.detect.Findings;
import dev.eventletscan.detect.TestPaths;
import dev.eventletscan.model.Finding;
import dev.eventletscan.model.FindingContext;
import dev.eventletscan.model.MonkeyPatchDetails;
import dev.eventletscan.modules.PythonModules;
import dev.eventletscan.parse.QueryHit;
import dev.eventletscan.parse.SyntaxTree;
import dev.eventletscan.rules.QueryMatch;
import dev.eventletscan.rules.Rule;
import dev.eventletscan.rules.RuleSet;
import dev.eventletscan.rules.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Turns the usages and query hits in one parsed Python file into findings. Stateless and thread-safe. */
public final class PythonDetector {
    /** The package whose removal the scan serves. */
    public static final String PACKAGE = "eventlet";
    public static final String MONKEY_PATCH = PACKAGE + ".patcher.monkey_patch";

    private final RuleSet rules;

    public PythonDetector(RuleSet rules) {
        this.rules = rules;
    }

    public List<Finding> detect(String path, SyntaxTree tree) {
        return detect(FileFacts.of(path), tree);
    }

    public List<Finding> detect(FileFacts facts, SyntaxTree tree) {
        return detectWithInterface(facts, tree).findings();
    }

    /** Every place the file uses a tracked name, before rules choose among themselves (for {@code explain}). */
    public List<Usage> usages(SyntaxTree tree) {
        return UsageCollector.collect(tree, rules.trackedRoots(), rules.symbols());
    }

    /** A file's findings, and what it offers other modules in front of eventlet. */
    public record Detection(List<Finding> findings, ModuleInterface offered) {}

    public Detection detectWithInterface(FileFacts facts, SyntaxTree tree) {
        boolean test = facts.testPath() || importsTestFramework(tree);
        List<Finding> findings = new ArrayList<>();
        UsageCollector.Collected collected = UsageCollector.collectWithBindings(tree, rules.trackedRoots(), rules.symbols(),
                relativeImportsFollowed(facts) ? new ImportCollector.FileModule(facts.module(), PythonModules.isPackageInit(facts.path()))
                        : null, facts.ownTrackedNames());
        List<InterfaceCollector.Resolved> resolved = new ArrayList<>();
        for (Usage usage : collected.usages()) {
            Optional<Rule> rule = rules.ruleFor(usage);
            rule.ifPresent(r -> {
                findings.add(usageFinding(facts, test, tree, usage, r));
                resolved.add(new InterfaceCollector.Resolved(usage, r.category()));
            });
        }
        for (QueryHit hit : tree.queryHits()) {
            rules.byId(hit.key()).ifPresent(r -> findings.add(queryFinding(facts, test, tree, hit, r)));
        }
        findings.sort(Finding.ORDER);
        ModuleInterface offered = InterfaceCollector.collect(facts.path(), tree, collected.moduleBindings(), rules.symbols(),
                resolved);
        return new Detection(findings, offered);
    }

    /**
     * Whether a file's relative imports are resolved: everywhere but inside another tracked package than eventlet.
     * Eventlet's own code (or a vendored copy) is code to migrate, and reaches itself relatively; greenlet's is
     * the engine eventlet runs on, and its references to itself are no direct use of greenlet.
     */
    private boolean relativeImportsFollowed(FileFacts facts) {
        String top = facts.module().split("\\.")[0];
        return top.equals(PACKAGE) || !rules.trackedRoots().contains(top);
    }

    private Finding usageFinding(FileFacts facts, boolean test, SyntaxTree tree, Usage usage, Rule rule) {
        int node = usage.node();
        MonkeyPatchDetails patch = null;
        if (usage.kind() == Usage.Kind.CALL && usage.symbol().equals(MONKEY_PATCH)) {
            patch = MonkeyPatchCall.analyse(tree, tree.parent(node)).withConditions(InterfaceCollector.conditions(tree, node));
        }
        var site = new Findings.Site(tree.startByte(node), tree.endByte(node), usage.symbol(), usage.kind().id(),
                message(rule, usage, patch));
        return Findings.of(rule, facts.path(), tree.source(), site, scopeName(tree, node),
                guarded(tree, node, usage.kind() == Usage.Kind.IMPORT), context(facts, test, tree, node), patch);
    }

    private Finding queryFinding(FileFacts facts, boolean test, SyntaxTree tree, QueryHit hit, Rule rule) {
        int node = tree.nodeAt(hit.startByte(), hit.endByte());
        String symbol = hit.symbol() != null ? hit.symbol() : ((QueryMatch) rule.match()).symbol();
        var site = new Findings.Site(hit.startByte(), hit.endByte(), symbol, "pattern", rule.messageFor(symbol));
        return Findings.of(rule, facts.path(), tree.source(), site, scopeName(tree, node), guarded(tree, node, false),
                context(facts, test, tree, node), null);
    }

    private static FindingContext context(FileFacts facts, boolean test, SyntaxTree tree, int node) {
        String scope = scopeName(tree, node);
        boolean moduleLevel = scope.isEmpty();
        TreeSet<String> entryPoints = new TreeSet<>();
        for (EntryPoint ep : facts.entryPoints()) {
            String function = ep.function();
            if (moduleLevel || function.isEmpty() || scope.equals(function) || scope.startsWith(function + ".")) {
                entryPoints.add(ep.name());
            }
        }
        boolean main = inMainBlock(tree, node);
        return new FindingContext(test, facts.isPackageInit() && moduleLevel, List.copyOf(entryPoints), main);
    }

    private static String message(Rule rule, Usage usage, MonkeyPatchDetails patch) {
        return message(rule, usage.symbol(), patch);
    }

    /** The rule's message for a symbol, with what a monkey_patch call patches when it is one. */
    public static String message(Rule rule, String symbol, MonkeyPatchDetails patch) {
        String text = rule.messageFor(symbol);
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

    /** Whether the file imports unittest, pytest, testtools, ... at any level. */
    static boolean importsTestFramework(SyntaxTree tree) {
        for (int n = 0; n < tree.size(); n++) {
            if (tree.is(n, "import_statement") || tree.is(n, "import_from_statement")) {
                for (ImportBinding b : ImportCollector.bindings(tree, n, 0)) {
                    String root = b.imported().split("\\.")[0];
                    if (TestPaths.FRAMEWORKS.contains(root)) {
                        return true;
                    }
                }
            }
        }
        return false;
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

    /**
     * Inside a branch of its own scope, so it runs only under some condition. A try body runs, so a call there is not
     * guarded (a green primitive in {@code try:} runs on eventlet whatever a switch says); an import there is, since
     * {@code try: import eventlet except ImportError:} is how code makes eventlet optional.
     */
    static boolean guarded(SyntaxTree tree, int node, boolean isImport) {
        for (int p = tree.parent(node); p != NONE; p = tree.parent(p)) {
            switch (tree.type(p)) {
                case "try_statement" -> {
                    if (isImport) {
                        return true;
                    }
                }
                case "if_statement", "elif_clause", "else_clause", "except_clause", "conditional_expression", "match_statement" -> {
                    if (!(tree.is(p, "if_statement") && isMainTest(tree, p))) {
                        return true;
                    }
                }
                case "function_definition", "class_definition", "lambda" -> {
                    return false;
                }
                default -> { }
            }
        }
        return false;
    }

    static boolean inMainBlock(SyntaxTree tree, int node) {
        for (int p = tree.parent(node); p != NONE; p = tree.parent(p)) {
            if (tree.is(p, "if_statement") && isMainTest(tree, p)) {
                return true;
            }
        }
        return false;
    }

    /** {@code if __name__ == "__main__":}, either way round, either quote. */
    private static boolean isMainTest(SyntaxTree tree, int ifStatement) {
        int condition = tree.child(ifStatement, "condition");
        if (condition == NONE) {
            return false;
        }
        String text = tree.text(condition).replaceAll("\\s+", "").replace('\'', '"');
        return text.equals("__name__==\"__main__\"") || text.equals("\"__main__\"==__name__");
    }
}
