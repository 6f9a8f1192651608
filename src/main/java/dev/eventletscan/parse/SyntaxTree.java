package dev.eventletscan.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The named nodes of one parsed file, copied out of tree-sitter into plain
 * arrays. Detectors walk this instead of the native tree, so they never cross
 * into native code, need no closing, and can be tested on any thread. A node
 * is an int index; index 0 is the module. {@link #NONE} means "no such node".
 */
public final class SyntaxTree {
    public static final int NONE = -1;

    private final SourceText source;
    private final String[] types;
    private final String[] fields;
    private final int[] starts;
    private final int[] ends;
    private final int[] parents;
    private final int[] firstChildren;
    private final int[] nextSiblings;
    private final int size;
    private final int errorCount;
    private List<QueryHit> queryHits = List.of();

    SyntaxTree(SourceText source, Builder b) {
        this.source = source;
        this.size = b.size;
        this.types = b.types;
        this.fields = b.fields;
        this.starts = b.starts;
        this.ends = b.ends;
        this.parents = b.parents;
        this.firstChildren = b.firstChildren;
        this.nextSiblings = b.nextSiblings;
        this.errorCount = b.errorCount;
    }

    public SourceText source() {
        return source;
    }

    public int size() {
        return size;
    }

    /** ERROR and MISSING nodes tree-sitter inserted to recover from syntax errors. */
    public int errorCount() {
        return errorCount;
    }

    /** What the rules' tree-sitter queries matched in this file, in query then document order. */
    public List<QueryHit> queryHits() {
        return queryHits;
    }

    void setQueryHits(List<QueryHit> hits) {
        this.queryHits = List.copyOf(hits);
    }

    /** The innermost node spanning exactly these bytes, else the innermost one containing them. */
    public int nodeAt(int startByte, int endByte) {
        int best = 0;
        for (int n = 0; n < size; n++) {
            if (starts[n] <= startByte && ends[n] >= endByte) {
                best = n; // pre-order: later containing nodes are deeper
                if (starts[n] == startByte && ends[n] == endByte && firstChildren[n] == NONE) {
                    return n;
                }
            }
        }
        return best;
    }

    public String type(int node) {
        return types[node];
    }

    public boolean is(int node, String type) {
        if (node == NONE) {
            return false;
        }
        // The detectors ask this millions of times, mostly with a different type. Type names are interned, as are
        // the literals they are asked with, and a String keeps its hash: C1, which compiles a scan, has no
        // intrinsic for String.equals, and comparing the characters was a quarter of the detectors' time.
        String t = types[node];
        return t == type || t.hashCode() == type.hashCode() && t.equals(type);
    }

    /** The field name under which this node hangs from its parent, or null. */
    public String field(int node) {
        return fields[node];
    }

    public int parent(int node) {
        return parents[node];
    }

    public int firstChild(int node) {
        return firstChildren[node];
    }

    public int nextSibling(int node) {
        return nextSiblings[node];
    }

    public int startByte(int node) {
        return starts[node];
    }

    public int endByte(int node) {
        return ends[node];
    }

    public String text(int node) {
        return source.slice(starts[node], ends[node]);
    }

    public List<Integer> children(int node) {
        List<Integer> out = new ArrayList<>();
        for (int c = firstChildren[node]; c != NONE; c = nextSiblings[c]) {
            out.add(c);
        }
        return out;
    }

    public int child(int node, String field) {
        for (int c = firstChildren[node]; c != NONE; c = nextSiblings[c]) {
            if (field.equals(fields[c])) {
                return c;
            }
        }
        return NONE;
    }

    public List<Integer> children(int node, String field) {
        List<Integer> out = new ArrayList<>();
        for (int c = firstChildren[node]; c != NONE; c = nextSiblings[c]) {
            if (field.equals(fields[c])) {
                out.add(c);
            }
        }
        return out;
    }

    /** The nearest proper ancestor of one of the given types, or NONE. */
    public int ancestor(int node, String... anyType) {
        for (int p = parents[node]; p != NONE; p = parents[p]) {
            for (String t : anyType) {
                if (types[p].equals(t)) {
                    return p;
                }
            }
        }
        return NONE;
    }

    /** Accumulates nodes in document (pre-)order while the native tree is walked. */
    static final class Builder {
        int size;
        int errorCount;
        String[] types;
        String[] fields;
        int[] starts;
        int[] ends;
        int[] parents;
        int[] firstChildren;
        int[] nextSiblings;
        private int[] lastChildren;

        Builder() {
            this(256);
        }

        /** @param capacity the nodes expected, when known: the arrays then never grow */
        Builder(int capacity) {
            int cap = Math.max(1, capacity);
            types = new String[cap];
            fields = new String[cap];
            starts = new int[cap];
            ends = new int[cap];
            parents = new int[cap];
            firstChildren = new int[cap];
            nextSiblings = new int[cap];
            lastChildren = new int[cap];
        }

        int add(String type, String field, int start, int end, int parent) {
            if (size == types.length) {
                grow();
            }
            int n = size++;
            types[n] = type;
            fields[n] = field;
            starts[n] = start;
            ends[n] = end;
            parents[n] = parent;
            firstChildren[n] = NONE;
            nextSiblings[n] = NONE;
            lastChildren[n] = NONE;
            if (parent != NONE) {
                if (lastChildren[parent] == NONE) {
                    firstChildren[parent] = n;
                } else {
                    nextSiblings[lastChildren[parent]] = n;
                }
                lastChildren[parent] = n;
            }
            return n;
        }

        private void grow() {
            int cap = types.length * 2;
            types = Arrays.copyOf(types, cap);
            fields = Arrays.copyOf(fields, cap);
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
            parents = Arrays.copyOf(parents, cap);
            firstChildren = Arrays.copyOf(firstChildren, cap);
            nextSiblings = Arrays.copyOf(nextSiblings, cap);
            lastChildren = Arrays.copyOf(lastChildren, cap);
        }
    }
}
