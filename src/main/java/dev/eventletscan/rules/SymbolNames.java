package dev.eventletscan.rules;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Canonical names for re-exported symbols, so {@code eventlet.spawn} and
 * {@code eventlet.greenthread.spawn} are reported as one API. The longest
 * re-exported prefix of a name is replaced by where it is defined.
 */
public final class SymbolNames {
    private final Map<String, String> reexports;
    private final Set<String> knownModules;

    /**
     * @param knownModules the first two parts of every name the rules or re-exports spell out
     *        ({@code eventlet.greenthread}, {@code eventlet.sleep})
     */
    public SymbolNames(Map<String, String> reexports, Set<String> knownModules) {
        this.reexports = Map.copyOf(reexports);
        this.knownModules = Set.copyOf(knownModules);
    }

    /** The first two parts of a dotted name ({@code eventlet.green} of {@code eventlet.green.socket}). */
    public static String head(String dotted) {
        int first = dotted.indexOf('.');
        int second = first < 0 ? -1 : dotted.indexOf('.', first + 1);
        return second < 0 ? dotted : dotted.substring(0, second);
    }

    /**
     * Whether the rules know what a dotted name starts with: {@code 'eventlet.greenthread.sleep'} yes,
     * {@code 'eventlet.net'} (a host name) no.
     */
    public boolean knows(String dotted) {
        return knownModules.contains(head(dotted));
    }

    public Map<String, String> reexports() {
        return new TreeMap<>(reexports);
    }

    public String canonical(String dotted) {
        String name = dotted;
        for (int guard = 0; guard < 8; guard++) { // re-exports may chain; a cycle in the data must not hang
            String next = replaceLongestPrefix(name);
            if (next.equals(name)) {
                return name;
            }
            name = next;
        }
        return name;
    }

    private String replaceLongestPrefix(String name) {
        for (int end = name.length(); end > 0; end = name.lastIndexOf('.', end - 1)) {
            String target = reexports.get(name.substring(0, end));
            if (target != null) {
                return target + name.substring(end);
            }
            if (end == 0) {
                break;
            }
        }
        return name;
    }
}
