package dev.eventletscan.rules;

import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical names for re-exported symbols, so {@code eventlet.spawn} and
 * {@code eventlet.greenthread.spawn} are reported as one API. The longest
 * re-exported prefix of a name is replaced by where it is defined.
 */
public final class SymbolNames {
    private final Map<String, String> reexports;

    public SymbolNames(Map<String, String> reexports) {
        this.reexports = Map.copyOf(reexports);
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
