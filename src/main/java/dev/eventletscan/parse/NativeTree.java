package dev.eventletscan.parse;

import io.github.treesitter.jtreesitter.Language;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Query;
import io.github.treesitter.jtreesitter.Tree;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.Charset;

/**
 * The native handles behind jtreesitter's {@link Tree} and {@link Parser}, and a {@link Tree} around a tree our own
 * C code parsed. jtreesitter wraps every node it hands out in a {@code Node} that opens an automatic arena, and
 * with it a cleaner registration: copying a tree of eight million nodes made eight million arenas, 120 MB of
 * cleaner records and a busy cleaner thread; and its time-limited parse costs two upcall stubs per file (see
 * {@link NativeParse}). jtreesitter keeps these handles package-private, so they are reached through a private
 * lookup, which the class path allows (jtreesitter is pinned in the build, and {@code PythonParserTest} fails
 * first if a new version moves them).
 */
final class NativeTree {
    private static final MethodHandle SEGMENT = find(lookup -> lookup.findVirtual(Tree.class, "segment",
            MethodType.methodType(MemorySegment.class)));
    private static final MethodHandle QUERY = find(lookup -> lookup.findVirtual(Query.class, "segment",
            MethodType.methodType(MemorySegment.class)));
    private static final MethodHandle PARSER = find(lookup -> lookup.findGetter(Parser.class, "self", MemorySegment.class));
    private static final MethodHandle WRAP = find(lookup -> lookup.findConstructor(Tree.class,
            MethodType.methodType(void.class, MemorySegment.class, Language.class, String.class, Charset.class)));

    private interface Find {
        MethodHandle in(MethodHandles.Lookup lookup) throws ReflectiveOperationException;
    }

    private NativeTree() {}

    private static MethodHandle find(Find find) {
        try {
            return find.in(MethodHandles.privateLookupIn(Tree.class, MethodHandles.lookup()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@link #of(Parser)} and {@link #wrap} work with this jtreesitter. */
    static boolean parserReachable() {
        return PARSER != null && WRAP != null;
    }

    static MemorySegment of(Tree tree) {
        try {
            return (MemorySegment) SEGMENT.invokeExact(tree);
        } catch (Throwable e) {
            throw unreachable(e);
        }
    }

    /** Whether {@link #of(Query)} works with this jtreesitter. */
    static boolean queryReachable() {
        return QUERY != null;
    }

    /** The query's {@code TSQuery}, which lives as long as the query. */
    static MemorySegment of(Query query) {
        try {
            return (MemorySegment) QUERY.invokeExact(query);
        } catch (Throwable e) {
            throw unreachable(e);
        }
    }

    /** The parser's {@code TSParser}, which lives as long as the parser. */
    static MemorySegment of(Parser parser) {
        try {
            return (MemorySegment) PARSER.invokeExact(parser);
        } catch (Throwable e) {
            throw unreachable(e);
        }
    }

    /**
     * A tree without text, as jtreesitter's parse from a callback gives, that owns {@code tree}: closing it deletes
     * the native tree.
     */
    static Tree wrap(MemorySegment tree, Language language) {
        try {
            return (Tree) WRAP.invokeExact(tree, language, (String) null, (Charset) null);
        } catch (Throwable e) {
            throw unreachable(e);
        }
    }

    private static IllegalStateException unreachable(Throwable e) {
        return new IllegalStateException("cannot reach jtreesitter's native handles (another jtreesitter version?)", e);
    }
}
