package dev.eventletscan.detect.python;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.parse.SyntaxTree;
import dev.eventletscan.rules.SymbolNames;
import dev.eventletscan.rules.Usage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every usage site of tracked names in one file: imports first, then
 * each reference resolved through the file's scopes and aliases, reported
 * once at its longest resolved dotted name.
 */
final class UsageCollector {
    private final SyntaxTree tree;
    private final Set<String> trackedRoots;
    private final SymbolNames names;
    private final Scopes scopes;
    private final ImportCollector.FileModule file;
    private final Set<String> ownTrackedNames;
    private final List<Usage> usages = new ArrayList<>();
    private final Set<Integer> dynamicImportStrings = new HashSet<>();
    /** Calls of tracked names: their literal arguments belong to the call's finding, not to one of their own. */
    private final Set<Integer> trackedCalls = new HashSet<>();

    private UsageCollector(SyntaxTree tree, Set<String> trackedRoots, SymbolNames names, ImportCollector.FileModule file,
            Set<String> ownTrackedNames) {
        this.tree = tree;
        this.file = file;
        this.ownTrackedNames = ownTrackedNames;
        this.trackedRoots = trackedRoots;
        this.names = names;
        this.scopes = new Scopes(tree);
    }

    static List<Usage> collect(SyntaxTree tree, Set<String> trackedRoots, SymbolNames names) {
        return collectWithBindings(tree, trackedRoots, names, null, Set.of()).usages();
    }

    /** The usages, and the eventlet names the module scope binds at its end: what other modules can import from it. */
    record Collected(List<Usage> usages, Map<String, String> moduleBindings) {}

    /**
     * @param file the file's module, for its relative imports; null to leave them out
     * @param ownTrackedNames the project's own modules named like a tracked package, which strings do not reach
     */
    static Collected collectWithBindings(SyntaxTree tree, Set<String> trackedRoots, SymbolNames names,
            ImportCollector.FileModule file, Set<String> ownTrackedNames) {
        var collector = new UsageCollector(tree, trackedRoots, names, file, ownTrackedNames);
        collector.bind();
        collector.resolveReferences();
        collector.resolveStrings();
        Map<String, String> module = new LinkedHashMap<>(collector.scopes.module().tracked);
        module.keySet().removeAll(collector.scopes.module().locals); // rebound to something else later
        return new Collected(collector.usages, module);
    }

    boolean tracked(String dotted) {
        int dot = dotted.indexOf('.');
        return trackedRoots.contains(dot < 0 ? dotted : dotted.substring(0, dot));
    }

    /** Pass 1, in document order: what every scope binds. */
    private void bind() {
        for (int n = 0; n < tree.size(); n++) {
            switch (tree.type(n)) {
                case "import_statement", "import_from_statement" -> bindImports(n);
                case "function_definition", "class_definition" -> {
                    scopes.scopeOf(n).locals.add(tree.text(tree.child(n, "name")));
                    if (tree.is(n, "function_definition")) {
                        bindParameters(n);
                    }
                }
                case "assignment", "augmented_assignment" -> bindAssignment(n);
                case "global_statement" -> {
                    for (int name : tree.children(n)) {
                        scopes.scopeOf(n).globals.add(tree.text(name));
                    }
                }
                case "for_statement", "for_in_clause" -> bindTargets(tree.child(n, "left"), scopes.scopeOf(n));
                case "as_pattern_target" -> bindTargets(n, scopes.scopeOf(n));
                case "named_expression" -> bindTargets(tree.child(n, "name"), scopes.scopeOf(n));
                case "call" -> dynamicImport(n);
                default -> { }
            }
        }
    }

    private void bindImports(int statement) {
        Scopes.Scope scope = scopes.scopeOf(statement);
        for (ImportBinding b : ImportCollector.bindings(tree, statement, scope.node, file)) {
            if (tracked(b.imported())) {
                usages.add(new Usage(Usage.Kind.IMPORT, names.canonical(b.imported()), b.node()));
                if (!b.localName().equals("*")) {
                    scopes.binding(scope, b.localName()).tracked.putIfAbsent(b.localName(), b.target());
                    scopes.bound(scope, b.localName(), statement, true);
                }
            } else if (!b.localName().equals("*")) {
                scopes.binding(scope, b.localName()).locals.add(b.localName());
                scopes.bound(scope, b.localName(), statement, false);
            }
        }
    }

    private void bindParameters(int function) {
        Scopes.Scope scope = scopes.scopeFor(function);
        int params = tree.child(function, "parameters");
        if (params == NONE) {
            return;
        }
        for (int p : tree.children(params)) {
            int name = switch (tree.type(p)) {
                case "identifier" -> p;
                case "default_parameter", "typed_default_parameter" -> tree.child(p, "name");
                default -> firstIdentifier(p);
            };
            if (name != NONE) {
                scope.locals.add(tree.text(name));
            }
        }
    }

