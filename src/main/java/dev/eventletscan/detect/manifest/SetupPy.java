package dev.eventletscan.detect.manifest;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.detect.EntryPoint;
import dev.eventletscan.parse.SyntaxTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The literal lists a setup.py passes to {@code setup(...)}: install_requires,
 * extras_require, tests_require, setup_requires, entry_points. Read from the
 * syntax tree, never executed; names computed at run time are not followed.
 */
public final class SetupPy {
    private static final Set<String> REQUIREMENT_KEYWORDS = Set.of("install_requires", "tests_require", "setup_requires");

    private SetupPy() {}

    public static boolean isSetupPy(String relativePath) {
        return relativePath.equals("setup.py") || relativePath.endsWith("/setup.py");
    }

    public static Manifest read(String path, SyntaxTree tree) {
        List<DeclaredDependency> deps = new ArrayList<>();
        List<EntryPoint> entryPoints = new ArrayList<>();
        for (int n = 0; n < tree.size(); n++) {
            if (!tree.is(n, "keyword_argument")) {
                continue;
            }
            String key = tree.text(tree.child(n, "name"));
            int value = tree.child(n, "value");
            if (REQUIREMENT_KEYWORDS.contains(key)) {
                strings(tree, value, s -> addDependency(deps, tree, s, key));
            } else if (key.equals("extras_require") && tree.is(value, "dictionary")) {
                for (int pair : tree.children(value)) {
                    if (tree.is(pair, "pair")) {
                        String extra = literal(tree, tree.child(pair, "key"));
                        strings(tree, tree.child(pair, "value"), s -> addDependency(deps, tree, s, "extras_require[" + extra + "]"));
                    }
                }
            } else if (key.equals("entry_points") && tree.is(value, "dictionary")) {
                for (int pair : tree.children(value)) {
                    if (tree.is(pair, "pair")) {
                        String group = literal(tree, tree.child(pair, "key"));
                        strings(tree, tree.child(pair, "value"), s -> {
                            String text = literal(tree, s);
                            int eq = text == null ? -1 : text.indexOf('=');
                            if (group != null && eq > 0) {
                                Manifests.addEntryPoint(entryPoints, group, text.substring(0, eq), text.substring(eq + 1), path);
                            }
                        });
                    }
                }
            }
        }
        return new Manifest(deps, entryPoints);
    }

    private static void addDependency(List<DeclaredDependency> out, SyntaxTree tree, int string, String declaredAs) {
        String text = literal(tree, string);
        String name = text == null ? null : Requirement.name(text);
        if (name != null) {
            out.add(new DeclaredDependency(name, text.strip(), declaredAs, tree.startByte(string) + 1, tree.endByte(string) - 1));
        }
    }

    /** Each string literal of a list, tuple or set (or a single string). */
    private static void strings(SyntaxTree tree, int node, IntConsumer each) {
        if (node == NONE) {
            return;
        }
        switch (tree.type(node)) {
            case "string" -> each.accept(node);
            case "list", "tuple", "set", "parenthesized_expression" -> {
                for (int c : tree.children(node)) {
                    strings(tree, c, each);
                }
            }
            default -> { }
        }
    }

    private static String literal(SyntaxTree tree, int string) {
        if (!tree.is(string, "string")) {
            return null;
        }
        String text = tree.text(string);
        int quote = Math.max(text.indexOf('\''), text.indexOf('"')) < 0 ? -1 : firstQuote(text);
        if (quote < 0) {
            return null;
        }
        String q = text.startsWith("\"\"\"", quote) || text.startsWith("'''", quote) ? text.substring(quote, quote + 3) : text.substring(quote, quote + 1);
        return text.length() >= quote + 2 * q.length() ? text.substring(quote + q.length(), text.length() - q.length()) : null;
    }

    private static int firstQuote(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\'' || text.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }
}
