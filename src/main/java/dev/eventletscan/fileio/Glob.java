package dev.eventletscan.fileio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A glob in the syntax of Java's {@code glob:} path matchers ({@code *} within a name, {@code **} across folders,
 * {@code ?}, {@code [a-z]}, {@code [!x]}, {@code {a,b}}, {@code \} escapes), matched in time linear in the text
 * for a given glob. Java's matchers turn a glob into a backtracking regular expression, on which a glob with many
 * stars from a repository's configuration ({@code exclude: ['*a*a*a*a*a*a*a*a*b']}) takes years on a long name.
 * Here the glob is an automaton whose states are followed all at once, one character at a time.
 */
public final class Glob {
    private static final int CHAR = 0;
    private static final int ANY = 1;
    private static final int CLASS = 2;
    private static final int STAR = 3;
    private static final int STAR_STAR = 4;
    private static final int SPLIT = 5;
    private static final int JUMP = 6;
    private static final int MATCH = 7;

    private final String text;
    private final int[] op;
    private final char[] ch;
    /** For CLASS: ranges as pairs of characters, and whether the class is negated. */
    private final char[][] ranges;
    private final boolean[] negated;
    /** The next state, or for SPLIT the first of its alternatives' starts in {@link #alternatives}. */
    private final int[] next;
    private final int[][] alternatives;

