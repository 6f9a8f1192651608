package dev.eventletscan.calls;

import dev.eventletscan.modules.NameIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * How many levels of the project's own functions sit above the green calls:
 * level 0 is a function that calls an eventlet primitive, level 1 a function
 * that calls a level-0 function, and so on. A call matches a function by its
 * simple name (a method only through {@code obj.m()}), and only where the
 * caller's file can reach the callee's (the same file, or a file that imports
 * it), so common names ({@code get}, {@code run}) do not link unrelated code.
 * Built once per project; each component then climbs from its own green calls.
 */
public final class CallLevels {
    /** A function of a file: {@code nova/utils.py} and {@code spawn}. */
    public record Site(String path, String function) implements Comparable<Site> {
        @Override
        public int compareTo(Site o) {
            int c = path.compareTo(o.path);
            return c != 0 ? c : function.compareTo(o.function);
        }
    }

    /** What a climb found: the deepest level, and how many functions sit above level 0. */
    public record Summary(int depth, int callers) {
        public static final Summary NONE = new Summary(0, 0);
    }

    // Functions are numbered, in path order and by name within a file, and everything about them is an array: a
    // climb works on ints (nova's repository climb visits thousands of functions, each with hundreds of same-named
    // callers, once per component), and 200,000 files' worth of records and maps took more than the launcher's heap.
    /** File paths in order; file f's functions are numbers {@code firstFunction[f]} to {@code firstFunction[f + 1] - 1}. */
    private final String[] paths;
    private final int[] firstFunction;
    private final int[] fileOf;
    /** By function: its qualified name, and whether it is a method (called as {@code obj.m()} only). */
    private final String[] names;
    private final boolean[] method;
    /** By function, whether it is a module's top-level code, which nothing calls by name. */
    private final boolean[] moduleCode;
    /**
     * Callers by the spelling they call ({@code .start} for {@code x.start()}): spelling s's callers are
     * {@code callers[firstCaller[s]]} to {@code callers[firstCaller[s + 1] - 1]}, in function order, so those of
     * one file are together.
     */
    private final String[] spellings;
    private final NameIndex spellingIndex;
    private final int[] firstCaller;
    private final int[] callers;
    private final BiPredicate<String, String> canCall;
    /** The files that can call into a file, when known: far fewer than the files calling a common name. */
    private final Function<String, Collection<String>> callerFiles;
    /** Per caller file, the callee files already asked about, and those it can call: the same pairs come up again and again. */
    private final BitSet[] asked;
    private final BitSet[] allowed;
    /**
     * Per function, the functions that can call it, resolved on first need: every component's climb reuses them.
     * Components are assessed on several threads; two resolving the same function write equal arrays.
     */
    private final AtomicReferenceArray<int[]> callersByCallee;
    /** Per thread, levels (all -1 between climbs) and a queue: room for every function, made once per thread. */
    private final ThreadLocal<int[][]> scratch;

    /**
     * @param functions every file's functions, by path
     * @param canCall whether code in the first file can call functions of the second
     */
    public CallLevels(Map<String, List<FunctionCalls>> functions, BiPredicate<String, String> canCall) {
        this(functions, canCall, null);
    }

