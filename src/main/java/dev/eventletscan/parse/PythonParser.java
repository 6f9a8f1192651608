package dev.eventletscan.parse;

import io.github.treesitter.jtreesitter.InputEncoding;
import io.github.treesitter.jtreesitter.Language;
import io.github.treesitter.jtreesitter.ParseCallback;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.QueryCursor;
import io.github.treesitter.jtreesitter.Tree;
import io.github.treesitter.jtreesitter.internal.TSNode;
import io.github.treesitter.jtreesitter.internal.TSQueryCapture;
import io.github.treesitter.jtreesitter.internal.TSQueryMatch;
import io.github.treesitter.jtreesitter.internal.TreeSitter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One tree-sitter parser for Python. Not thread-safe: the pipeline gives each
 * worker thread its own. Each parse copies the named nodes into a
 * {@link SyntaxTree} and closes the native tree before returning.
 */
public final class PythonParser implements AutoCloseable {
    /** tree-sitter's {@code ts_builtin_sym_error}. */
    private static final int ERROR_SYMBOL = 0xFFFF;
    /** The native copy's nodes come to the heap this many at a time, so a huge tree needs no huge array. */
    private static final int CHUNK_NODES = 4096;

    private final Language language;
    private final Parser parser;
    private final String[] typeNames;
    private final boolean[] named;
    private final String[] fieldNames;
    /** Null when the tree is walked from Java: the native copy is missing, or a test compares the two. */
    private final TreeFlattener flattener;
    /** Null when jtreesitter parses under the time limit: the native parse is missing, or a test compares the two. */
    private final NativeParse nativeParse;
    private final int[] chunk = new int[CHUNK_NODES * TreeFlattener.INTS_PER_NODE];
    private long timeLimitNanos;

    public PythonParser() {
        this(false, false);
    }

    /**
     * @param javaWalk copy each tree with the Java walk even where the native copy is there
     * @param callbackParse parse under the time limit through jtreesitter's callbacks even where the native parse is there
     */
    PythonParser(boolean javaWalk, boolean callbackParse) {
        this.language = PythonGrammar.language();
        this.parser = new Parser(language);
        int symbols = language.getSymbolCount();
        this.typeNames = new String[symbols];
        this.named = new boolean[symbols];
        for (int s = 0; s < symbols; s++) {
            String name = language.getSymbolName((short) s);
            typeNames[s] = name == null ? "" : name.intern();
            named[s] = language.isNamed((short) s);
        }
        int fieldCount = language.getFieldCount();
        this.fieldNames = new String[fieldCount + 1];
        for (int f = 1; f <= fieldCount; f++) {
            String name = language.getFieldNameForId((short) f);
            fieldNames[f] = name == null ? null : name.intern();
        }
        this.flattener = !javaWalk && TreeFlattener.available() ? new TreeFlattener(named) : null;
        this.nativeParse = !callbackParse && NativeParse.available() ? new NativeParse(parser) : null;
    }

    public SyntaxTree parse(SourceText source) {
        return parse(source, List.of());
    }

    /** Parses and, while the native tree is alive, runs the queries; their hits travel with the tree. */
    public SyntaxTree parse(SourceText source, List<SyntaxQuery> queries) {
        boolean textNeeded = queries.stream().anyMatch(SyntaxQuery::needsText);
        Tree tree = (timeLimitNanos > 0 ? parseWithin(source, textNeeded) : parser.parse(source.text()))
                .orElseThrow(() -> new IllegalStateException("tree-sitter returned no tree"));
        try (tree) {
            boolean hasErrors = tree.getRootNode().hasError();
            MemorySegment nativeTree = NativeTree.of(tree);
            SyntaxTree copy = flattener != null ? copyFlat(source, hasErrors, nativeTree) : copy(source, hasErrors, nativeTree);
            if (!queries.isEmpty()) {
                // a tree parsed under the time limit holds no text unless a query needed it
                copy.setQueryHits(runQueries(tree, source, queries, timeLimitNanos > 0 && !textNeeded));
            }
            return copy;
        }
    }

    /**
     * Gives each parse at most this long; a pathological file then costs a bounded time and is reported
     * ({@link ParseTimeoutException}) instead of holding the scan. Zero or negative: no limit.
     */
    public void setTimeLimit(Duration limit) {
        this.timeLimitNanos = limit.toNanos();
    }

