package dev.eventletscan.calls;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

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

    /** Callers by the spelling they call: {@code .start} to the functions calling {@code x.start()}. */
    private final Map<String, List<Site>> callersOf = new HashMap<>();
    private final Map<Site, Set<String>> spellings = new HashMap<>();
    private final BiPredicate<String, String> canCall;

    /**
     * @param functions every file's functions, by path
     * @param canCall whether code in the first file can call functions of the second
     */
    public CallLevels(Map<String, List<FunctionCalls>> functions, BiPredicate<String, String> canCall) {
        this.canCall = canCall;
        functions.forEach((path, list) -> list.forEach(f -> {
            Site site = new Site(path, f.qualifiedName());
            spellings.put(site, f.spellings());
            f.callees().forEach(callee -> callersOf.computeIfAbsent(callee, k -> new ArrayList<>()).add(site));
        }));
    }

    /** Whether the file has this function; findings name their scope, which may be a class body instead. */
    public boolean isFunction(Site site) {
        return spellings.containsKey(site);
    }

    /**
     * @param greenCallers level 0: the functions holding green calls
     * @param maxLevel the deepest level to follow
     * @return every function reached, with its level, in path and name order
     */
    public TreeMap<Site, Integer> climb(Set<Site> greenCallers, int maxLevel) {
        TreeMap<Site, Integer> levels = new TreeMap<>();
        Deque<Site> frontier = new ArrayDeque<>();
        for (Site s : greenCallers) {
            levels.put(s, 0);
            frontier.add(s);
        }
        while (!frontier.isEmpty()) {
            Site callee = frontier.poll();
            int level = levels.get(callee);
            if (level >= maxLevel || callee.function().equals(CallExtractor.MODULE_CODE)) {
                continue;
            }
            for (String spelling : spellings.getOrDefault(callee, Set.of())) {
                for (Site caller : callersOf.getOrDefault(spelling, List.of())) {
                    if (!levels.containsKey(caller) && canCall.test(caller.path(), callee.path())) {
                        levels.put(caller, level + 1);
                        frontier.add(caller);
                    }
                }
            }
        }
        return levels;
    }

    public Summary summarise(Set<Site> greenCallers, int maxLevel) {
        TreeMap<Site, Integer> levels = climb(greenCallers, maxLevel);
        int depth = levels.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int callers = (int) levels.values().stream().filter(l -> l > 0).count();
        return new Summary(depth, callers);
    }
}
