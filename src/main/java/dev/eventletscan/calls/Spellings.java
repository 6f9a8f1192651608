package dev.eventletscan.calls;

import java.nio.charset.StandardCharsets;

/**
 * The Strings of call spellings ({@code get}, {@code .append}) read from ASCII bytes, made and interned once per thread
 * and name: a project calls the same few thousand names millions of times, and every file's calls stay in memory
 * until the call levels are built, so each is one shared String, found here without making another.
 */
final class Spellings {
    private static final int SLOTS = 1 << 13;
    private static final int PROBES = 8;

    private final String[] slots = new String[SLOTS];
    /** Each slot's hash, compared first: looking into the String itself would touch its memory for every call. */
    private final int[] hashes = new int[SLOTS];

    /** {@code name} or {@code .name} for {@code chars[from..to)}, interned. */
    String of(byte[] chars, int from, int to, boolean method) {
        int h = method ? '.' : 0; // String.hashCode of what it spells
        for (int i = from; i < to; i++) {
            h = 31 * h + (chars[i] & 0xFF);
        }
        int length = to - from + (method ? 1 : 0);
        int first = (h ^ (h >>> 16)) & (SLOTS - 1);
        for (int p = 0; p < PROBES; p++) {
            int slot = (first + p) & (SLOTS - 1);
            String s = slots[slot];
            if (s == null) {
                break;
            }
            if (hashes[slot] == h && s.length() == length && spells(s, chars, from, to, method)) {
                return s;
            }
        }
        String made = (method ? "." + new String(chars, from, to - from, StandardCharsets.ISO_8859_1) : new String(chars, from, to - from, StandardCharsets.ISO_8859_1)).intern();
        for (int p = 0; p < PROBES; p++) {
            int slot = (first + p) & (SLOTS - 1);
            if (slots[slot] == null) {
                slots[slot] = made;
                hashes[slot] = h;
                return made;
            }
        }
        slots[first] = made; // a full run: the newest name takes its first slot
        hashes[first] = h;
        return made;
    }

    private static boolean spells(String s, byte[] chars, int from, int to, boolean method) {
        int offset = 0;
        if (method) {
            if (s.charAt(0) != '.') {
                return false;
            }
            offset = 1;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(offset++) != (chars[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
