package dev.eventletscan.calls;

import java.util.ArrayDeque;
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

    private CallLevels() {}

    /**
     * @param greenCallers level 0: the functions holding green calls
     * @param functions every file's functions, by path
     * @param canCall whether code in the first file can call functions of the second
     * @param maxLevel the deepest level to follow
     * @return every function reached, with its level, in path and name order
     */
    public static TreeMap<Site, Integer> compute(Set<Site> greenCallers, Map<String, List<FunctionCalls>> functions,
            BiPredicate<String, String> canCall, int maxLevel) {
        TreeMap<Site, Integer> levels = new TreeMap<>();
        Deque<Site> frontier = new ArrayDeque<>();
        for (Site s : greenCallers) {
            levels.put(s, 0);
            frontier.add(s);
        }
        // Callers by the simple name they call, built once: a name to the (file, function) pairs calling it.
        Map<String, List<Site>> callersOf = new HashMap<>();
        functions.forEach((path, list) -> list.forEach(f -> f.callees().forEach(
                callee -> callersOf.computeIfAbsent(callee, k -> new java.util.ArrayList<>()).add(new Site(path, f.qualifiedName())))));
        Map<Site, Set<String>> spellings = new HashMap<>();
        functions.forEach((path, list) -> list.forEach(f -> spellings.put(new Site(path, f.qualifiedName()), f.spellings())));
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

    /** The deepest level reached. */
    public static int depth(Map<Site, Integer> levels) {
        return levels.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
