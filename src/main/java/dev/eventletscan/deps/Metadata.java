package dev.eventletscan.deps;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The text formats of installed metadata, read leniently: each problem is passed on and reading goes on. */
final class Metadata {
    private Metadata() {}

    /**
     * The header block of METADATA / PKG-INFO (RFC 822 style: {@code Field: value}, continuation
     * lines start with white space, a blank line ends it). Field names compare case-insensitively.
     *
     * @param problem the first malformed line, if any
     */
    record Headers(Map<String, List<String>> fields, Optional<String> problem) {
        static final Headers EMPTY = new Headers(Map.of(), Optional.empty());

        Optional<String> first(String field) {
            List<String> values = fields.get(field.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst().strip());
        }

        List<String> all(String field) {
            return fields.getOrDefault(field.toLowerCase(Locale.ROOT), List.of());
        }
    }

    static Headers headers(String text) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String problem = null;
        String lastKey = null;
        int lineNo = 0;
        for (String line : text.lines().toList()) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                break; // the description body follows
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && lastKey != null) {
                List<String> values = fields.get(lastKey);
                values.set(values.size() - 1, values.getLast() + "\n" + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.substring(0, colon).matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
                if (problem == null) {
                    problem = "line " + lineNo + " is not a 'Field: value' header: " + abbreviate(line);
                }
                lastKey = null;
                continue;
            }
            lastKey = line.substring(0, colon).toLowerCase(Locale.ROOT);
            fields.computeIfAbsent(lastKey, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        return new Headers(fields, Optional.ofNullable(problem));
    }

    /**
     * setuptools' requires.txt: requirement lines, in sections {@code [extra]}, {@code [extra:marker]}
     * or {@code [:marker]}; the section's marker joins each line's own.
     */
    static List<DistRequirement> requiresTxt(String text, Consumer<String> problems) {
        List<DistRequirement> out = new ArrayList<>();
        String extra = null;
        String sectionMarker = "";
        int lineNo = 0;
        for (String raw : text.lines().toList()) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                if (close < 0) {
                    problems.accept("line " + lineNo + ": section header without ']': " + abbreviate(line));
                    extra = "?"; // an unknown extra: its requirements apply to no request
                    sectionMarker = "";
                    continue;
                }
                String section = line.substring(1, close).strip();
                int colon = section.indexOf(':');
                extra = (colon < 0 ? section : section.substring(0, colon)).strip();
                sectionMarker = colon < 0 ? "" : section.substring(colon + 1).strip();
                continue;
            }
            Optional<DistRequirement> parsed = DistRequirement.parse(line, extra);
            if (parsed.isEmpty()) {
                problems.accept("line " + lineNo + " is not a PEP 508 requirement: " + abbreviate(line));
                continue;
            }
            DistRequirement r = parsed.get();
            if (!sectionMarker.isEmpty()) {
                String marker = r.marker().isEmpty() ? sectionMarker : "(" + sectionMarker + ") and (" + r.marker() + ")";
                r = new DistRequirement(r.name(), r.normalisedName(), r.extras(), marker, r.onlyForExtras());
            }
            out.add(r);
        }
        return out;
    }

    /**
     * RECORD (CSV: path, hash, size): the installed paths, relative to site-packages and
     * {@code /}-separated; paths outside it ({@code ../../../bin/x}, absolute ones elsewhere) left out.
     */
    static List<String> record(String text, Path sitePackages, Consumer<String> problems) {
        List<String> out = new ArrayList<>();
        int lineNo = 0;
        boolean reported = false;
        for (String line : text.lines().toList()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String path = firstCsvField(line);
            if (path == null || path.isBlank()) {
                if (!reported) {
                    problems.accept("line " + lineNo + " is not a CSV row with a path: " + abbreviate(line));
                    reported = true;
                }
                continue;
            }
            String rel = underSitePackages(path, sitePackages, sitePackages);
            if (rel != null) {
                out.add(rel);
            }
        }
        return out;
    }

    /** installed-files.txt of an egg-info folder: paths relative to that folder. */
    static List<String> installedFiles(String text, Path sitePackages, Path eggInfo) {
        List<String> out = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String path = line.strip();
            if (!path.isEmpty()) {
                String rel = underSitePackages(path, eggInfo, sitePackages);
                if (rel != null) {
                    out.add(rel);
                }
            }
        }
        return out;
    }

    /** SOURCES.txt: paths in the source tree, so a {@code src/} layout loses its {@code src/}. */
    static List<String> sources(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.lines().toList()) {
            String path = line.strip().replace('\\', '/');
            if (path.isEmpty() || path.startsWith("/") || path.contains("..")) {
                continue;
            }
            out.add(path.startsWith("src/") ? path.substring(4) : path);
        }
        return out;
    }

    /**
     * The top-level names a file list implies: the first folder of each path, or a module at the top.
     * Metadata folders, {@code *.data} folders, {@code __pycache__}, {@code .pth} files and top-level
     * non-Python files are left out, as are the names in {@code skip}.
     */
    static List<String> topLevelOf(List<String> files, String metadataFolder, Set<String> skip) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : files) {
            int slash = f.indexOf('/');
            String first = slash < 0 ? f : f.substring(0, slash);
            if (first.equals(metadataFolder) || first.endsWith(".dist-info") || first.endsWith(".egg-info")
                    || first.endsWith(".data") || first.equals("__pycache__") || first.equals("..") || first.equals(".")
                    || first.isEmpty() || skip.contains(first)) {
                continue;
            }
            if (slash < 0) {
                if (first.endsWith(".py")) {
                    out.add(first.substring(0, first.length() - 3));
                }
            } else {
                out.add(first);
            }
        }
        return out.stream().sorted().toList();
    }

    private static String underSitePackages(String path, Path base, Path sitePackages) {
        String p = path.replace('\\', '/');
        Path resolved;
        try {
            resolved = base.resolve(p).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        if (!resolved.startsWith(sitePackages) || resolved.equals(sitePackages)) {
            return null;
        }
        return sitePackages.relativize(resolved).toString().replace('\\', '/');
    }

    /** The first field of a CSV row (RFC 4180 quoting), or null when its quotes do not close. */
    static String firstCsvField(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    out.append('"');
                    i++;
                } else {
                    return out.toString();
                }
            } else {
                out.append(c);
            }
        }
        return null;
    }

    private static String abbreviate(String line) {
        String s = line.strip();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
