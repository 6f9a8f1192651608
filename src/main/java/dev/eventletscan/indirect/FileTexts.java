package dev.eventletscan.indirect;

import dev.eventletscan.parse.SourceText;
import dev.eventletscan.walk.FileContents;
import dev.eventletscan.walk.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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
        String text = latin1(path);
        if (text == null) {
            return false;
        }
        // A needle can only stand in the text where its last name ends a whole word of the text ('spawn_n' of
        // 'utils.spawn_n'): one pass indexes where each word ends, and a needle is compared there alone, instead
        // of searching the whole text once per needle (a test file is read for every facade's dotted paths).
        if (needles.size() <= 2) {
            // too few to pay for the index below: the JDK's vectorised search is quicker
            return needles.stream().anyMatch(n -> text.contains(asLatin1(n)));
        }
        Map<String, List<Integer>> wordEnds = null;
        for (String n : needles) {
            String needle = asLatin1(n);
            int lastEnd = lastWordEnd(needle);
            if (lastEnd < 0) {
                if (text.contains(needle)) {
                    return true;
                }
                continue;
            }
            if (wordEnds == null) {
                wordEnds = wordEnds(text);
            }
            String last = needle.substring(lastWordStart(needle, lastEnd), lastEnd);
            for (int end : wordEnds.getOrDefault(last, List.of())) {
                int start = end - lastEnd;
                if (start >= 0 && text.startsWith(needle, start)) {
                    return true;
                }
            }
        }
        return false;
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

    /** Where each run of word characters ends; a UTF-8 byte of a non-ASCII name (as Latin-1) is a word character. */
    private static Map<String, List<Integer>> wordEnds(String text) {
        Map<String, List<Integer>> out = new HashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isWordChar(text.charAt(i))) {
                i++;
            }
            out.computeIfAbsent(text.substring(start, i), k -> new ArrayList<>(2)).add(i);
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    }

    private String latin1(String path) {
        SourceText decoded = sources.getOrDefault(path, Optional.empty()).orElse(null);
        if (decoded != null) {
            return asLatin1(decoded.text());
        }
        byte[] b = bytes(path);
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
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
