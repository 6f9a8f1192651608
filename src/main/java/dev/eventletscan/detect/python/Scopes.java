package dev.eventletscan.detect.python;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.parse.SyntaxTree;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Python's scoping, as far as name resolution for eventlet needs it: the
 * module, functions, lambdas and class bodies, each with the names it binds.
 * A name bound in a scope by anything other than a tracked import (a
 * parameter, an assignment, a plain import) hides outer bindings there.
 */
final class Scopes {
    static final class Scope {
        final int node;
        final Scope parent;
        final boolean classBody;
        final Map<String, String> tracked = new LinkedHashMap<>();
        final Set<String> locals = new HashSet<>();
        final Set<String> globals = new HashSet<>();

        Scope(int node, Scope parent, boolean classBody) {
            this.node = node;
            this.parent = parent;
            this.classBody = classBody;
        }
    }

    private final SyntaxTree tree;
    private final Map<Integer, Scope> byNode = new HashMap<>();
    private final Scope module;

    Scopes(SyntaxTree tree) {
        this.tree = tree;
        this.module = new Scope(0, null, false);
        byNode.put(0, module);
    }

    Scope module() {
        return module;
    }

    /** The scope a name at {@code node} is looked up in. Decorators, defaults and base classes belong outside. */
    Scope scopeOf(int node) {
        int opener = enclosingOpener(node);
        return opener == NONE ? module : scopeFor(opener);
    }

    /**
     * The scope a definition's own body opens (created on first use, with any enclosing scopes not made yet).
     * A loop rather than recursion: lambdas nested thousands deep would overflow the stack.
     */
    Scope scopeFor(int definition) {
        Deque<Integer> missing = new ArrayDeque<>();
        Scope outer = module;
        for (int d = definition; d != NONE; d = enclosingOpener(d)) {
            Scope known = byNode.get(d);
            if (known != null) {
                outer = known;
                break;
            }
            missing.push(d);
        }
        while (!missing.isEmpty()) {
            int d = missing.pop();
            outer = new Scope(d, outer, tree.is(d, "class_definition"));
            byNode.put(d, outer);
        }
        return outer;
    }

    /** The nearest function, class or lambda whose body holds {@code node}, or NONE at module level. */
    private int enclosingOpener(int node) {
        int child = node;
        for (int p = tree.parent(node); p != NONE; child = p, p = tree.parent(p)) {
            boolean opens = switch (tree.type(p)) {
                case "function_definition", "class_definition", "lambda" -> "body".equals(tree.field(child));
                default -> false;
            };
            if (opens) {
                return p;
            }
        }
        return NONE;
    }

    /** Where a name bound in a scope lands: the module when the scope declares it {@code global}. */
    Scope binding(Scope scope, String name) {
        return scope.globals.contains(name) ? module : scope;
    }

    /** The tracked target a name resolves to where it is used, or null if it is not an eventlet name there. */
    String resolve(String name, int at) {
        Scope start = scopeOf(at);
        boolean innermost = true;
        for (Scope s = start; s != null; s = s.parent) {
            if (s.classBody && !innermost) {
                continue; // class bodies are not visible from the methods inside them
            }
            innermost = false;
            if (s.globals.contains(name) && s != module) {
                s = module;
            }
            String target = s.tracked.get(name);
            if (target != null) {
                return target;
            }
            if (s.locals.contains(name)) {
                return null;
            }
        }
        return null;
    }
}
