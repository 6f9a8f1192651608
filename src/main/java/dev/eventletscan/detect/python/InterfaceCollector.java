package dev.eventletscan.detect.python;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.detect.SwitchSources;
import dev.eventletscan.model.MonkeyPatchDetails;
import dev.eventletscan.parse.SyntaxTree;
import dev.eventletscan.rules.SymbolNames;
import dev.eventletscan.rules.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a parsed file's interface in front of eventlet (see {@link ModuleInterface}): its module-level eventlet
 * names, {@code __all__}, and the module-level functions that wrap an eventlet primitive. A function is a wrapper
 * when its own body (not a nested function's) calls a primitive and returns the result, forwards its own
 * parameters to it, consists of that one statement, or calls monkey_patch (a patching helper).
 */
final class InterfaceCollector {
    /** Categories whose calls are no primitive a wrapper could stand for. */
    static final Set<String> NOT_PRIMITIVES = Set.of("import", "test-mock", "config", "env-var", "docs", "dependency");

    private InterfaceCollector() {}

    /** A usage that resolved to a rule, with the rule's category. */
    record Resolved(Usage usage, String category) {}

    static ModuleInterface collect(String path, SyntaxTree tree, Map<String, String> moduleBindings, SymbolNames names,
            List<Resolved> usages) {
        List<ModuleInterface.Export> exports = new ArrayList<>(exports(tree, moduleBindings, names));
        exports.addAll(instances(tree, usages));
        return new ModuleInterface(path, exports, all(tree), wrappers(tree, usages));
    }

    /** Module-level imports and aliases that still hold an eventlet name, at the line that binds them. */
    private static List<ModuleInterface.Export> exports(SyntaxTree tree, Map<String, String> moduleBindings, SymbolNames names) {
        Map<String, ModuleInterface.Export> out = new LinkedHashMap<>();
        for (int n = 0; n < tree.size(); n++) {
            boolean isImport = tree.is(n, "import_statement") || tree.is(n, "import_from_statement");
            if (!(isImport || tree.is(n, "assignment")) || !moduleLevel(tree, n)) {
                continue;
            }
            List<String> bound = new ArrayList<>();
            if (isImport) {
                ImportCollector.bindings(tree, n, 0).forEach(b -> bound.add(b.localName()));
            } else if (tree.is(tree.child(n, "left"), "identifier")) {
                bound.add(tree.text(tree.child(n, "left")));
            }
            for (String name : bound) {
                String target = moduleBindings.get(name);
                if (target != null && !name.equals("*")) {
                    out.putIfAbsent(name, new ModuleInterface.Export(name, names.canonical(target),
                            tree.source().lineOf(tree.startByte(n)), false));
                }
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * Names assigned an object made by an eventlet class: module-level ({@code _POOL = eventlet.GreenPool(8)}), and
     * attributes a module-level class's methods set on {@code self} ({@code self.pool = GreenPool()}), named
     * {@code Class.attribute}.
     */
    private static List<ModuleInterface.Export> instances(SyntaxTree tree, List<Resolved> usages) {
        List<ModuleInterface.Export> out = new ArrayList<>();
        for (Resolved r : usages) {
            int call = tree.parent(r.usage().node());
            int assignment = tree.parent(call);
            if (r.usage().kind() != Usage.Kind.CALL || !tree.is(call, "call") || !tree.is(assignment, "assignment")
                    || tree.child(assignment, "right") != call || !ModuleInterface.isClass(r.usage().symbol())) {
                continue;
            }
            int left = tree.child(assignment, "left");
            String name = tree.is(left, "identifier") && moduleLevel(tree, assignment) ? tree.text(left) : selfAttribute(tree, left);
            if (name != null) {
                out.add(new ModuleInterface.Export(name, r.usage().symbol(), tree.source().lineOf(tree.startByte(assignment)), true));
            }
        }
        return out;
    }

    /** {@code Class.attribute} for {@code self.attribute} in a method of a module-level class; else null. */
    private static String selfAttribute(SyntaxTree tree, int left) {
        int object = tree.child(left, "object");
        if (!tree.is(left, "attribute") || !tree.is(object, "identifier") || !tree.text(object).equals("self")) {
            return null;
        }
        int function = ownFunction(tree, left);
        if (function == NONE) {
            return null; // self.x = ... outside a method (module level, a class body)
        }
        int klass = tree.parent(tree.parent(function));
        if (tree.is(tree.parent(function), "decorated_definition")) {
            klass = tree.parent(tree.parent(tree.parent(function)));
        }
        if (!tree.is(klass, "class_definition") || !moduleLevel(tree, klass)) {
            return null;
        }
        return tree.text(tree.child(klass, "name")) + "." + tree.text(tree.child(left, "attribute"));
    }

    /** The string items of a module-level {@code __all__ = [...]} (and {@code += [...]}), or null without one. */
    private static List<String> all(SyntaxTree tree) {
        List<String> out = null;
        for (int n = 0; n < tree.size(); n++) {
            if (!(tree.is(n, "assignment") || tree.is(n, "augmented_assignment")) || !moduleLevel(tree, n)) {
                continue;
            }
            int left = tree.child(n, "left");
            int right = tree.child(n, "right");
            if (!tree.is(left, "identifier") || !tree.text(left).equals("__all__") || right == NONE) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>();
            }
            for (int item : tree.children(right)) {
                String text = StringLiterals.plainContent(tree, item);
                if (text != null) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    private static boolean moduleLevel(SyntaxTree tree, int node) {
        for (int p = tree.parent(node); p != NONE; p = tree.parent(p)) {
            if (tree.is(p, "function_definition") || tree.is(p, "class_definition") || tree.is(p, "lambda")) {
                return false;
            }
        }
        return true;
    }

    private static List<ModuleInterface.Wrapper> wrappers(SyntaxTree tree, List<Resolved> usages) {
        Map<Integer, ModuleInterface.Wrapper> byFunction = new LinkedHashMap<>();
        Map<Integer, List<String>> patchConditions = new HashMap<>();
        List<Resolved> sorted = new ArrayList<>(usages);
        sorted.sort(Comparator.comparingInt(r -> tree.startByte(r.usage().node())));
        for (Resolved r : sorted) {
            Usage u = r.usage();
            boolean green = u.kind() == Usage.Kind.CALL || u.kind() == Usage.Kind.WITH;
            if (u.kind() == Usage.Kind.REFERENCE && returned(tree, u.node())) {
                int function = ownFunction(tree, u.node());
                if (function != NONE && !byFunction.containsKey(function) && isModuleLevelFunction(tree, function)) {
                    byFunction.put(function, new ModuleInterface.Wrapper(tree.text(tree.child(function, "name")),
                            tree.source().lineOf(tree.startByte(function)), u.symbol(), "accessor", null));
                }
                continue;
            }
            int call = tree.parent(u.node());
            if (!green || NOT_PRIMITIVES.contains(r.category()) || !tree.is(call, "call")) {
                continue;
            }
            int function = ownFunction(tree, call);
            boolean patches = u.symbol().equals(PythonDetector.MONKEY_PATCH);
            if (patches && function != NONE) {
                // a helper that patches in every branch (if/else by platform) patches whatever the branch: only the
                // conditions all its calls share are conditions of the helper
                List<String> here = conditions(tree, u.node());
                patchConditions.merge(function, here, InterfaceCollector::commonPrefix);
            }
            if (function == NONE || byFunction.containsKey(function) || !isModuleLevelFunction(tree, function)) {
                continue;
            }
            boolean once = !inLoop(tree, call, function);
            String how = patches ? "patches" : once && returned(tree, call) ? "returns"
                    : once && tree.is(tree.parent(call), "expression_statement") && isTail(tree, tree.parent(call), function)
                            && forwards(tree, call, parameters(tree, function)) ? "forwards"
                    : onlyStatement(tree, function, call) ? "only-statement" : null;
            if (how != null) {
                MonkeyPatchDetails patch = patches ? MonkeyPatchCall.analyse(tree, call).withConditions(conditions(tree, u.node())) : null;
                byFunction.put(function, new ModuleInterface.Wrapper(tree.text(tree.child(function, "name")),
                        tree.source().lineOf(tree.startByte(function)), u.symbol(), how, patch));
            }
        }
        List<ModuleInterface.Wrapper> out = new ArrayList<>();
        byFunction.forEach((function, w) -> out.add(w.patch() == null ? w : new ModuleInterface.Wrapper(w.name(), w.line(),
                w.symbol(), w.how(), w.patch().withConditions(patchConditions.getOrDefault(function, List.of())))));
        return out;
    }

    private static List<String> commonPrefix(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return List.copyOf(a.subList(0, n));
    }

    /** The function whose own body holds the node: none when a lambda or class body comes first. */
    private static int ownFunction(SyntaxTree tree, int node) {
        for (int p = tree.parent(node); p != NONE; p = tree.parent(p)) {
            switch (tree.type(p)) {
                case "function_definition" -> {
                    return p;
                }
                case "lambda", "class_definition" -> {
                    return NONE;
                }
                default -> { }
            }
        }
        return NONE;
    }

    private static boolean isModuleLevelFunction(SyntaxTree tree, int function) {
        int parent = tree.parent(function);
        if (tree.is(parent, "decorated_definition")) {
            parent = tree.parent(parent);
        }
        return parent == 0;
    }

    /** Whether the node runs in a loop of its function: a {@code for}, a {@code while}, a comprehension. */
    private static boolean inLoop(SyntaxTree tree, int node, int function) {
        for (int p = tree.parent(node); p != NONE && p != function; p = tree.parent(p)) {
            switch (tree.type(p)) {
                case "for_statement", "while_statement", "list_comprehension", "set_comprehension", "dictionary_comprehension",
                        "generator_expression" -> {
                    return true;
                }
                default -> { }
            }
        }
        return false;
    }

    /**
     * Whether the statement is the function's last action: the last statement of its body, or of a branch of an
     * {@code if}, {@code try} or {@code with} that is itself last, and so on up to the body.
     */
    private static boolean isTail(SyntaxTree tree, int statement, int function) {
        int node = statement;
        while (true) {
            int block = tree.parent(node);
            if (!tree.is(block, "block") || lastStatement(tree, block) != node) {
                return false;
            }
            int owner = tree.parent(block);
            if (owner == function) {
                return true;
            }
            if (tree.is(owner, "elif_clause") || tree.is(owner, "else_clause") || tree.is(owner, "except_clause")
                    || tree.is(owner, "finally_clause")) {
                owner = tree.parent(owner);
            }
            if (!(tree.is(owner, "if_statement") || tree.is(owner, "try_statement") || tree.is(owner, "with_statement"))) {
                return false;
            }
            node = owner;
        }
    }

    private static int lastStatement(SyntaxTree tree, int block) {
        int last = NONE;
        for (int s : tree.children(block)) {
            if (!tree.is(s, "comment")) {
                last = s;
            }
        }
        return last;
    }

    /** The node is the whole value of a {@code return}: {@code return primitive(...)}, {@code return eventlet}. */
    private static boolean returned(SyntaxTree tree, int node) {
        int p = tree.parent(node);
        while (tree.is(p, "parenthesized_expression") || tree.is(p, "await")) {
            p = tree.parent(p);
        }
        return tree.is(p, "return_statement");
    }

    static Set<String> parameters(SyntaxTree tree, int function) {
        Set<String> out = new HashSet<>();
        int params = tree.child(function, "parameters");
        if (params == NONE) {
            return out;
        }
        for (int p : tree.children(params)) {
            int name = switch (tree.type(p)) {
                case "identifier" -> p;
                case "default_parameter", "typed_default_parameter" -> tree.child(p, "name");
                default -> firstIdentifier(tree, p);
            };
            if (name != NONE) {
                out.add(tree.text(name));
            }
        }
        out.remove("self");
        out.remove("cls");
        return out;
    }

    private static int firstIdentifier(SyntaxTree tree, int node) {
        for (int c = tree.firstChild(node); c != NONE; c = tree.nextSibling(c)) {
            if (tree.is(c, "identifier")) {
                return c;
            }
        }
        return NONE;
    }

    /**
     * Whether the call (a statement of its own) passes the function's own arguments on: it unpacks one of its parameters ({@code *args},
     * {@code **kwargs}), or passes every named parameter as a whole argument. Passing one parameter among others
     * (a loop that sleeps {@code interval}) is using the primitive, not wrapping it.
     */
    private static boolean forwards(SyntaxTree tree, int call, Set<String> parameters) {
        int arguments = tree.child(call, "arguments");
        if (arguments == NONE || parameters.isEmpty()) {
            return false;
        }
        Set<String> passed = new HashSet<>();
        for (int a : tree.children(arguments)) {
            boolean splat = tree.is(a, "list_splat") || tree.is(a, "dictionary_splat");
            int value = splat ? tree.firstChild(a) : tree.is(a, "keyword_argument") ? tree.child(a, "value") : a;
            if (tree.is(value, "identifier") && parameters.contains(tree.text(value))) {
                if (splat) {
                    return true;
                }
                passed.add(tree.text(value));
            }
        }
        return passed.containsAll(parameters);
    }

    /** The function's body is this one statement, a docstring aside. */
    private static boolean onlyStatement(SyntaxTree tree, int function, int call) {
        int body = tree.child(function, "body");
        List<Integer> statements = new ArrayList<>();
        for (int s : tree.children(body)) {
            if (!tree.is(s, "comment")) {
                statements.add(s);
            }
        }
        if (!statements.isEmpty() && isDocstring(tree, statements.getFirst())) {
            statements.removeFirst();
        }
        boolean simple = statements.size() == 1
                && (tree.is(statements.getFirst(), "expression_statement") || tree.is(statements.getFirst(), "return_statement"));
        return simple && tree.startByte(statements.getFirst()) <= tree.startByte(call)
                && tree.endByte(call) <= tree.endByte(statements.getFirst());
    }

    private static boolean isDocstring(SyntaxTree tree, int statement) {
        int first = tree.firstChild(statement);
        return tree.is(statement, "expression_statement") && tree.is(first, "string") && tree.nextSibling(first) == NONE;
    }

    /**
     * The conditions a node runs under inside its own function (or module): each enclosing {@code if}'s and
     * {@code elif}'s condition, {@code not (...)} of those an {@code else} or later {@code elif} branch follows.
     */
    static List<String> conditions(SyntaxTree tree, int node) {
        return SwitchSources.explain(tree.source(), tree.source().lineOf(tree.startByte(node)),
                branchConditions(tree, node));
    }

    private static List<String> branchConditions(SyntaxTree tree, int node) {
        List<String> out = new ArrayList<>();
        int child = node;
        for (int p = tree.parent(node); p != NONE; child = p, p = tree.parent(p)) {
            switch (tree.type(p)) {
                case "function_definition", "class_definition", "lambda" -> {
                    return out;
                }
                case "if_statement" -> {
                    int condition = tree.child(p, "condition");
                    String consequence = tree.field(child);
                    if ("consequence".equals(consequence)) {
                        out.addFirst(text(tree, condition));
                    } else if (tree.is(child, "elif_clause") || tree.is(child, "else_clause")) {
                        List<String> before = new ArrayList<>();
                        before.add("not (" + text(tree, condition) + ")");
                        for (int c : tree.children(p)) {
                            if (c == child) {
                                break;
                            }
                            if (tree.is(c, "elif_clause")) {
                                before.add("not (" + text(tree, tree.child(c, "condition")) + ")");
                            }
                        }
                        if (tree.is(child, "elif_clause")) {
                            before.add(text(tree, tree.child(child, "condition")));
                        }
                        out.addAll(0, before);
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    private static String text(SyntaxTree tree, int node) {
        return node == NONE ? "" : tree.text(node).replaceAll("\\s+", " ").strip();
    }
}
