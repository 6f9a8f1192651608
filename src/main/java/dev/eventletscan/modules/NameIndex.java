package dev.eventletscan.modules;

/**
 * Positions of names in a fixed array, by hash. Module names and call spellings share long prefixes
 * ({@code nova.api.openstack.compute.}), so each step of a binary search compared most of two strings: the hazard
 * pass's import replays spent over a second of a 5,000-file scan there. Open addressing over two ints a name keeps
 * it as compact as the arrays it indexes.
 */
public final class NameIndex {
    private final String[] names;
    /** Index into {@code names} plus one; 0 is an empty slot. */
    private final int[] slots;
    private final int mask;

    public NameIndex(String[] names) {
        this.names = names;
        int capacity = Integer.highestOneBit(Math.max(2, names.length * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < names.length; i++) {
            int slot = spread(names[i].hashCode()) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }
    }

    /** The name's position, or -1 when it is not there. */
    public int indexOf(String name) {
        if (name == null) {
            return -1;
        }
        for (int slot = spread(name.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (names[entry - 1].equals(name)) {
                return entry - 1;
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
