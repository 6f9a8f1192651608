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

    /**
     * @param module the module named
     * @param binds what the call returns, so what a name assigned from it stands for
     *     ({@code __import__('a.b')} returns {@code a})
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
        if (module == null || !module.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            return null;
        }
        String binds = name.equals("__import__") ? module.split("\\.")[0] : module;
        return new Target(module, binds, first);
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
