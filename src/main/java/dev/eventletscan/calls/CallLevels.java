package dev.eventletscan.calls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    // Functions are numbered, so a climb works on int arrays: nova's repository climb visits thousands of
    // functions, each with hundreds of same-named callers, once per component.
    private final List<Site> sites = new ArrayList<>();
    private final Map<Site, Integer> idOf = new HashMap<>();
    private final List<String> paths = new ArrayList<>();
    private final Map<String, Integer> fileIdOf = new HashMap<>();
    private int[] fileOf = new int[0];
    private final List<Set<String>> spellings = new ArrayList<>();
    /** Callers by the spelling they call, then by their file: {@code .start} to the functions calling {@code x.start()}. */
    private final Map<String, Map<Integer, List<Integer>>> callersOf = new HashMap<>();
    private final BiPredicate<String, String> canCall;
    /** The files that can call into a file, when known: far fewer than the files calling a common name. */
    private final Function<String, Collection<String>> callerFiles;
    /** Per caller file, the callee files already asked about, and those it can call: the same pairs come up again and again. */
    private BitSet[] asked;
    private BitSet[] allowed;
    /**
     * Per function, the functions that can call it, resolved on first need: every component's climb reuses them.
     * Components are assessed on several threads; two resolving the same function write equal arrays.
     */
    private final AtomicReferenceArray<int[]> callersByCallee;
    /** Per thread, levels (all -1 between climbs) and a queue: room for every function, made once per thread. */
    private final ThreadLocal<int[][]> scratch;
    /** Per function, whether it is a module's top-level code, which nothing calls by name. */
    private final boolean[] moduleCode;

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
        List<Integer> files = new ArrayList<>();
        new TreeMap<>(functions).forEach((path, list) -> {
            int file = fileIdOf.computeIfAbsent(path, p -> {
                paths.add(p);
                return paths.size() - 1;
            });
            for (FunctionCalls f : list) {
                Site site = new Site(path, f.qualifiedName());
                Integer known = idOf.putIfAbsent(site, sites.size());
                int caller = known == null ? sites.size() : known; // a name defined twice in a file is one function
                if (known == null) {
                    sites.add(site);
                    spellings.add(f.spellings());
                    files.add(file);
                }
                for (String callee : f.callees()) {
                    callersOf.computeIfAbsent(callee, k -> new HashMap<>()).computeIfAbsent(file, k -> new ArrayList<>()).add(caller);
                }
            }
        });
        fileOf = files.stream().mapToInt(Integer::intValue).toArray();
        moduleCode = new boolean[sites.size()];
        for (int i = 0; i < moduleCode.length; i++) {
            moduleCode[i] = sites.get(i).function().equals(CallExtractor.MODULE_CODE);
        }
        asked = new BitSet[paths.size()];
        allowed = new BitSet[paths.size()];
        callersByCallee = new AtomicReferenceArray<>(sites.size());
        int n = sites.size();
        scratch = ThreadLocal.withInitial(() -> {
            int[] level = new int[n];
            Arrays.fill(level, -1);
            return new int[][] {level, new int[n]};
        });
    }

    /** Whether the file has this function; findings name their scope, which may be a class body instead. */
    public boolean isFunction(Site site) {
        return idOf.containsKey(site);
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
                out.put(sites.get(i), levels[i]);
            }
        }
        return out;
    }

    /** Each function's level, -1 where the climb never reached it. */
    private int[] levels(Set<Site> greenCallers, int maxLevel) {
        int[] level = new int[sites.size()];
        Arrays.fill(level, -1);
        climb(greenCallers, maxLevel, level, new int[sites.size()]);
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
            Integer id = idOf.get(s);
            if (id != null && level[id] < 0) {
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

    private int[] callersOf(int callee) {
        int[] known = callersByCallee.get(callee);
        if (known == null && callerFiles != null) {
            List<Integer> found = new ArrayList<>();
            for (String path : callerFiles.apply(paths.get(fileOf[callee]))) {
                Integer file = fileIdOf.get(path);
                if (file == null) {
                    continue;
                }
                for (String spelling : spellings.get(callee)) {
                    found.addAll(callersOf.getOrDefault(spelling, Map.of()).getOrDefault(file, List.of()));
                }
            }
            known = found.stream().mapToInt(Integer::intValue).distinct().toArray();
            callersByCallee.set(callee, known);
        } else if (known == null) {
            List<Integer> found = new ArrayList<>();
            for (String spelling : spellings.get(callee)) {
                callersOf.getOrDefault(spelling, Map.of()).forEach((file, callers) -> {
                    if (canCall(file, fileOf[callee])) {
                        found.addAll(callers);
                    }
                });
            }
            known = found.stream().mapToInt(Integer::intValue).toArray();
            callersByCallee.set(callee, known);
        }
        return known;
    }

    /** Synchronized: the memo is shared by the threads assessing components, and only graphs without caller lists ask. */
    private synchronized boolean canCall(int callerFile, int calleeFile) {
        if (asked[callerFile] == null) {
            asked[callerFile] = new BitSet();
            allowed[callerFile] = new BitSet();
        }
        if (!asked[callerFile].get(calleeFile)) {
            asked[callerFile].set(calleeFile);
            allowed[callerFile].set(calleeFile, canCall.test(paths.get(callerFile), paths.get(calleeFile)));
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
        int callers = 0;
        for (int i = 0; i < reached; i++) {
            int id = queue[i];
            int l = level[id];
            depth = Math.max(depth, l);
            callers += l > 0 ? 1 : 0;
            level[id] = -1;
        }
        return new Summary(depth, callers);
    }
}
