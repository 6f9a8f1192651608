package dev.eventletscan.detect.python;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.parse.SyntaxTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the functions a file spawns do that green threads allowed and native threads do not: change module-level
 * state without a lock, and install signal handlers (only the main thread may).
 *
 * <p>The heuristic, and its limits: a function is spawned when it is the function argument (the first, or the
 * second for {@code spawn_after}) of a call of eventlet's spawn functions, of a pool's or pile's spawn, or of any
 * {@code .spawn}/{@code .spawn_n}/{@code .spawn_after} method (a project wrapper such as nova's
 * {@code utils.spawn}); it must be a function the same file defines: nested in a function around the call or at
 * top level (a bare name), or a method of the enclosing class ({@code self.name}). Only that function's own body is read, not what it calls.
 * Module-level state is a name the module binds to a dict, list or set (a literal, a comprehension, or a call of
 * {@code dict}, {@code list}, {@code set}, {@code defaultdict}, {@code OrderedDict}, {@code deque},
 * {@code Counter}), changed by item assignment or deletion, augmented assignment or a mutating method; or any
 * module-level name the function declares {@code global} and assigns. A change inside {@code with <...lock...>:}
 * is left out. Aliases, attributes of other objects and state reached through calls are not followed.
 */
final class SpawnedFunctions {
    private static final Set<String> SPAWN_METHODS = Set.of("spawn", "spawn_n", "spawn_after", "spawn_after_local");
    private static final Set<String> MUTATORS = Set.of("append", "extend", "insert", "remove", "pop", "popitem", "clear",
            "update", "setdefault", "add", "discard", "appendleft", "popleft", "extendleft", "sort", "reverse");
    private static final Set<String> CONTAINER_CALLS = Set.of("dict", "list", "set", "defaultdict", "OrderedDict", "deque",
            "Counter", "WeakValueDictionary", "WeakKeyDictionary");
    private static final Set<String> CONTAINER_LITERALS = Set.of("dictionary", "list", "set", "dictionary_comprehension",
            "list_comprehension", "set_comprehension");
    private static final Set<String> SIGNAL_CALLS = Set.of("signal.signal", "signal.alarm", "signal.setitimer",
            "signal.siginterrupt", "signal.set_wakeup_fd");
    private static final Pattern LOCK = Pattern.compile("(?i)lock|semaphore|mutex|condition");

    /** One site: what is reported ({@code symbol}), and the detail the message ends with. */
    record Site(int node, String symbol, String detail) {}

    /** The two analyses' sites. */
    record Sites(List<Site> state, List<Site> signals) {}

    private SpawnedFunctions() {}

    /** @param spawnCalls the call nodes of eventlet's spawn functions that name resolution found in the file */
    static Sites find(SyntaxTree tree, Set<Integer> spawnCalls) {
        Map<String, Integer> topFunctions = new LinkedHashMap<>();
        Map<String, Integer> mutableState = new LinkedHashMap<>();
        Map<String, Integer> moduleNames = new LinkedHashMap<>();
        for (int s = tree.firstChild(0); s != NONE; s = tree.nextSibling(s)) {
            int statement = tree.is(s, "decorated_definition") ? tree.child(s, "definition") : s;
            if (tree.is(statement, "function_definition")) {
                topFunctions.putIfAbsent(tree.text(tree.child(statement, "name")), statement);
            } else if (tree.is(statement, "expression_statement") && tree.is(tree.firstChild(statement), "assignment")) {
                int assignment = tree.firstChild(statement);
                int left = tree.child(assignment, "left");
                if (tree.is(left, "identifier")) {
                    moduleNames.putIfAbsent(tree.text(left), assignment);
                    if (isContainer(tree, tree.child(assignment, "right"))) {
                        mutableState.putIfAbsent(tree.text(left), assignment);
                    }
                }
            }
        }
        List<Site> state = new ArrayList<>();
        List<Site> signals = new ArrayList<>();
        Set<Integer> done = new HashSet<>();
        for (int call : spawnCallsOf(tree, spawnCalls)) {
            int function = target(tree, call, topFunctions);
            if (function == NONE || !done.add(function)) {
                continue;
            }
            String name = tree.text(tree.child(function, "name")) + "()";
            String spawned = ", which runs spawned (line " + tree.source().lineOf(tree.startByte(call)) + ")";
            Map<String, Integer> changed = changes(tree, function, mutableState.keySet(), moduleNames.keySet());
            changed.forEach((variable, site) -> state.add(new Site(site, variable, "changed in " + name + spawned
                    + "; bound at line " + tree.source().lineOf(tree.startByte(
                            moduleNames.getOrDefault(variable, site))))));
            for (int n = function + 1; n < tree.size() && tree.startByte(n) < tree.endByte(function); n++) {
                if (tree.is(n, "call") && ownBody(tree, n, function)) {
                    String callee = tree.text(tree.child(n, "function"));
                    if (SIGNAL_CALLS.contains(callee)) {
                        signals.add(new Site(n, callee, "in " + name + spawned));
                    }
                }
            }
        }
        return new Sites(state, signals);
    }

