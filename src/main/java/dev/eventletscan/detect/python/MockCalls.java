package dev.eventletscan.detect.python;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.parse.SyntaxTree;
import java.util.Set;

/**
 * Test doubles that name what they replace: {@code mock.patch('eventlet.sleep')},
 * {@code fixtures.MockPatch(...)}, nova's {@code stub_out(...)}, and
 * {@code mock.patch.object(eventlet, 'spawn')}.
 */
public final class MockCalls {
    /** Calls whose first argument is the dotted path of what they patch. */
    public static final Set<String> PATCH_BY_PATH = Set.of("patch", "MockPatch", "MonkeyPatch", "stub_out", "multiple");

    private MockCalls() {}

    /** Whether a string literal is the first argument of a patch-by-path call. */
    static boolean isMockTarget(SyntaxTree tree, int string) {
        int call = callOfFirstArgument(tree, string);
        if (call == NONE) {
            return false;
        }
        // null when the callee is no name, as in (factory())('eventlet.sleep'); Set.of rejects null lookups
        String name = DynamicImports.lastName(tree, tree.child(call, "function"));
        return name != null && PATCH_BY_PATH.contains(name);
    }

    /**
     * For the object of {@code patch.object(obj, 'attr')} (also {@code fixtures.MockPatchObject}),
     * the patched attribute's name; null anywhere else.
     */
    static String patchObjectAttribute(SyntaxTree tree, int site) {
        int call = callOfFirstArgument(tree, site);
        if (call == NONE || !isPatchObject(tree, tree.child(call, "function"))) {
            return null;
        }
        int second = CallArguments.positional(tree, call, 1);
        String attribute = second == NONE ? null : StringLiterals.plainContent(tree, second);
        return attribute != null && attribute.matches("[A-Za-z_][A-Za-z0-9_]*") ? attribute : null;
    }

    private static boolean isPatchObject(SyntaxTree tree, int function) {
        String last = DynamicImports.lastName(tree, function);
        if ("MockPatchObject".equals(last)) {
            return true;
        }
        if (!"object".equals(last) || !tree.is(function, "attribute")) {
            return false;
        }
        return "patch".equals(DynamicImports.lastName(tree, tree.child(function, "object")));
    }

    /** The call a node is the first positional argument of, or NONE. */
    private static int callOfFirstArgument(SyntaxTree tree, int node) {
        int args = tree.parent(node);
        if (!tree.is(args, "argument_list")) {
            return NONE;
        }
        int call = tree.parent(args);
        return tree.is(call, "call") && CallArguments.positional(tree, call, 0) == node ? call : NONE;
    }
}
