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
     * Whether the file's text holds one of the needles ({@code utils.spawn_n} as written, on one line): a byte
     * search, which the JDK runs vectorised on a Latin-1 view of the bytes, so most importers of a popular module
     * are dropped after a read and no tokenising.
     */
    boolean mayUse(String path, Set<String> needles) {
        String text = latin1(path);
        if (text == null) {
            return false;
        }
        // needles by their last part ('.spawn_n', or the bare name): few distinct ones, each searched once
        Map<String, List<String>> byTail = new HashMap<>();
        for (String n : needles) {
            int dot = n.lastIndexOf('.');
            byTail.computeIfAbsent(dot < 0 ? n : n.substring(dot), k -> new ArrayList<>()).add(n);
        }
        for (var e : byTail.entrySet()) {
            if (text.contains(asLatin1(e.getKey())) && e.getValue().stream().anyMatch(n -> text.contains(asLatin1(n)))) {
                return true;
            }
        }
        return false;
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

    SourceText source(String path) {
        return sources.computeIfAbsent(path, p -> {
            byte[] bytes = bytes(p);
            return Optional.ofNullable(bytes == null ? null : SourceText.decode(bytes));
        }).orElse(null);
    }
}