    /**
     * The parse with tree-sitter's progress callback watching the clock; the text goes in as one chunk. A tree
     * parsed from a callback (ours in C, or jtreesitter's) carries no text, so jtreesitter checks no query predicates
     * on it: {@link SyntaxQuery} checks {@code #eq?}, {@code #match?} and {@code #any-of?} itself. Only a query with
     * another predicate needs the finished tree given back to the parser with the text (tree-sitter then reuses every
     * node, which still costs about a fifth of the first parse).
     */
    private Optional<Tree> parseWithin(SourceText source, boolean textNeeded) {
        Optional<Tree> bare = nativeParse != null
                ? nativeParse.parse(source.utf8(), timeLimitNanos).map(tree -> NativeTree.wrap(tree, language))
                : parseFromCallback(source);
        if (bare.isEmpty()) {
            parser.reset(); // a halted parse would otherwise resume on the next file
            throw new ParseTimeoutException(Duration.ofNanos(timeLimitNanos));
        }
        if (!textNeeded) {
            return bare;
        }
        try (Tree old = bare.get()) {
            return parser.parse(source.text(), InputEncoding.UTF_8, old);
        }
    }

    /** jtreesitter's time-limited parse: where the libraries lack ours, it costs upcalls instead ({@link NativeParse}). */
    private Optional<Tree> parseFromCallback(SourceText source) {
        long deadline = System.nanoTime() + timeLimitNanos;
        String text = source.text();
        byte[] utf8 = source.utf8();
        ParseCallback input = (offset, point) -> offset == 0 ? text
                : offset >= utf8.length ? "" : new String(utf8, offset, utf8.length - offset, StandardCharsets.UTF_8);
        return parser.parse(input, InputEncoding.UTF_8, new Parser.Options(state -> System.nanoTime() > deadline));
    }

    private static List<QueryHit> runQueries(Tree tree, SourceText source, List<SyntaxQuery> queries, boolean ownPredicates) {
        List<QueryHit> hits = new ArrayList<>();
        MatchCaptures.Text text = source::slice;
        for (SyntaxQuery q : queries) {
            List<String> names = q.query().getCaptureNames();
            if (ownPredicates && NativeTree.queryReachable()) {
                nativeMatches(NativeTree.of(tree), q, new MatchCaptures(names), m -> {
                    if (q.accepts(m, text)) {
                        addHits(q, m, text, hits);
                    }
                });
                continue;
            }
            try (QueryCursor cursor = new QueryCursor(q.query())) {
                // jtreesitter checked the predicates if the tree holds its text; ours when it does not
                cursor.findMatches(tree.getRootNode()).map(m -> MatchCaptures.of(m, names))
                        .filter(m -> !ownPredicates || q.accepts(m, text))
                        .forEach(m -> addHits(q, m, text, hits));
            }
        }
        return hits;
    }

    private static void addHits(SyntaxQuery q, MatchCaptures m, MatchCaptures.Text text, List<QueryHit> hits) {
        String symbol = null;
        for (int i = 0; i < m.size() && symbol == null; i++) {
            if (m.named(i, SyntaxQuery.SYMBOL_CAPTURE)) {
                symbol = m.text(i, text);
            }
        }
        for (int i = 0; i < m.size(); i++) {
            if (m.named(i, SyntaxQuery.MATCH_CAPTURE)) {
                hits.add(new QueryHit(q.keyOf(m.pattern()), m.start(i), m.end(i), symbol));
            }
        }
    }

    /**
     * tree-sitter's matches read straight from its structs into one reused {@link MatchCaptures}: no jtreesitter
     * {@code Node} (and automatic arena) per capture.
     */
    private static final long NODE_OFFSET = TSQueryCapture.node$offset() + TSNode.context$offset();
    private static final long NODE_SIZE = TSNode.layout().byteSize();
    private static final long INDEX_OFFSET = TSQueryCapture.index$offset();

