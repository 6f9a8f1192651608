package dev.eventletscan.parse;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@code eventlet_scan_flatten} (src/main/native/tree_flatten.c): copies the nodes {@link PythonParser} keeps
 * into a native int buffer in one downcall, where walking the tree from Java takes one per node. Our build compiles
 * it into the core library; libraries a user brings ({@value NativeLibraries#DIR_ENV}) lack it, and then the
 * parser walks the tree from Java. The symbol is looked up once per process; each parser has its own instance,
 * whose buffer it reuses, so an instance belongs to one thread.
 */
final class TreeFlattener {
    private static final String SYMBOL = "eventlet_scan_flatten";
    /** Per node: symbol, field id (0: none), start byte, end byte, parent index ({@link SyntaxTree#NONE}). */
    static final int INTS_PER_NODE = 5;
    static final long BYTES_PER_NODE = INTS_PER_NODE * JAVA_INT.byteSize();
    /** More than most files keep (a few thousand nodes): a parser seldom grows its buffer. */
    private static final long INITIAL_NODES = 8192;
    /** A larger buffer (5 MB) serves one tree and is dropped, not held by the parser for the rest of the scan. */
    static final long RETAINED_NODES = 1 << 18;

    private static final MethodHandle FLATTEN = NativeLibraries.ownFunction(SYMBOL,
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));

    // Automatic arenas: a parser is closed by whichever thread ends the scan, and a replaced buffer is freed by GC.
    private final MemorySegment keep;
    private final MemorySegment errorCount;
    private MemorySegment buffer;

    /** @param keep per grammar symbol, whether its nodes are kept (ERROR nodes always are) */
    TreeFlattener(boolean[] keep) {
        Arena arena = Arena.ofAuto();
        this.keep = arena.allocate(keep.length);
        for (int s = 0; s < keep.length; s++) {
            this.keep.set(JAVA_BYTE, s, keep[s] ? (byte) 1 : 0);
        }
        this.errorCount = arena.allocate(JAVA_INT);
        this.buffer = arena.allocate(INITIAL_NODES * BYTES_PER_NODE, JAVA_INT.byteAlignment());
    }

    static boolean available() {
        return FLATTEN != null;
    }

    /**
     * The tree's kept nodes in pre-order, {@link #INTS_PER_NODE} ints each; valid until the next call.
     *
     * @param countMissing whether {@link #errorCount()} counts MISSING nodes as well as ERROR nodes
     */
    MemorySegment flatten(MemorySegment tree, boolean countMissing) {
        int count = call(tree, countMissing, buffer);
        if (count > buffer.byteSize() / BYTES_PER_NODE) {
            long nodes = count > RETAINED_NODES ? count
                    : Math.max(count, Math.min(RETAINED_NODES, 2 * buffer.byteSize() / BYTES_PER_NODE));
            MemorySegment room = Arena.ofAuto().allocate(nodes * BYTES_PER_NODE, JAVA_INT.byteAlignment());
            if (nodes <= RETAINED_NODES) {
                buffer = room;
            }
            call(tree, countMissing, room);
            return room.asSlice(0, count * BYTES_PER_NODE);
        }
        return buffer.asSlice(0, count * BYTES_PER_NODE);
    }

    /** The last tree's ERROR nodes, and its MISSING nodes if they were asked for. */
    int errorCount() {
        return errorCount.get(JAVA_INT, 0);
    }

    private int call(MemorySegment tree, boolean countMissing, MemorySegment out) {
        int count;
        try {
            count = (int) FLATTEN.invokeExact(tree, keep, (int) keep.byteSize(), countMissing ? 1 : 0, out,
                    (int) (out.byteSize() / BYTES_PER_NODE), errorCount);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the native tree copy failed", e);
        }
        if (count < 0) {
            throw new OutOfMemoryError("native memory ran out while copying a syntax tree");
        }
        return count;
    }
}