    /** {@code __import__('eventlet')}, {@code importlib.import_module('eventlet.hubs')}: an import usage at the string. */
    private void dynamicImport(int call) {
        DynamicImports.Target target = DynamicImports.of(tree, call);
        if (target != null && tracked(target.module())) {
            usages.add(new Usage(Usage.Kind.IMPORT, names.canonical(target.module()), target.node()));
            dynamicImportStrings.add(target.node());
        }
    }

    /** {@code spawn = eventlet.spawn} makes {@code spawn} an alias; any other assignment hides outer names. */
    private void bindAssignment(int assignment) {
        Scopes.Scope scope = scopes.scopeOf(assignment);
        int left = tree.child(assignment, "left");
        int right = tree.child(assignment, "right");
        if (tree.is(left, "identifier") && tree.is(assignment, "assignment") && right != NONE) {
            DynamicImports.Target imported = tree.is(right, "call") ? DynamicImports.of(tree, right) : null;
            String target = imported != null && tracked(imported.module()) ? imported.binds() : resolveExpression(right);
            if (target != null) {
                scopes.binding(scope, tree.text(left)).tracked.putIfAbsent(tree.text(left), target);
                scopes.bound(scope, tree.text(left), assignment, true);
                return;
            }
        }
        bindTargets(left, scope);
        if (tree.is(left, "identifier") && tree.is(assignment, "assignment") && tree.is(tree.parent(assignment), "expression_statement")) {
            scopes.bound(scope, tree.text(left), assignment, false);
        }
    }

    /** The names an assignment target binds, however deeply its tuples and parentheses nest (a work list, not recursion). */
    private void bindTargets(int target, Scopes.Scope scope) {
        Deque<Integer> pending = new ArrayDeque<>();
        if (target != NONE) {
            pending.push(target);
        }
        while (!pending.isEmpty()) {
            int t = pending.pop();
            switch (tree.type(t)) {
                case "identifier" -> scopes.binding(scope, tree.text(t)).locals.add(tree.text(t));
                case "pattern_list", "tuple_pattern", "list_pattern", "expression_list", "tuple", "list",
                        "as_pattern_target", "list_splat_pattern", "parenthesized_expression" -> {
                    for (int c : tree.children(t)) {
                        pending.push(c);
                    }
                }
                default -> { } // attributes and subscripts bind no name
            }
        }
    }

    private int firstIdentifier(int node) {
        for (int c = tree.firstChild(node); c != NONE; c = tree.nextSibling(c)) {
            if (tree.is(c, "identifier")) {
                return c;
            }
        }
        return NONE;
    }

