package dev.eventletscan.detect.python;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.modules.PythonModules;
import dev.eventletscan.parse.SyntaxTree;
import java.util.ArrayList;
import java.util.List;

/** Reads the names an import statement binds, for every form Python has. */
final class ImportCollector {
    private ImportCollector() {}

    /** Bindings of an {@code import_statement} or {@code import_from_statement}, relative imports left out. */
    static List<ImportBinding> bindings(SyntaxTree tree, int statement, int scope) {
        return bindings(tree, statement, scope, null);
    }

    /**
     * Bindings of an {@code import_statement} or {@code import_from_statement}, a wildcard as {@code *}.
     *
     * @param file the importing file, whose module relative imports start from; null to leave them out
     */
    static List<ImportBinding> bindings(SyntaxTree tree, int statement, int scope, FileModule file) {
        List<ImportBinding> out = new ArrayList<>();
        if (tree.is(statement, "import_statement")) {
            for (int name : tree.children(statement, "name")) {
                if (tree.is(name, "aliased_import")) {
                    String dotted = dotted(tree, tree.child(name, "name"));
                    out.add(new ImportBinding(tree.text(tree.child(name, "alias")), dotted, dotted, name, scope));
                } else {
                    String dotted = dotted(tree, name);
                    String top = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
                    out.add(new ImportBinding(top, top, dotted, name, scope));
                }
            }
        } else if (tree.is(statement, "import_from_statement")) {
            int module = tree.child(statement, "module_name");
            String from = module == NONE ? null : tree.is(module, "relative_import") ? relative(tree, module, file)
                    : dotted(tree, module);
            if (from == null || from.isEmpty()) {
                return out;
            }
            for (int name : tree.children(statement, "name")) {
                if (tree.is(name, "aliased_import")) {
                    String member = dotted(tree, tree.child(name, "name"));
                    out.add(new ImportBinding(tree.text(tree.child(name, "alias")), from + "." + member,
                            from + "." + member, name, scope));
                } else {
                    String member = dotted(tree, name);
                    out.add(new ImportBinding(member, from + "." + member, from + "." + member, name, scope));
                }
            }
            for (int child : tree.children(statement)) {
                if (tree.is(child, "wildcard_import")) {
                    out.add(new ImportBinding("*", from, from, module, scope));
                }
            }
        }
        return out;
    }

    /** The file a relative import is read in: its module name, and whether it is a package's {@code __init__}. */
    record FileModule(String module, boolean packageInit) {}

    /** The absolute module {@code from ..a.b import c} names in the file, or null when it leaves the file's top-level package. */
    private static String relative(SyntaxTree tree, int relativeImport, FileModule file) {
        if (file == null) {
            return null;
        }
        int level = 0;
        String from = "";
        for (int part : tree.children(relativeImport)) {
            if (tree.is(part, "import_prefix")) {
                level = (int) tree.text(part).chars().filter(c -> c == '.').count();
            } else if (tree.is(part, "dotted_name")) {
                from = dotted(tree, part);
            }
        }
        String resolved = PythonModules.resolve(file.module(), file.packageInit(), level, from);
        // Above the file's own top-level package is a folder of loose modules: its eventlet.py, say, is the
        // project's, not the package. Only a file inside eventlet reaches eventlet relatively.
        String top = file.module().split("\\.")[0];
        return resolved != null && !top.isEmpty() && (resolved.equals(top) || resolved.startsWith(top + ".")) ? resolved : null;
    }

    /** A dotted_name's text without the spaces, line continuations or comments Python allows between its parts. */
    static String dotted(SyntaxTree tree, int node) {
        if (!tree.is(node, "dotted_name")) {
            return tree.text(node).strip();
        }
        StringBuilder sb = new StringBuilder();
        for (int part : tree.children(node)) {
            if (tree.is(part, "identifier")) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(tree.text(part));
            }
        }
        return sb.toString();
    }
}
