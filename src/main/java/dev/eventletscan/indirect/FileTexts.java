package dev.eventletscan.indirect;

import dev.eventletscan.detect.NeedleSearch;
import dev.eventletscan.parse.SourceText;
import dev.eventletscan.walk.FileContents;
import dev.eventletscan.walk.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Python files the indirect pass may read again: their bytes searched for the text a use must hold, before
 * anything is decoded or tokenised, and their decoded source kept for the rounds and the findings' excerpts.
 */
final class FileTexts {
    /** Files over this size are generated code; the detection pass reports them. */
    private static final long MAX_BYTES = 20L << 20;

    private final Map<String, SourceFile> files;
    private final FileContents contents;
    private final Map<String, Optional<SourceText>> sources = new ConcurrentHashMap<>();
    /** By path, the hashes of the words of a file that held none of the needles it was asked about. */
    private final Map<String, WordHashes> wordsOf = new ConcurrentHashMap<>();

    FileTexts(Map<String, SourceFile> files, FileContents contents) {
        this.files = files;
        this.contents = contents;
    }

    /**
     * Whether the file's text holds one of the needles ({@code utils.spawn_n} as written, on one line), searched in
     * a Latin-1 view of the bytes, so most importers of a popular module are dropped after a read and no
     * tokenising.
     */
    boolean mayUse(String path, Set<String> needles) {
        WordHashes words = wordsOf.get(path);
        if (words != null) {
            needles = withLastWordIn(needles, words);
            if (needles.isEmpty()) {
                return false; // no read: the file has none of their last words
            }
        }
        byte[] text = utf8(path);
        if (text == null) {
            return false;
        }
        // A needle can only stand in the text where its last name ends a whole word of the text ('spawn_n' of
        // 'utils.spawn_n'): one pass over the text's words, each hashed as it is read and looked up among the
        // needles' last names, compares a needle there alone, instead of searching the whole text once per needle
        // (a test file is read for every facade's dotted paths). Nothing is allocated per word.
        if (needles.size() <= 2 && words != null) {
            // too few to pay for the pass below: the JDK's vectorised search is quicker
            return new NeedleSearch(needles).foundIn(text);
        }
        LastWords index = new LastWords(needles.size());
        for (String n : needles) {
            String needle = asLatin1(n);
            int lastEnd = lastWordEnd(needle);
            if (lastEnd < 0) {
                if (new NeedleSearch(List.of(n)).foundIn(text)) {
                    return true;
                }
            } else {
                index.add(needle, lastEnd, lastWordStart(needle, lastEnd));
            }
        }
        WordHashes seen = words == null ? new WordHashes() : null;
        if (index.standsIn(text, seen)) {
            return true;
        }
        if (seen != null) {
            wordsOf.put(path, seen.compact());
        }
        return false;
    }

    /**
     * The needles whose last word is among the file's words (by hash), and those without a word: a later round
     * asks a file that held none of its needles about a few new ones (the wrappers the last round found), and most
     * of those names are not in it at all.
     */
    private static Set<String> withLastWordIn(Set<String> needles, WordHashes words) {
        Set<String> kept = new HashSet<>();
        for (String n : needles) {
            String needle = asLatin1(n);
            int end = lastWordEnd(needle);
            if (end < 0 || words.contains(LastWords.hash(needle, lastWordStart(needle, end), end))) {
                kept.add(n);
            }
        }
        return kept;
    }

    /** The hashes of a text's words, as {@link LastWords#standsIn} reads them: an open-addressed set of ints. */
    static final class WordHashes {
        private int[] slots = new int[512];
        private boolean zero; // 0 marks an empty slot, so a hash of 0 is kept apart
        private int size;

        void add(int h) {
            if (h == 0) {
                zero = true;
                return;
            }
            int mask = slots.length - 1;
            int i = mix(h) & mask;
            while (slots[i] != 0) {
                if (slots[i] == h) {
                    return;
                }
                i = (i + 1) & mask;
            }
            slots[i] = h;
            if (++size * 2 > slots.length) {
                grow();
            }
        }

        boolean contains(int h) {
            if (h == 0) {
                return zero;
            }
            int mask = slots.length - 1;
            for (int i = mix(h) & mask; slots[i] != 0; i = (i + 1) & mask) {
                if (slots[i] == h) {
                    return true;
                }
            }
            return false;
        }

        /** A copy no larger than its words need: kept for the rest of the pass. */
        WordHashes compact() {
            WordHashes out = new WordHashes(Integer.highestOneBit(Math.max(8, size * 2 + 1)) * 2);
            out.zero = zero;
            for (int h : slots) {
                if (h != 0) {
                    out.add(h);
                }
            }
            return out;
        }

        WordHashes() {}

        private WordHashes(int capacity) {
            slots = new int[capacity];
        }