    /** The spawn calls: those name resolution found, and any call of a {@code .spawn*} method, in document order. */
    private static List<Integer> spawnCallsOf(SyntaxTree tree, Set<Integer> resolved) {
        List<Integer> out = new ArrayList<>();
        for (int n = 0; n < tree.size(); n++) {
            if (!tree.is(n, "call")) {
                continue;
            }
            int function = tree.child(n, "function");
            if (resolved.contains(n) || tree.is(function, "attribute")
                    && SPAWN_METHODS.contains(tree.text(tree.child(function, "attribute")))) {
                out.add(n);
            }
        }
        return out;
    }

    /** The function a spawn call runs, when this file defines it; else NONE. */
    private static int target(SyntaxTree tree, int call, Map<String, Integer> topFunctions) {
        String callee = tree.text(tree.child(call, "function"));
        int argument = CallArguments.positional(tree, call, callee.endsWith("spawn_after") || callee.endsWith("spawn_after_local") ? 1 : 0);
        if (tree.is(argument, "identifier")) {
            int nested = nestedFunction(tree, call, tree.text(argument));
            return nested != NONE ? nested : topFunctions.getOrDefault(tree.text(argument), NONE);
        }
        if (tree.is(argument, "attribute") && tree.text(tree.child(argument, "object")).equals("self")) {
            int cls = tree.ancestor(call, "class_definition");
            int body = cls == NONE ? NONE : tree.child(cls, "body");
            String method = tree.text(tree.child(argument, "attribute"));
            for (int s = body == NONE ? NONE : tree.firstChild(body); s != NONE; s = tree.nextSibling(s)) {
                int def = tree.is(s, "decorated_definition") ? tree.child(s, "definition") : s;
                if (tree.is(def, "function_definition") && tree.text(tree.child(def, "name")).equals(method)) {
                    return def;
                }
            }
        }
        return NONE;
    }

    /** A function of that name defined directly in the body of a function around the call (the nearest first), or NONE. */
    private static int nestedFunction(SyntaxTree tree, int call, String name) {
        for (int f = tree.ancestor(call, "function_definition"); f != NONE; f = tree.ancestor(f, "function_definition")) {
            int body = tree.child(f, "body");
            for (int s = body == NONE ? NONE : tree.firstChild(body); s != NONE; s = tree.nextSibling(s)) {
                int def = tree.is(s, "decorated_definition") ? tree.child(s, "definition") : s;
                if (tree.is(def, "function_definition") && tree.text(tree.child(def, "name")).equals(name)) {
                    return def;
                }
            }
        }
        return NONE;
    }