    private static void nativeMatches(MemorySegment tree, SyntaxQuery q, MatchCaptures captures,
            Consumer<MatchCaptures> each) {
        long captureSize = TSQueryCapture.layout().byteSize();
        MemorySegment cursor = TreeSitter.ts_query_cursor_new();
        try (Arena arena = Arena.ofConfined()) {
            TreeSitter.ts_query_cursor_exec(cursor, NativeTree.of(q.query()), TreeSitter.ts_tree_root_node(arena, tree));
            MemorySegment match = arena.allocate(TSQueryMatch.layout());
            while (TreeSitter.ts_query_cursor_next_match(cursor, match)) {
                int count = Short.toUnsignedInt(TSQueryMatch.capture_count(match));
                MemorySegment all = TSQueryMatch.captures(match).reinterpret(count * captureSize);
                captures.reset(Short.toUnsignedInt(TSQueryMatch.pattern_index(match)));
                for (int i = 0; i < count; i++) {
                    // a TSNode's first context word is its start byte (ts_node_start_byte returns it): read in place,
                    // and the node sliced once, for the end byte, which only tree-sitter can work out
                    long at = i * captureSize;
                    MemorySegment node = all.asSlice(at + NODE_OFFSET, NODE_SIZE);
                    captures.add(all.get(ValueLayout.JAVA_INT, at + INDEX_OFFSET), all.get(ValueLayout.JAVA_INT, at + NODE_OFFSET),
                            TreeSitter.ts_node_end_byte(node));
                }
                each.accept(captures);
            }
        } finally {
            TreeSitter.ts_query_cursor_delete(cursor);
        }
    }

    /** The copy in one native call ({@link TreeFlattener}); it keeps what {@link #copy} keeps. */
    private SyntaxTree copyFlat(SourceText source, boolean hasErrors, MemorySegment nativeTree) {
        MemorySegment nodes = flattener.flatten(nativeTree, hasErrors);
        int count = (int) (nodes.byteSize() / TreeFlattener.BYTES_PER_NODE);
        var b = new SyntaxTree.Builder(count);
        b.errorCount = flattener.errorCount();
        for (int first = 0; first < count; first += CHUNK_NODES) {
            int ints = Math.min(CHUNK_NODES, count - first) * TreeFlattener.INTS_PER_NODE;
            MemorySegment.copy(nodes, ValueLayout.JAVA_INT, first * TreeFlattener.BYTES_PER_NODE, chunk, 0, ints);
            for (int i = 0; i < ints; i += TreeFlattener.INTS_PER_NODE) {
                b.add(typeName(chunk[i]), fieldName(chunk[i + 1]), chunk[i + 2], chunk[i + 3], chunk[i + 4]);
            }
        }
        return new SyntaxTree(source, b);
    }

    /**
     * Walks the tree with tree-sitter's own cursor, keeping the named nodes: no Java object per node. One downcall
     * per node: the fallback when the native copy is missing.
     */
    private SyntaxTree copy(SourceText source, boolean hasErrors, MemorySegment nativeTree) {
        var b = new SyntaxTree.Builder();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cursor = TreeSitter.ts_tree_cursor_new(arena, TreeSitter.ts_tree_root_node(arena, nativeTree));
            SegmentAllocator slot = SegmentAllocator.prefixAllocator(arena.allocate(TSNode.layout()));
            try {
                int[] recorded = new int[64];
                int depth = 0;
                while (true) {
                    MemorySegment node = TreeSitter.ts_tree_cursor_current_node(slot, cursor);
                    int symbol = Short.toUnsignedInt(TreeSitter.ts_node_symbol(node));
                    boolean isError = symbol == ERROR_SYMBOL;
                    int parent = depth == 0 ? SyntaxTree.NONE : recorded[depth - 1];
                    int self = parent;
                    if (isError || (symbol < named.length && named[symbol])) {
                        short field = TreeSitter.ts_tree_cursor_current_field_id(cursor);
                        self = b.add(typeName(symbol), fieldName(field),
                                TreeSitter.ts_node_start_byte(node), TreeSitter.ts_node_end_byte(node), parent);
                        if (isError) {
                            b.errorCount++;
                        }
                    }
                    if (hasErrors && !isError && TreeSitter.ts_node_is_missing(node)) {
                        b.errorCount++;
                    }
                    if (depth + 1 >= recorded.length) {
                        recorded = Arrays.copyOf(recorded, recorded.length * 2);
                    }
                    recorded[depth] = self;
                    if (TreeSitter.ts_tree_cursor_goto_first_child(cursor)) {
                        depth++;
                        continue;
                    }
                    while (!TreeSitter.ts_tree_cursor_goto_next_sibling(cursor)) {
                        if (!TreeSitter.ts_tree_cursor_goto_parent(cursor)) {
                            return new SyntaxTree(source, b);
                        }
                        depth--;
                    }
                }
            } finally {
                TreeSitter.ts_tree_cursor_delete(cursor);
            }
        }
    }

    private String typeName(int symbol) {
        return symbol == ERROR_SYMBOL ? "ERROR" : typeNames[symbol];
    }

    private String fieldName(int field) {
        return field > 0 && field < fieldNames.length ? fieldNames[field] : null;
    }

    @Override
    public void close() {
        parser.close();
    }
}
