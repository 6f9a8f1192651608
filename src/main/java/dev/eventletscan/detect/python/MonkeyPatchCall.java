package dev.eventletscan.detect.python;

import dev.eventletscan.model.MonkeyPatchDetails;
import dev.eventletscan.parse.SyntaxTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What an {@code eventlet.monkey_patch(...)} call patches, computed with
 * eventlet's own rules (eventlet/patcher.py): no arguments patch everything;
 * if any module is set True only the True ones are patched; if all are False,
 * everything but those; {@code all=} sets the default; MySQLdb and builtins are
 * patched only when named True. Non-literal values make the result dynamic.
 */
final class MonkeyPatchCall {
    /** The keyword arguments monkey_patch accepts, in eventlet's order. */
    static final List<String> MODULES =
            List.of("os", "select", "socket", "thread", "time", "psycopg", "MySQLdb", "builtins", "subprocess");
    private static final List<String> OFF_UNLESS_NAMED = List.of("MySQLdb", "builtins");

    private MonkeyPatchCall() {}

    static MonkeyPatchDetails analyse(SyntaxTree tree, int call) {
        int args = tree.child(call, "arguments");
        Map<String, Boolean> on = new LinkedHashMap<>();
        List<String> dynamic = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Boolean all = null;
        if (args != SyntaxTree.NONE) {
            for (int arg : tree.children(args)) {
                switch (tree.type(arg)) {
                    case "keyword_argument" -> {
                        String key = tree.text(tree.child(arg, "name"));
                        if (key.equals("__builtin__")) {
                            key = "builtins";
                        }
                        Boolean value = literalBool(tree, tree.child(arg, "value"));
                        if (value == null) {
                            dynamic.add(key);
                        } else if (key.equals("all")) {
                            all = value;
                        } else if (MODULES.contains(key)) {
                            on.put(key, value);
                        } else {
                            unknown.add(key);
                        }
                    }
                    case "comment" -> { }
                    default -> dynamic.add(tree.text(arg));
                }
            }
        }
        boolean defaultOn = all != null ? all : !on.containsValue(Boolean.TRUE);
        TreeSet<String> patched = new TreeSet<>();
        TreeSet<String> notPatched = new TreeSet<>();
        for (String module : MODULES) {
            boolean value = on.getOrDefault(module, OFF_UNLESS_NAMED.contains(module) ? Boolean.FALSE : defaultOn);
            (value ? patched : notPatched).add(module);
        }
        String mode = !dynamic.isEmpty() ? "dynamic" : defaultOn ? "global" : "partial";
        return new MonkeyPatchDetails(mode, List.copyOf(patched), List.copyOf(notPatched),
                List.copyOf(dynamic), List.copyOf(unknown));
    }

    private static Boolean literalBool(SyntaxTree tree, int value) {
        if (value == SyntaxTree.NONE) {
            return null;
        }
        return switch (tree.type(value)) {
            case "true" -> Boolean.TRUE;
            case "false", "none" -> Boolean.FALSE;
            case "integer" -> !tree.text(value).matches("0+");
            default -> null;
        };
    }
}