    /**
     * @param callerFiles for a file, every file whose code can call its functions (itself and its importers): the
     *     same links as {@code canCall}, listed, which lets a climb look only there
     */
    public CallLevels(Map<String, List<FunctionCalls>> functions, BiPredicate<String, String> canCall,
            Function<String, Collection<String>> callerFiles) {
        this.canCall = canCall;
        this.callerFiles = callerFiles;
        SortedMap<String, List<FunctionCalls>> byPath = functions instanceof SortedMap<String, List<FunctionCalls>> sorted
                && sorted.comparator() == null ? sorted : new TreeMap<>(functions);
        paths = byPath.keySet().toArray(String[]::new);
        // each file's functions by name, once each: the extractor gives them so already, other callers may not
        List<List<FunctionCalls>> distinct = new ArrayList<>(paths.length);
        firstFunction = new int[paths.length + 1];
        int count = 0;
        int file = 0;
        for (List<FunctionCalls> list : byPath.values()) {
            List<FunctionCalls> once = distinctByName(list);
            distinct.add(once);
            firstFunction[file++] = count;
            count += once.size();
        }
        firstFunction[file] = count;
        fileOf = new int[count];
        names = new String[count];
        method = new boolean[count];
        moduleCode = new boolean[count];
        // every spelling called, numbered once each as first met (no order is needed: NameIndex finds them), and
        // every (spelling, caller) pair packed in a long, so the one sort is of numbers, not of strings
        int calls = 0;
        for (List<FunctionCalls> list : byPath.values()) {
            for (FunctionCalls f : list) {
                calls += f.callees().size();
            }
        }
        Map<String, Integer> numbers = new HashMap<>();
        List<String> met = new ArrayList<>();
        long[] pairs = new long[calls];
        int pairCount = 0;
        file = 0;
        for (List<FunctionCalls> list : byPath.values()) {
            int id = firstFunction[file];
            for (FunctionCalls f : distinct.get(file)) {
                fileOf[id] = file;
                names[id] = f.qualifiedName();
                method[id] = f.method();
                moduleCode[id] = f.qualifiedName().equals(CallExtractor.MODULE_CODE);
                id++;
            }
            boolean once = distinct.get(file) == list;
            for (int k = 0; k < list.size(); k++) {
                FunctionCalls f = list.get(k);
                int caller = once ? firstFunction[file] + k
                        : Arrays.binarySearch(names, firstFunction[file], firstFunction[file + 1], f.qualifiedName());
                for (String callee : f.callees()) {
                    Integer number = numbers.get(callee);
                    if (number == null) {
                        number = met.size();
                        numbers.put(callee, number);
                        met.add(callee);
                    }
                    pairs[pairCount++] = ((long) number << 32) | caller;
                }
            }
            file++;
        }
        spellings = met.toArray(String[]::new);
        spellingIndex = new NameIndex(spellings);
        Arrays.sort(pairs, 0, pairCount);
        firstCaller = new int[spellings.length + 1];
        int[] found = new int[pairCount];
        int kept = 0;
        for (int i = 0; i < pairCount; i++) {
            if (i > 0 && pairs[i] == pairs[i - 1]) {
                continue; // a function calling a name twice is one caller of it
            }
            int spelling = (int) (pairs[i] >>> 32);
            found[kept] = (int) pairs[i];
            firstCaller[spelling + 1] = ++kept;
        }
        for (int s = 1; s <= spellings.length; s++) {
            firstCaller[s] = Math.max(firstCaller[s], firstCaller[s - 1]); // a spelling no one calls: an empty range
        }
        callers = Arrays.copyOf(found, kept);
        asked = new BitSet[paths.length];
        allowed = new BitSet[paths.length];
        callersByCallee = new AtomicReferenceArray<>(count);
        int n = count;
        scratch = ThreadLocal.withInitial(() -> {
            int[] level = new int[n];
            Arrays.fill(level, -1);
            return new int[][] {level, new int[n]};
        });
    }

    /**
     * A file's functions in name order, a name once: a name defined twice in a file is one function (the first
     * says whether it is a method), calling what either calls. The list itself when it is so already.
     */
    private static List<FunctionCalls> distinctByName(List<FunctionCalls> list) {
        for (int k = 1; k < list.size(); k++) {
            if (list.get(k - 1).qualifiedName().compareTo(list.get(k).qualifiedName()) >= 0) {
                TreeMap<String, FunctionCalls> first = new TreeMap<>();
                list.forEach(f -> first.putIfAbsent(f.qualifiedName(), f));
                return List.copyOf(first.values());
            }
        }
        return list;
    }

    /** Whether the file has this function; findings name their scope, which may be a class body instead. */
    public boolean isFunction(Site site) {
        return idOf(site) >= 0;
    }

    private int idOf(Site site) {
        int file = Arrays.binarySearch(paths, site.path());
        if (file < 0) {
            return -1;
        }
        int id = Arrays.binarySearch(names, firstFunction[file], firstFunction[file + 1], site.function());
        return id < 0 ? -1 : id;
    }