    private Glob(String text, List<int[]> states, List<char[]> classes, List<int[]> splits) {
        this.text = text;
        int n = states.size();
        op = new int[n];
        ch = new char[n];
        next = new int[n];
        negated = new boolean[n];
        ranges = new char[n][];
        alternatives = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] s = states.get(i);
            op[i] = s[0];
            ch[i] = (char) s[1];
            next[i] = s[2];
            negated[i] = s[3] != 0;
            ranges[i] = classes.get(i);
            alternatives[i] = splits.get(i);
        }
    }

    /** @throws IllegalArgumentException for a malformed glob, saying what is wrong */
    public static Glob of(String glob) {
        return new Compiler(glob).compile();
    }

    public String text() {
        return text;
    }

    public boolean matches(CharSequence name) {
        int n = op.length;
        int[] current = new int[n];
        int[] following = new int[n];
        int[] mark = new int[n];
        int[][] stack = {new int[n + 8]};
        int generation = 1;
        int size = close(0, current, 0, mark, generation, stack);
        for (int i = 0; i < name.length() && size > 0; i++) {
            char c = name.charAt(i);
            generation++;
            int nextSize = 0;
            for (int k = 0; k < size; k++) {
                int s = current[k];
                int to = switch (op[s]) {
                    case CHAR -> ch[s] == c ? next[s] : -1;
                    case ANY -> c != '/' ? next[s] : -1;
                    case CLASS -> c != '/' && inClass(s, c) ? next[s] : -1;
                    case STAR -> c != '/' ? s : -1;
                    case STAR_STAR -> s;
                    default -> -1;
                };
                if (to >= 0) {
                    nextSize = close(to, following, nextSize, mark, generation, stack);
                }
            }
            int[] swap = current;
            current = following;
            following = swap;
            size = nextSize;
        }
        for (int k = 0; k < size; k++) {
            if (op[current[k]] == MATCH) {
                return true;
            }
        }
        return false;
    }

    private boolean inClass(int s, char c) {
        char[] r = ranges[s];
        boolean in = false;
        for (int i = 0; i < r.length && !in; i += 2) {
            in = c >= r[i] && c <= r[i + 1];
        }
        return in != negated[s];
    }

    /** Adds a state and every state reached from it without reading a character, each once per generation. */
    private int close(int start, int[] set, int size, int[] mark, int generation, int[][] stackHolder) {
        int[] stack = stackHolder[0];
        int top = 0;
        stack[top++] = start;
        while (top > 0) {
            int s = stack[--top];
            if (mark[s] == generation) {
                continue;
            }
            mark[s] = generation;
            int pushes = op[s] == SPLIT ? alternatives[s].length : 1;
            if (top + pushes > stack.length) {
                stack = Arrays.copyOf(stack, (top + pushes) * 2);
                stackHolder[0] = stack;
            }
            switch (op[s]) {
                case SPLIT -> {
                    for (int a : alternatives[s]) {
                        stack[top++] = a;
                    }
                }
                case JUMP -> stack[top++] = next[s];
                case STAR, STAR_STAR -> {
                    set[size++] = s;
                    stack[top++] = next[s];
                }
                default -> set[size++] = s;
            }
        }
        return size;
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Compiler {
        private final String glob;
        private final List<int[]> states = new ArrayList<>();
        private final List<char[]> classes = new ArrayList<>();
        private final List<int[]> splits = new ArrayList<>();
        private int i;

        Compiler(String glob) {
            this.glob = glob;
        }

        Glob compile() {
            while (i < glob.length()) {
                char c = glob.charAt(i);
                if (c == '{') {
                    group();
                } else {
                    element(false);
                }
            }
            add(MATCH, 0);
            return new Glob(glob, states, classes, splits);
        }

        /** {@code {a,b}}: a SPLIT to each alternative, each ending in a JUMP past the group. */
        private void group() {
            i++;
            int split = add(SPLIT, 0);
            List<Integer> starts = new ArrayList<>();
            List<Integer> jumps = new ArrayList<>();
            starts.add(states.size());
            while (true) {
                if (i >= glob.length()) {
                    throw error("missing '}'");
                }
                char c = glob.charAt(i);
                if (c == '}' || c == ',') {
                    i++;
                    jumps.add(add(JUMP, 0));
                    if (c == '}') {
                        break;
                    }
                    starts.add(states.size());
                } else if (c == '{') {
                    throw error("groups cannot nest");
                } else {
                    element(true);
                }
            }
            int end = states.size();
            jumps.forEach(j -> states.get(j)[2] = end);
            splits.set(split, starts.stream().mapToInt(Integer::intValue).toArray());
        }

        private void element(boolean inGroup) {
            char c = glob.charAt(i++);
            switch (c) {
                case '*' -> {
                    if (i < glob.length() && glob.charAt(i) == '*') {
                        while (i < glob.length() && glob.charAt(i) == '*') {
                            i++;
                        }
                        add(STAR_STAR, 0);
                    } else {
                        add(STAR, 0);
                    }
                }
                case '?' -> add(ANY, 0);
                case '[' -> characterClass();
                case '\\' -> {
                    if (i >= glob.length()) {
                        throw error("no character to escape at the end");
                    }
                    add(CHAR, glob.charAt(i++));
                }
                default -> add(CHAR, c);
            }
        }

        private void characterClass() {
            boolean negate = i < glob.length() && glob.charAt(i) == '!';
            if (negate) {
                i++;
            }
            StringBuilder r = new StringBuilder();
            boolean first = true;
            while (true) {
                if (i >= glob.length()) {
                    throw error("missing ']'");
                }
                char c = glob.charAt(i++);
                if (c == ']' && !first) {
                    break;
                }
                first = false;
                if (c == '/') {
                    throw error("a '/' cannot be in a [...] class");
                }
                if (c == '\\') {
                    if (i >= glob.length()) {
                        throw error("missing ']'");
                    }
                    c = glob.charAt(i++);
                }
                char last = c;
                if (i + 1 < glob.length() && glob.charAt(i) == '-' && glob.charAt(i + 1) != ']') {
                    last = glob.charAt(i + 1);
                    i += 2;
                    if (last < c) {
                        throw error("the range " + c + "-" + last + " is backwards");
                    }
                }
                r.append(c).append(last);
            }
            int s = add(CLASS, 0);
            states.get(s)[3] = negate ? 1 : 0;
            classes.set(s, r.toString().toCharArray());
        }

        private int add(int op, int c) {
            states.add(new int[] {op, c, states.size() + 1, 0});
            classes.add(null);
            splits.add(null);
            return states.size() - 1;
        }

        private IllegalArgumentException error(String why) {
            return new IllegalArgumentException("not a valid glob '" + glob + "': " + why);
        }
    }
}
