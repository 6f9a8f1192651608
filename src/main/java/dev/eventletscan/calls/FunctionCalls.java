package dev.eventletscan.calls;

import java.util.Set;

/**
 * One function (or method) of a file and the names it calls.
 *
 * @param qualifiedName {@code Class.method} or {@code function}, nested functions dotted onto their parent
 * @param method defined in a class body, so callers reach it as {@code obj.m()}, never as a bare {@code m()}
 * @param callees what it calls: {@code f} for a bare {@code f()}, {@code .m} for {@code obj.m()}
 */
public record FunctionCalls(String qualifiedName, boolean method, Set<String> callees) {
    public FunctionCalls {
        // interned: every file's functions are held until the call levels are built, and the same few names
        // (get, .append, LOG.debug's .debug) are called everywhere
        qualifiedName = qualifiedName.intern();
        String[] interned = new String[callees.size()];
        int i = 0;
        for (String c : callees) {
            interned[i++] = c.intern(); // already interned when the extractor made it: then a look-up only
        }
        callees = Set.of(interned); // a set's elements are distinct already

    }

    /** The last part of the qualified name: what callers write. */
    public String simpleName() {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    /** The call spellings that may reach this function: {@code .m} for a method, {@code f} and {@code .f} otherwise. */
    public Set<String> spellings() {
        return method ? Set.of("." + simpleName()) : Set.of(simpleName(), "." + simpleName());
    }
}
