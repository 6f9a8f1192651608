package dev.eventletscan.detect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Whether a text holds one of a few needles, in one pass that skips most of its bytes (Horspool's algorithm for a
 * set of patterns). Every file of a repository is searched for the tracked package names in both cases
 * ({@code eventlet}, {@code EVENTLET}, {@code oslo_service}...), and most hold none: one {@code indexOf} per needle
 * read each such file six times, a character at a time, and was the largest single cost of a cold scan's detection.
 */
public final class NeedleSearch {
    private final byte[][] needles;
    /** The length of the shortest needle: the window each step looks at. */
    private final int window;
    /** By byte: how far the window may move when that byte ends it. */
    private final int[] shift = new int[256];
    /** By byte: whether some needle's first window ends with it (only then is the window compared). */
    private final boolean[] ends = new boolean[256];

    public NeedleSearch(Collection<String> needles) {
        List<byte[]> bytes = needles.stream().filter(n -> !n.isEmpty()).map(n -> n.getBytes(StandardCharsets.UTF_8)).toList();
        this.needles = bytes.toArray(byte[][]::new);
        this.window = bytes.stream().mapToInt(b -> b.length).min().orElse(0);
        Arrays.fill(shift, Math.max(1, window));
        for (byte[] n : this.needles) {
            for (int j = 0; j < window - 1; j++) {
                shift[n[j] & 0xFF] = Math.min(shift[n[j] & 0xFF], window - 1 - j);
            }
            ends[n[window - 1] & 0xFF] = true;
        }
    }

    public boolean foundIn(byte[] text) {
        if (needles.length == 0) {
            return false;
        }
        for (int end = window - 1; end < text.length; end += shift[text[end] & 0xFF]) {
            if (ends[text[end] & 0xFF]) {
                int start = end - window + 1;
                for (byte[] n : needles) {
                    if (startsAt(text, start, n)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean startsAt(byte[] text, int start, byte[] needle) {
        if (start + needle.length > text.length) {
            return false;
        }
        for (int i = 0; i < needle.length; i++) {
            if (text[start + i] != needle[i]) {
                return false;
            }
        }
        return true;
    }
}
