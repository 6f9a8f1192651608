package dev.eventletscan.detect.python;

import static dev.eventletscan.parse.SyntaxTree.NONE;

import dev.eventletscan.parse.SyntaxTree;
import java.util.ArrayList;
import java.util.List;

/** Reads the names an import statement binds, for every form Python has. */
final class ImportCollector {
    private ImportCollector() {}

    /** Bindings of an {@code import_statement} or {@code import_from_statement}; relative and wildcard imports bind nothing we can name. */
    static List<ImportBinding> bindings(SyntaxTree tree, int statement, int scope) {
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
            if (module == NONE || tree.is(module, "relative_import")) {
                return out;
            }
            String from = dotted(tree, module);
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
