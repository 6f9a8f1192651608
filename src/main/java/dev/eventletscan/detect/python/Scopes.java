package dev.eventletscan.detect.python;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.parse.SyntaxTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
        /** Where the scope's own statements bind each name, in document order: see {@link #hiddenByOrder}. */
        final Map<String, List<Bound>> order = new HashMap<>();

        Scope(int node, Scope parent, boolean classBody) {
            this.node = node;
            this.parent = parent;
            this.classBody = classBody;
        }
    }

    /**
     * One binding statement, effective from its end on.
     *
     * @param certain the statement runs whenever the scope's code reaches it: no branch, loop or handler around it
     */
    record Bound(int end, boolean tracked, boolean certain) {}

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

    /**
     * Notes that {@code statement} binds {@code name} in {@code scope} (a tracked name or anything else), for the
     * uses after it in the same scope. A binding through {@code global} is left out: it runs when the function does.
     */
    void bound(Scope scope, String name, int statement, boolean tracked) {
        if (binding(scope, name) != scope) {
            return;
        }
        boolean certain = true;
        for (int p = tree.parent(statement); p != NONE && p != scope.node; p = tree.parent(p)) {
            switch (tree.type(p)) {
                case "if_statement", "elif_clause", "else_clause", "try_statement", "except_clause", "except_group_clause",
                        "finally_clause", "for_statement", "while_statement", "match_statement", "case_clause" -> certain = false;
                default -> { }
            }
        }
        scope.order.computeIfAbsent(name, k -> new ArrayList<>()).add(new Bound(tree.endByte(statement), tracked, certain));
    }

    /**
     * Statement order within one scope: a use after a later plain binding that always runs ({@code from
     * urllib.request import urlopen} after the green one) no longer sees the eventlet name. A binding that may not
     * run (a fallback import in an {@code except}, an assignment under an {@code if}) hides nothing.
     */
    private boolean hiddenByOrder(Scope scope, String name, int at) {
        List<Bound> bindings = scope.order.get(name);
        if (bindings == null) {
            return false;
        }
        int use = tree.startByte(at);
        Bound last = null;
        for (Bound b : bindings) {
            if (b.end() <= use && (last == null || b.end() >= last.end())) {
                last = b;
            }
        }
        return last != null && !last.tracked() && last.certain();
    }

    /** The tracked target a name resolves to where it is used, or null if it is not an eventlet name there. */
    String resolve(String name, int at) {
        Scope start = scopeOf(at);
        if (hiddenByOrder(start, name, at)) {
            return null;
        }
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
