package dev.eventletscan.detect.python;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.parse.SyntaxTree;
import java.util.Set;

/**
 * Imports written as calls with a literal module name: {@code __import__},
 * {@code importlib.import_module} and oslo's {@code importutils.import_module}
 * and {@code try_import}.
 */
final class DynamicImports {
    private static final Set<String> FULL_MODULE_FUNCTIONS = Set.of("import_module", "try_import");
    private static final String DOTTED = "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*";

    /**
     * @param module the module named
     * @param binds what the call returns, so what a name assigned from it stands for
     *     ({@code __import__('a.b')} returns {@code a}); null when unknown
     * @param node the string literal, where the import is reported
     */
    record Target(String module, String binds, int node) {}

    private DynamicImports() {}

    static Target of(SyntaxTree tree, int call) {
        int function = tree.child(call, "function");
        String name = lastName(tree, function);
        if (name == null || !(name.equals("__import__") || FULL_MODULE_FUNCTIONS.contains(name))) {
            return null;
        }
        if (name.equals("__import__") && !tree.is(function, "identifier")) {
            return null;
        }
        int first = CallArguments.positional(tree, call, 0);
        String module = first == NONE ? null : StringLiterals.plainContent(tree, first);
        if (module != null) {
            if (!module.matches(DOTTED)) {
                return null;
            }
            return new Target(module, name.equals("__import__") ? module.split("\\.")[0] : module, first);
        }
        return first == NONE ? null : partial(tree, first, name.equals("__import__"));
    }

    /**
     * A module name built at run time from a literal start, {@code 'eventlet.hubs.' + name} or
     * {@code f'eventlet.hubs.{name}'}: an import of something inside the package the literal names up to its last
     * dot. What the call returns is unknown, but for {@code __import__}, which returns the top-level package.
     */
    private static Target partial(SyntaxTree tree, int argument, boolean dunderImport) {
        int literal = argument;
        while (tree.is(literal, "binary_operator") && "+".equals(operator(tree, literal))) {
            literal = tree.child(literal, "left");
        }
        String start = literal == argument ? StringLiterals.leadingContent(tree, literal)
                : StringLiterals.plainContent(tree, literal);
        int dot = start == null ? -1 : start.lastIndexOf('.');
        if (dot < 0 || !start.substring(0, dot).matches(DOTTED) || !start.substring(dot + 1).matches("[A-Za-z0-9_]*")) {
            return null;
        }
        String module = start.substring(0, dot);
        return new Target(module, dunderImport ? module.split("\\.")[0] : null, literal);
    }

    /** The operator between the operands: an anonymous node, which the flattened tree does not keep. */
    private static String operator(SyntaxTree tree, int binary) {
        int left = tree.child(binary, "left");
        int right = tree.child(binary, "right");
        return left == NONE || right == NONE ? null : tree.source().slice(tree.endByte(left), tree.startByte(right)).strip();
    }

    /** {@code f} for {@code f(...)}, {@code import_module} for {@code importlib.import_module(...)}. */
    static String lastName(SyntaxTree tree, int function) {
        if (tree.is(function, "identifier")) {
            return tree.text(function);
        }
        if (tree.is(function, "attribute")) {
            int attr = tree.child(function, "attribute");
            return attr == NONE ? null : tree.text(attr);
        }
        return null;
    }
}
