package dev.eventletscan.indirect;

import dev.eventletscan.detect.python.MockCalls;
import dev.eventletscan.graph.ImportStatement;
import dev.eventletscan.parse.LogicalTokens.Kind;
import dev.eventletscan.parse.LogicalTokens.Token;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Test doubles that name a facade's eventlet name by its dotted path: {@code mock.patch('proj.run.wsgi.server')}
 * where {@code proj/run.py} does {@code from eventlet import wsgi}. Paths that spell eventlet itself
 * ({@code 'proj.run.eventlet.sleep'}) are the direct pass's; paths naming a wrapper or an object the project made
 * patch the project's own interface, which stays.
 */
final class MockTargets {
    private static final Set<String> MOCK_MODULES = Set.of("mock", "unittest", "fixtures");
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");

    private MockTargets() {}

    /** Whether a file can patch by path: it imports a mock library, or calls nova's {@code stub_out}. */
    static boolean mayPatch(List<ImportStatement> imports, int[] attributes) {
        for (ImportStatement s : imports) {
            if (s.level() == 0 && MOCK_MODULES.contains(s.module().split("\\.")[0])) {
                return true;
            }
        }
        return attributes != null && AttributeNames.mayRead(attributes, "stub_out");
    }

    /** {@code module.name} for every facade name some module offers, the text a mock path must hold. */
    static Set<String> needles(Map<String, Map<String, Target>> targets, Predicate<String> tracked) {
        Set<String> out = new TreeSet<>();
        targets.forEach((module, names) -> names.forEach((name, t) -> {
            if (isMockable(t) && !tracked.test(name)) {
                out.add(module + "." + name);
            }
        }));
        return out;
    }

    private static boolean isMockable(Target t) {
        return !t.isWrapper() && !t.held();
    }

    /** Whether the string token at {@code j} is the first argument of a patch-by-path call. */
    static boolean isMockArgument(List<Token> t, int j) {
        return j >= 2 && t.get(j).kind() == Kind.STRING && t.get(j - 1).is("(") && t.get(j - 2).kind() == Kind.NAME
                && MockCalls.PATCH_BY_PATH.contains(t.get(j - 2).text()) && j + 1 < t.size() && (t.get(j + 1).is(",") || t.get(j + 1).is(")"));
    }

    /**
     * The facade name a mock path names and the attributes after it; null when it names none, or spells a tracked
     * package (the direct pass reads those).
     */
    static Resolved resolve(String literal, ReferenceScanner.Project project, Predicate<String> tracked) {
        String path = plain(literal);
        if (path == null || !DOTTED.matcher(path).matches()) {
            return null;
        }
        String[] parts = path.split("\\.");
        for (String p : parts) {
            if (tracked.test(p)) {
                return null;
            }
        }
        for (int i = parts.length - 1; i >= 1; i--) {
            String module = String.join(".", List.of(parts).subList(0, i));
            Target target = project.targets(module).get(parts[i]);
            if (target != null) {
                return isMockable(target) ? new Resolved(target, List.of(parts).subList(i + 1, parts.length)) : null;
            }
        }
        return null;
    }

    record Resolved(Target target, List<String> suffix) {}

    /**
     * For the object of {@code mock.patch.object(obj, 'attr')} (also {@code fixtures.MockPatchObject}), written as the
     * name chain {@code j..end}, the patched attribute's name; null anywhere else.
     */
    static String patchObjectAttribute(List<Token> t, int j, int end) {
        boolean patchObject = j >= 4 && t.get(j - 1).is("(") && t.get(j - 2).is("object") && t.get(j - 3).is(".") && t.get(j - 4).is("patch");
        boolean fixture = j >= 2 && t.get(j - 1).is("(") && t.get(j - 2).is("MockPatchObject");
        if (!(patchObject || fixture) || end + 3 >= t.size() || !t.get(end + 1).is(",") || !(t.get(end + 3).is(",") || t.get(end + 3).is(")"))) {
            return null;
        }
        String attribute = t.get(end + 2).kind() == Kind.STRING ? plain(t.get(end + 2).text()) : null;
        return attribute != null && attribute.matches("[A-Za-z_][A-Za-z0-9_]*") ? attribute : null;
    }

    /** The text of a plain string literal ({@code 'a.b'}, {@code "a.b"}), or null for prefixed and triple-quoted ones. */
    private static String plain(String literal) {
        if (literal.length() < 2) {
            return null;
        }
        char q = literal.charAt(0);
        if ((q != '\'' && q != '"') || literal.charAt(literal.length() - 1) != q || literal.startsWith("'''") || literal.startsWith("\"\"\"")) {
            return null;
        }
        return literal.substring(1, literal.length() - 1);
    }
}