    /**
     * @param greenCallers level 0: the functions holding green calls
     * @param maxLevel the deepest level to follow
     * @return every function reached, with its level, in path and name order
     */
    public TreeMap<Site, Integer> climb(Set<Site> greenCallers, int maxLevel) {
        int[] levels = levels(greenCallers, maxLevel);
        TreeMap<Site, Integer> out = new TreeMap<>();
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] >= 0) {
                out.put(new Site(paths[fileOf[i]], names[i]), levels[i]);
            }
        }
        return out;
    }

    /** Each function's level, -1 where the climb never reached it. */
    private int[] levels(Set<Site> greenCallers, int maxLevel) {
        int[] level = new int[names.length];
        Arrays.fill(level, -1);
        climb(greenCallers, maxLevel, level, new int[names.length]);
        return level;
    }

    /**
     * Breadth first from the green callers, writing levels into {@code level} (all -1 on entry). A function joins
     * the queue once, when it gets its level, so the queue ends up holding every function reached.
     *
     * @param queue room for every function
     * @return how many functions were reached: they are {@code queue[0]} to {@code queue[n - 1]}
     */
    private int climb(Set<Site> greenCallers, int maxLevel, int[] level, int[] queue) {
        int tail = 0;
        for (Site s : new TreeSet<>(greenCallers)) {
            int id = idOf(s);
            if (id >= 0 && level[id] < 0) {
                level[id] = 0;
                queue[tail++] = id;
            }
        }
        for (int head = 0; head < tail; head++) {
            int callee = queue[head];
            if (level[callee] >= maxLevel || moduleCode[callee]) {
                continue;
            }
            for (int caller : callersOf(callee)) {
                if (level[caller] < 0) {
                    level[caller] = level[callee] + 1;
                    queue[tail++] = caller;
                }
            }
        }
        return tail;
    }

    /** The call spellings that may reach a function: {@code .m} for a method, {@code f} and {@code .f} otherwise. */
    private List<String> spellingsOf(int function) {
        String simple = names[function].substring(names[function].lastIndexOf('.') + 1);
        return method[function] ? List.of("." + simple) : List.of(simple, "." + simple);
    }

    private int[] callersOf(int callee) {
        int[] known = callersByCallee.get(callee);
        if (known != null) {
            return known;
        }
        List<Integer> found = new ArrayList<>();
        for (String spelling : spellingsOf(callee)) {
            int s = spellingIndex.indexOf(spelling);
            if (s < 0) {
                continue;
            }
            if (callerFiles != null) {
                for (String path : callerFiles.apply(paths[fileOf[callee]])) {
                    int file = Arrays.binarySearch(paths, path);
                    if (file >= 0) {
                        // the spelling's callers in that file: a run of the range, found by function number
                        int from = lowerBound(firstCaller[s], firstCaller[s + 1], firstFunction[file]);
                        for (int i = from; i < firstCaller[s + 1] && callers[i] < firstFunction[file + 1]; i++) {
                            found.add(callers[i]);
                        }
                    }
                }
            } else {
                for (int i = firstCaller[s]; i < firstCaller[s + 1]; i++) {
                    if (canCall(fileOf[callers[i]], fileOf[callee])) {
                        found.add(callers[i]);
                    }
                }
            }
        }
        known = found.stream().mapToInt(Integer::intValue).distinct().toArray();
        callersByCallee.set(callee, known);
        return known;
    }

    /** The first index in {@code callers[from..to)} holding a function number of at least {@code function}. */
    private int lowerBound(int from, int to, int function) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (callers[mid] < function) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Synchronized: the memo is shared by the threads assessing components, and only graphs without caller lists ask. */
    private synchronized boolean canCall(int callerFile, int calleeFile) {
        if (asked[callerFile] == null) {
            asked[callerFile] = new BitSet();
            allowed[callerFile] = new BitSet();
        }
        if (!asked[callerFile].get(calleeFile)) {
            asked[callerFile].set(calleeFile);
            allowed[callerFile].set(calleeFile, canCall.test(paths[callerFile], paths[calleeFile]));
        }
        return allowed[callerFile].get(calleeFile);
    }

    public Summary summarise(Set<Site> greenCallers, int maxLevel) {
        // One pair of arrays per thread for every summary, reset where a climb wrote: a project has a hundred
        // thousand functions and a component's climb reaches a few hundred.
        int[][] mine = scratch.get();
        int[] level = mine[0];
        int[] queue = mine[1];
        int reached = climb(greenCallers, maxLevel, level, queue);
        int depth = 0;
        int above = 0;
        for (int i = 0; i < reached; i++) {
            int id = queue[i];
            int l = level[id];
            depth = Math.max(depth, l);
            above += l > 0 ? 1 : 0;
            level[id] = -1;
        }
        return new Summary(depth, above);
    }
}