    /**
     * The tracked dotted name an expression stands for, or null. Walks down the attribute chain in a loop:
     * a generated chain or parentheses thousands deep must not overflow the stack.
     */
    String resolveExpression(int node) {
        Deque<String> attributes = new ArrayDeque<>();
        for (int n = node; n != NONE; ) {
            switch (tree.type(n)) {
                case "identifier" -> {
                    String base = scopes.resolve(tree.text(n), n);
                    if (base == null) {
                        return null;
                    }
                    StringBuilder dotted = new StringBuilder(base);
                    attributes.forEach(a -> dotted.append('.').append(a));
                    return dotted.toString();
                }
                case "attribute" -> {
                    int attr = tree.child(n, "attribute");
                    if (attr == NONE) {
                        return null;
                    }
                    attributes.push(tree.text(attr));
                    n = tree.child(n, "object");
                }
                case "parenthesized_expression" -> n = tree.firstChild(n);
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    /** Pass 2: each identifier that resolves, widened to the longest attribute chain above it. */
    private void resolveReferences() {
        for (int n = 0; n < tree.size(); n++) {
            if (!tree.is(n, "identifier") || isBindingOccurrence(n)) {
                continue;
            }
            String target = scopes.resolve(tree.text(n), n);
            if (target == null) {
                continue;
            }
            int site = n;
            StringBuilder symbol = new StringBuilder(target);
            for (int p = tree.parent(site); tree.is(p, "attribute") && "object".equals(tree.field(site)); p = tree.parent(p)) {
                int attr = tree.child(p, "attribute");
                if (attr == NONE) {
                    break;
                }
                symbol.append('.').append(tree.text(attr));
                site = p;
            }
            String patched = MockCalls.patchObjectAttribute(tree, site);
            if (patched != null) {
                usages.add(new Usage(Usage.Kind.MOCK, names.canonical(symbol + "." + patched), site));
                continue;
            }
            Usage.Kind kind = kindAt(site);
            Map<String, String> arguments = kind == Usage.Kind.CALL || kind == Usage.Kind.DECORATOR
                    ? CallArguments.literalStrings(tree, tree.parent(site)) : Map.of();
            if (!arguments.isEmpty()) {
                trackedCalls.add(tree.parent(site));
            }
            usages.add(new Usage(kind, names.canonical(symbol.toString()), site, arguments));
        }
    }

    /** Pass 3: string literals that name a tracked symbol, as mock targets do ({@code 'nova.utils.eventlet.sleep'}). */
    private void resolveStrings() {
        for (int n = 0; n < tree.size(); n++) {
            if (!tree.is(n, "string") || dynamicImportStrings.contains(n)) {
                continue;
            }
            String dotted = StringLiterals.dottedName(tree, n);
            if (dotted == null) {
                continue;
            }
            boolean mock = MockCalls.isMockTarget(tree, n);
            String symbol = StringLiterals.fromTrackedRoot(dotted, trackedRoots, ownTrackedNames, mock);
            if (symbol == null) {
                continue;
            }
            Usage.Kind kind = mock ? Usage.Kind.MOCK : Usage.Kind.STRING;
            boolean hostName = StringLiterals.endsInTopLevelDomain(symbol) && !names.knows(symbol); // 'eventlet.net'
            if (mock || (!hostName && !isTrackedCallArgument(n))) {
                usages.add(new Usage(kind, names.canonical(symbol), n));
            }
        }
    }

    /** {@code use_hub("eventlet.hubs.asyncio")}: the string is the call's argument, which rules see with the call. */
    private boolean isTrackedCallArgument(int string) {
        int owner = tree.parent(string);
        if (tree.is(owner, "keyword_argument")) {
            owner = tree.parent(owner);
        }
        return tree.is(owner, "argument_list") && trackedCalls.contains(tree.parent(owner));
    }

    private Usage.Kind kindAt(int site) {
        int parent = tree.parent(site);
        if (parent == NONE) {
            return Usage.Kind.REFERENCE;
        }
        String field = tree.field(site);
        return switch (tree.type(parent)) {
            case "call" -> "function".equals(field) ? callKind(parent) : Usage.Kind.REFERENCE;
            case "decorator" -> Usage.Kind.DECORATOR;
            case "argument_list" -> tree.is(tree.parent(parent), "class_definition")
                    ? Usage.Kind.BASE_CLASS : Usage.Kind.REFERENCE;
            case "with_item" -> Usage.Kind.WITH;
            case "except_clause", "except_group_clause" -> Usage.Kind.EXCEPT;
            case "tuple", "as_pattern" -> tree.ancestor(site, "except_clause", "except_group_clause") != NONE
                    && exceptTypePart(site) ? Usage.Kind.EXCEPT : Usage.Kind.REFERENCE;
            default -> Usage.Kind.REFERENCE;
        };
    }

    /**
     * A call used as a decorator is reported as one ({@code @eventlet.something(...)}), and a call
     * whose result is a {@code with} item as a context manager ({@code with eventlet.Timeout(5):}).
     */
    private Usage.Kind callKind(int call) {
        int parent = tree.parent(call);
        if (tree.is(parent, "decorator")) {
            return Usage.Kind.DECORATOR;
        }
        return tree.is(parent, "with_item") || (tree.is(parent, "as_pattern") && tree.is(tree.parent(parent), "with_item"))
                ? Usage.Kind.WITH : Usage.Kind.CALL;
    }

    private boolean exceptTypePart(int site) {
        for (int p = tree.parent(site); p != NONE; p = tree.parent(p)) {
            if (tree.is(p, "except_clause") || tree.is(p, "except_group_clause")) {
                return true;
            }
            if (!tree.is(p, "tuple") && !tree.is(p, "as_pattern")) {
                return false;
            }
        }
        return false;
    }

    /** Identifiers that name something being bound or a keyword, not a use of a binding. */
    private boolean isBindingOccurrence(int id) {
        int parent = tree.parent(id);
        if (parent == NONE) {
            return false;
        }
        String field = tree.field(id);
        switch (tree.type(parent)) {
            case "dotted_name", "aliased_import", "import_prefix", "relative_import", "global_statement",
                    "nonlocal_statement", "as_pattern_target", "keyword_separator" -> {
                return true;
            }
            case "attribute" -> {
                return "attribute".equals(field);
            }
            case "function_definition", "class_definition" -> {
                return "name".equals(field);
            }
            case "keyword_argument" -> {
                return "name".equals(field);
            }
            case "default_parameter", "typed_default_parameter", "typed_parameter" -> {
                return !"value".equals(field) && !"type".equals(field);
            }
            case "parameters", "lambda_parameters", "list_splat_pattern", "dictionary_splat_pattern" -> {
                return true;
            }
            case "assignment", "augmented_assignment", "for_statement", "for_in_clause" -> {
                return "left".equals(field); // a target is bound there, not read
            }
            case "pattern_list", "tuple_pattern", "list_pattern" -> {
                return true; // unpacking targets
            }
            case "delete_statement" -> {
                return true; // del unbinds a name: no use of what it held
            }
            case "expression_list" -> {
                return tree.is(tree.parent(parent), "delete_statement"); // del a, b
            }
            default -> {
                return false;
            }
        }
    }
}
