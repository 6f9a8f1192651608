package dev.eventletscan.graph;

import java.util.List;

/**
 * One import statement, as written.
 *
 * @param level leading dots of a relative import; 0 for absolute
 * @param module {@code a.b} in {@code import a.b} or {@code from a.b import c}; empty for {@code from . import c}
 * @param names the members of a from-import ({@code c}); empty for a plain import
 */
public record ImportStatement(int line, int level, String module, List<String> names) {
    public ImportStatement {
        names = List.copyOf(names);
    }
}