    /** The module-level names a function changes, each with its first change, in document order. */
    private static Map<String, Integer> changes(SyntaxTree tree, int function, Set<String> mutable, Set<String> moduleNames) {
        Set<String> globals = new HashSet<>();
        Set<String> locals = new HashSet<>();
        int end = tree.endByte(function);
        for (int n = function + 1; n < tree.size() && tree.startByte(n) < end; n++) {
            if (!ownBody(tree, n, function)) {
                continue;
            }
            if (tree.is(n, "global_statement")) {
                tree.children(n).stream().filter(c -> tree.is(c, "identifier")).forEach(c -> globals.add(tree.text(c)));
            } else if ((tree.is(n, "assignment") || tree.is(n, "for_statement")) && tree.is(tree.child(n, "left"), "identifier")) {
                locals.add(tree.text(tree.child(n, "left")));
            } else if (tree.is(n, "identifier") && tree.is(tree.parent(n), "parameters")
                    || tree.is(n, "identifier") && tree.field(n) != null && tree.field(n).equals("name")
                    && tree.type(tree.parent(n)).endsWith("parameter")) {
                locals.add(tree.text(n));
            }
        }
        locals.removeAll(globals);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int n = function + 1; n < tree.size() && tree.startByte(n) < end; n++) {
            if (!ownBody(tree, n, function) || underLock(tree, n, function)) {
                continue;
            }
            String changed = null;
            if (tree.is(n, "assignment") || tree.is(n, "augmented_assignment")) {
                int left = tree.child(n, "left");
                if (tree.is(left, "identifier") && globals.contains(tree.text(left)) && moduleNames.contains(tree.text(left))) {
                    changed = tree.text(left);
                } else if (tree.is(left, "subscript") && tree.is(tree.child(left, "value"), "identifier")) {
                    changed = tree.text(tree.child(left, "value"));
                } else if (tree.is(n, "augmented_assignment") && tree.is(left, "identifier")) {
                    changed = tree.text(left);
                }
            } else if (tree.is(n, "delete_statement")) {
                int target = tree.firstChild(n) == NONE ? NONE : tree.nextSibling(tree.firstChild(n));
                if (tree.is(target, "subscript") && tree.is(tree.child(target, "value"), "identifier")) {
                    changed = tree.text(tree.child(target, "value"));
                }
            } else if (tree.is(n, "call") && tree.is(tree.child(n, "function"), "attribute")) {
                int f = tree.child(n, "function");
                if (tree.is(tree.child(f, "object"), "identifier") && MUTATORS.contains(tree.text(tree.child(f, "attribute")))) {
                    changed = tree.text(tree.child(f, "object"));
                }
            }
            boolean state = changed != null && !locals.contains(changed)
                    && (mutable.contains(changed) || globals.contains(changed) && moduleNames.contains(changed));
            if (state) {
                out.putIfAbsent(changed, n);
            }
        }
        return out;
    }

    /** Whether a node belongs to the function's own body, not to a function, lambda or class nested in it. */
    private static boolean ownBody(SyntaxTree tree, int node, int function) {
        for (int p = tree.parent(node); p != NONE; p = tree.parent(p)) {
            if (p == function) {
                return true;
            }
            if (tree.is(p, "function_definition") || tree.is(p, "lambda") || tree.is(p, "class_definition")) {
                return false;
            }
        }
        return false;
    }

    /** Inside {@code with x.lock:} (or a semaphore, mutex, condition) in the function: already guarded. */
    private static boolean underLock(SyntaxTree tree, int node, int function) {
        for (int p = tree.parent(node); p != NONE && p != function; p = tree.parent(p)) {
            if (tree.is(p, "with_statement") && tree.children(p).stream()
                    .anyMatch(c -> tree.is(c, "with_clause") && LOCK.matcher(tree.text(c)).find())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isContainer(SyntaxTree tree, int value) {
        if (value == NONE) {
            return false;
        }
        if (CONTAINER_LITERALS.contains(tree.type(value))) {
            return true;
        }
        if (tree.is(value, "call")) {
            String callee = tree.text(tree.child(value, "function"));
            return CONTAINER_CALLS.contains(callee.substring(callee.lastIndexOf('.') + 1));
        }
        return false;
    }
}
