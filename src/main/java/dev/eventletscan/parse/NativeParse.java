package dev.eventletscan.parse;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.github.treesitter.jtreesitter.Parser;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * {@code eventlet_scan_parse} (src/main/native/tree_parse.c): a time-limited parse whose read and progress callbacks
 * are C. jtreesitter's {@link Parser#parse(io.github.treesitter.jtreesitter.ParseCallback,
 * io.github.treesitter.jtreesitter.InputEncoding, Parser.Options)} makes two upcall stubs and a re-encoded native copy
 * of the text for every file, all held in the parser's arena until it is closed, and tree-sitter calls into Java
 * every hundred parse operations to ask whether to stop. Libraries a user brings ({@value NativeLibraries#DIR_ENV})
 * lack the function, and then the parser keeps jtreesitter's way. Each instance belongs to one {@link Parser}, and so
 * to one thread: it reuses its text buffer.
 */
final class NativeParse {
    private static final MethodHandle PARSE = NativeLibraries.ownFunction("eventlet_scan_parse",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG));
    /** Most source files are smaller: a parser seldom grows its buffer. */
    private static final long INITIAL_BYTES = 256 * 1024;
    /** A larger buffer serves one file and is dropped, not held by the parser for the rest of the scan. */
    static final int RETAINED_BYTES = 4 * 1024 * 1024;

    private final MemorySegment parser;
    // Automatic arenas: a parser is closed by whichever thread ends the scan, and a replaced buffer is freed by GC.
    private MemorySegment buffer = Arena.ofAuto().allocate(INITIAL_BYTES);

    NativeParse(Parser parser) {
        this.parser = NativeTree.of(parser);
    }

    static boolean available() {
        return PARSE != null && NativeTree.parserReachable();
    }

    /**
     * The native tree of {@code utf8}, or empty if the parse ran past {@code timeLimitNanos} (zero: no limit); the
     * caller then resets the parser. The caller owns the tree.
     */
    Optional<MemorySegment> parse(byte[] utf8, long timeLimitNanos) {
        MemorySegment text = buffer.byteSize() >= utf8.length ? buffer : grow(utf8.length);
        MemorySegment.copy(utf8, 0, text, JAVA_BYTE, 0, utf8.length);
        MemorySegment tree;
        try {
            tree = (MemorySegment) PARSE.invokeExact(parser, text, utf8.length, Math.max(0, timeLimitNanos));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("the native parse failed", e);
        }
        return tree.equals(MemorySegment.NULL) ? Optional.empty() : Optional.of(tree);
    }

    private MemorySegment grow(int bytes) {
        long size = Math.max(bytes, Math.min(RETAINED_BYTES, 2 * buffer.byteSize()));
        MemorySegment room = Arena.ofAuto().allocate(size);
        if (size <= RETAINED_BYTES) {
            buffer = room;
        }
        return room;
    }
}