        private void grow() {
            int[] old = slots;
            slots = new int[old.length * 2];
            size = 0;
            for (int h : old) {
                if (h != 0) {
                    add(h);
                }
            }
        }

        /** String hashes of short words differ in their low bits little: spread them before masking. */
        private static int mix(int h) {
            return h ^ (h >>> 16) ^ (h >>> 7);
        }
    }

    /** Needles by the hash of their last word, in an open-addressed table; each needle with where its last word ends. */
    private static final class LastWords {
        private final int[] heads; // slot -> 1 + first entry, 0 for none
        private final int[] next;
        private final int[] hashes;
        private final int[] wordLengths;
        private final int[] lastEnds;
        private final String[] needles;
        private int size;

        LastWords(int capacity) {
            heads = new int[Integer.highestOneBit(Math.max(4, capacity) * 2) * 2];
            next = new int[capacity];
            hashes = new int[capacity];
            wordLengths = new int[capacity];
            lastEnds = new int[capacity];
            needles = new String[capacity];
        }

        void add(String needle, int lastEnd, int lastStart) {
            int h = hash(needle, lastStart, lastEnd);
            int slot = h & (heads.length - 1);
            hashes[size] = h;
            wordLengths[size] = lastEnd - lastStart;
            lastEnds[size] = lastEnd;
            needles[size] = needle;
            next[size] = heads[slot];
            heads[slot] = ++size;
        }

        /**
         * Whether some needle stands in the text with its last word ending a word of the text.
         *
         * @param words when not null, gets every word's hash (complete only when the answer is no)
         */
        boolean standsIn(byte[] text, WordHashes words) {
            int n = text.length;
            int i = 0;
            while (i < n) {
                if (!WORD[text[i] & 0xFF]) {
                    i++;
                    continue;
                }
                int start = i;
                int h = 0;
                while (i < n && WORD[text[i] & 0xFF]) {
                    h = 31 * h + (text[i] & 0xFF);
                    i++;
                }
                if (words != null) {
                    words.add(h);
                }
                for (int e = heads[h & (heads.length - 1)]; e != 0; e = next[e - 1]) {
                    int k = e - 1;
                    int at = i - lastEnds[k];
                    if (hashes[k] == h && wordLengths[k] == i - start && at >= 0 && startsWith(text, at, needles[k])) {
                        return true;
                    }
                }
            }
            return false;
        }

        static int hash(String s, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + s.charAt(i);
            }
            return h;
        }
    }

    /** Where the needle's last identifier ends ({@code 'GreenPool'}: before the closing quote); -1 when it has none. */
    private static int lastWordEnd(String needle) {
        int end = needle.length();
        while (end > 0 && !isWordChar(needle.charAt(end - 1))) {
            end--;
        }
        return end == 0 ? -1 : end;
    }

    private static int lastWordStart(String needle, int end) {
        int start = end;
        while (start > 0 && isWordChar(needle.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** By Latin-1 character: whether it can be part of a word (a UTF-8 byte of a non-ASCII letter included). */
    private static final boolean[] WORD = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            WORD[c] = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
        }
    }

    /** A table look-up: this runs for every character of every candidate file, in each round. */
    private static boolean isWordChar(char c) {
        return c >= 256 || WORD[c];
    }

    /** The file's UTF-8 bytes, from its decoded source when a round kept it, else from the disk. */
    private byte[] utf8(String path) {
        SourceText decoded = sources.getOrDefault(path, Optional.empty()).orElse(null);
        return decoded != null ? decoded.utf8() : bytes(path);
    }

    /** Whether the bytes at {@code at} are the needle's (one Latin-1 character per byte). */
    private static boolean startsWith(byte[] text, int at, String needle) {
        if (at + needle.length() > text.length) {
            return false;
        }
        for (int j = 0; j < needle.length(); j++) {
            if ((text[at + j] & 0xFF) != needle.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** The UTF-8 bytes of a string as Latin-1 characters, to search raw file bytes for it. */
    private static String asLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return s;
    }

    /** A file's bytes; null when unreadable or too large (the detection pass reports those). */
    private byte[] bytes(String path) {
        byte[] bytes = null;
        SourceFile file = files.get(path);
        try {
            if (file != null && contents.size(file) <= MAX_BYTES) {
                bytes = contents.read(file);
            }
        } catch (IOException | RuntimeException e) {
            bytes = null;
        }
        return bytes;
    }

    /** Lets go of a file's decoded text; {@link #source} decodes it again when asked. */
    void forget(String path) {
        sources.remove(path);
    }

    SourceText source(String path) {
        return sources.computeIfAbsent(path, p -> {
            byte[] bytes = bytes(p);
            return Optional.ofNullable(bytes == null ? null : SourceText.decode(bytes));
        }).orElse(null);
    }
}
