package dev.eventletscan.graph;

import java.util.List;

/**
 * One import statement, as written.
 *
 * @param level leading dots of a relative import; 0 for absolute
 * @param module {@code a.b} in {@code import a.b} or {@code from a.b import c}; empty for {@code from . import c}
 * @param names the members of a from-import ({@code c}); empty for a plain import
 * @param aliases for a from-import, the name each member is bound to ({@code d} in {@code from a import c as d}, else
 *     the member's own name); for a plain import, one element: the alias of {@code import a.b as x}, or empty when
 *     the statement binds the top-level name
 * @param indent the statement's indentation: 0 at module level
 */
public record ImportStatement(int line, int level, String module, List<String> names, List<String> aliases, int indent) {
    /** A plain import's aliases when it binds the top-level name: the same list for every such import. */
    private static final List<String> NO_ALIAS = List.of("");

    public ImportStatement {
        // Names interned, and a from-import's aliases the same list as its names when nothing is renamed: every
        // file's imports stay in memory for the whole scan, and 200,000 files repeat the same few names.
        module = module.intern();
        names = interned(names);
        aliases = aliases.equals(names) ? names : aliases.equals(NO_ALIAS) ? NO_ALIAS : interned(aliases);
    }

    private static List<String> interned(List<String> names) {
        String[] out = new String[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = names.get(i).intern(); // a loop, not a stream: made for every import of every file
        }
        return List.of(out);
    }

    public ImportStatement(int line, int level, String module, List<String> names) {
        this(line, level, module, names, names.isEmpty() ? List.of("") : names, 0);
    }

    /** The module a plain import binds, by its local name: {@code a} for {@code import a.b}, {@code x} for {@code import a.b as x}. */
    public String boundName() {
        String alias = aliases.isEmpty() ? "" : aliases.getFirst();
        return !alias.isEmpty() ? alias : module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
    }
}
