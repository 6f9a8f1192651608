package dev.eventletscan.parse;

import io.github.treesitter.jtreesitter.Tree;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The native {@code TSTree} behind a jtreesitter {@link Tree}, for walking it with tree-sitter's own cursor
 * functions. jtreesitter wraps every node it hands out in a {@code Node} that opens an automatic arena, and
 * with it a cleaner registration: copying a tree of eight million nodes made eight million arenas, 120 MB of
 * cleaner records and a busy cleaner thread. jtreesitter keeps the pointer package-private, so it is read
 * through a private lookup, which the class path allows (jtreesitter is pinned in the build, and
 * {@code PythonParserTest} fails first if a new version moves it).
 */
final class NativeTree {
    private static final MethodHandle SEGMENT = find();

    private NativeTree() {}

    private static MethodHandle find() {
        try {
            return MethodHandles.privateLookupIn(Tree.class, MethodHandles.lookup())
                    .findVirtual(Tree.class, "segment", MethodType.methodType(MemorySegment.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static MemorySegment of(Tree tree) {
        try {
            return (MemorySegment) SEGMENT.invokeExact(tree);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot reach the native tree of jtreesitter's Tree (another jtreesitter version?)", e);
        }
    }
}
