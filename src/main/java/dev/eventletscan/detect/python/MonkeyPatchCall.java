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
public final class MonkeyPatchCall {
    /** The keyword arguments monkey_patch accepts, in eventlet's order. */
    static final List<String> MODULES =
            List.of("os", "select", "socket", "thread", "time", "psycopg", "MySQLdb", "builtins", "subprocess");
    private static final List<String> OFF_UNLESS_NAMED = List.of("MySQLdb", "builtins");

    private MonkeyPatchCall() {}

    /**
     * One argument of the call as written.
     *
     * @param keyword the keyword, or null for a positional argument (or a splat)
     * @param text the argument's source
     * @param literal its value when it is a literal eventlet reads as a boolean (True, False, None, an integer); else null
     */
    public record Argument(String keyword, String text, Boolean literal) {}

    static MonkeyPatchDetails analyse(SyntaxTree tree, int call) {
        int args = tree.child(call, "arguments");
        List<Argument> arguments = new ArrayList<>();
        if (args != SyntaxTree.NONE) {
            for (int arg : tree.children(args)) {
                switch (tree.type(arg)) {
                    case "keyword_argument" -> arguments.add(new Argument(tree.text(tree.child(arg, "name")), tree.text(arg),
                            literalBool(tree, tree.child(arg, "value"))));
                    case "comment" -> { }
                    default -> arguments.add(new Argument(null, tree.text(arg), null));
                }
            }
        }
        return of(arguments);
    }

    /** What a call with these arguments patches: the one place eventlet's rules are written down. */
    public static MonkeyPatchDetails of(List<Argument> arguments) {
        Map<String, Boolean> on = new LinkedHashMap<>();
        List<String> dynamic = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Boolean all = null;
        for (Argument a : arguments) {
            if (a.keyword() == null) {
                dynamic.add(a.text());
                continue;
            }
            String key = a.keyword().equals("__builtin__") ? "builtins" : a.keyword();
            if (a.literal() == null) {
                dynamic.add(key);
            } else if (key.equals("all")) {
                all = a.literal();
            } else if (MODULES.contains(key)) {
                on.put(key, a.literal());
            } else {
                unknown.add(key);
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

    /** How eventlet reads a literal keyword value: True, False and None, and integers by whether they are 0. */
    public static Boolean literalBool(String literal) {
        return switch (literal) {
            case "True" -> Boolean.TRUE;
            case "False", "None" -> Boolean.FALSE;
            default -> literal.matches("[0-9]+") ? !literal.matches("0+") : null;
        };
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
