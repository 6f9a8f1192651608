package dev.eventletscan.calls;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.parse.SyntaxTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lists a file's functions and, for each, the simple names it calls. Names
 * only: Python's dynamic dispatch cannot be resolved statically, so call
 * levels are matched by name within the modules an import links (see
 * {@link CallLevels}). Module-level code is the function {@code <module>}.
 */
final class TreeSitterCallExtractor {
    public static final String MODULE_CODE = "<module>";

    private TreeSitterCallExtractor() {}

    public static List<FunctionCalls> extract(SyntaxTree tree) {
        Map<String, Set<String>> calls = new TreeMap<>();
        Set<String> methods = new TreeSet<>();
        for (int n = 0; n < tree.size(); n++) {
            if (tree.is(n, "function_definition")) {
                calls.computeIfAbsent(qualifiedName(tree, n), k -> new TreeSet<>());
                if (isMethod(tree, n)) {
                    methods.add(qualifiedName(tree, n));
                }
            } else if (tree.is(n, "call")) {
                String callee = calleeName(tree, tree.child(n, "function"));
                if (callee != null) {
                    calls.computeIfAbsent(enclosingFunction(tree, n), k -> new TreeSet<>()).add(callee);
                }
            }
        }
        List<FunctionCalls> out = new ArrayList<>();
        calls.forEach((name, callees) -> out.add(new FunctionCalls(name, methods.contains(name), callees)));
        return out;
    }

    /** The qualified name of the function a node sits in, or {@link #MODULE_CODE}. */
    public static String enclosingFunction(SyntaxTree tree, int node) {
        int f = tree.ancestor(node, "function_definition");
        return f == NONE ? MODULE_CODE : qualifiedName(tree, f);
    }

    /** {@code Outer.Inner.method}: the names of the classes and functions around a definition, and its own. */
    static String qualifiedName(SyntaxTree tree, int definition) {
        List<String> names = new ArrayList<>();
        for (int p = definition; p != NONE; p = tree.parent(p)) {
            if (tree.is(p, "function_definition") || tree.is(p, "class_definition")) {
                int name = tree.child(p, "name");
                if (name != NONE) {
                    names.addFirst(tree.text(name));
                }
            }
        }
        return String.join(".", names);
    }

    /** {@code f} for {@code f()}, {@code .m} for {@code obj.m()}. */
    private static String calleeName(SyntaxTree tree, int function) {
        if (tree.is(function, "identifier")) {
            return tree.text(function);
        }
        if (tree.is(function, "attribute")) {
            int attr = tree.child(function, "attribute");
            return attr == NONE ? null : "." + tree.text(attr);
        }
        return null;
    }

    /** Directly in a class body (decorators aside). */
    private static boolean isMethod(SyntaxTree tree, int function) {
        int p = tree.parent(function);
        if (tree.is(p, "decorated_definition")) {
            p = tree.parent(p);
        }
        return tree.is(p, "block") && tree.is(tree.parent(p), "class_definition");
    }
}
