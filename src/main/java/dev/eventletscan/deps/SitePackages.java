package dev.eventletscan.deps;

import dev.eventletscan.rules.DependencyMatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the distributions installed in a site-packages (or Debian dist-packages)
 * folder from their metadata: {@code *.dist-info} (METADATA, RECORD,
 * top_level.txt) and {@code *.egg-info} (PKG-INFO, requires.txt, top_level.txt,
 * installed-files.txt or SOURCES.txt; also the single-file form). Nothing is
 * imported or run. Broken metadata becomes a {@link MetadataProblem} on the
 * distribution, never an exception.
 */
public final class SitePackages {
    private static final Comparator<InstalledDistribution> ORDER = Comparator
            .comparing(InstalledDistribution::normalisedName)
            .thenComparing(InstalledDistribution::version)
            .thenComparing(d -> d.metadata().toString());
    /** Folders a source tree's SOURCES.txt names that are never installed code. */
    private static final Set<String> NOT_CODE = Set.of("tests", "test", "doc", "docs", "examples", "releasenotes",
            "tools", "benchmarks", "setup.py", "setup.cfg");
    private static final Pattern PYTHON_DIR = Pattern.compile("(python3[^/]*|pypy3[^/]*)");

    private SitePackages() {}

    /** What {@link #readAll} found: one distribution per normalised name, and every problem met on the way. */
    public record Listing(List<InstalledDistribution> distributions, List<MetadataProblem> problems) {
        public Listing {
            distributions = List.copyOf(distributions);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Every distribution whose metadata sits directly in this folder, sorted by normalised name. Two
     * metadata folders of one name (a leftover of a broken upgrade) both appear. Empty when the folder
     * cannot be listed; {@link #readAll} reports that.
     */
    public static List<InstalledDistribution> read(Path sitePackages) {
        Path dir = sitePackages.toAbsolutePath().normalize();
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String n = p.getFileName().toString();
                if (n.endsWith(".dist-info") || n.endsWith(".egg-info")) {
                    entries.add(p);
                }
            }
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<InstalledDistribution> out = new ArrayList<>();
        for (Path metadata : entries) {
            try {
                out.add(readOne(dir, metadata));
            } catch (RuntimeException e) { // a bug here must not lose the other distributions
                String[] nv = nameAndVersion(metadata.getFileName().toString());
                out.add(new InstalledDistribution(nv[0], DependencyMatch.normalise(nv[0]), nv[1], dir, metadata,
                        metadata.getFileName().toString().endsWith(".dist-info") ? "dist-info" : "egg-info",
                        List.of(), List.of(), List.of(), List.of(), -1, List.of(new MetadataProblem(metadata,
                                "internal error while reading (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"))));
            }
        }
        out.sort(ORDER);
        return markSharedRoots(out);
    }

    /**
     * Several folders in search-path order, as Python would see them together: when a distribution
     * appears more than once, the first folder's copy wins and the others are reported.
     */
    public static Listing readAll(List<Path> sitePackagesDirs) {
        Map<String, InstalledDistribution> byName = new TreeMap<>();
        List<MetadataProblem> problems = new ArrayList<>();
        for (Path dir : sitePackagesDirs) {
            if (!Files.isDirectory(dir)) {
                problems.add(new MetadataProblem(dir, "not a folder: no installed distributions read from it"));
                continue;
            }
            List<InstalledDistribution> found = read(dir);
            if (found.isEmpty()) {
                problems.add(new MetadataProblem(dir, "no *.dist-info or *.egg-info metadata in this folder"));
            }
            for (InstalledDistribution d : found) {
                InstalledDistribution first = byName.putIfAbsent(d.normalisedName(), d);
                if (first != null) {
                    problems.add(new MetadataProblem(d.metadata(), "another copy of " + d.name()
                            + " is ignored: " + first.metadata() + " (" + first.version() + ") comes first"));
                } else {
                    problems.addAll(d.problems());
                }
            }
        }
        problems.sort(MetadataProblem.ORDER);
        return new Listing(List.copyOf(byName.values()), problems);
    }

    /**
     * The site-packages folders of a virtual environment or an installation prefix:
     * {@code lib/python3.X/site-packages} and {@code lib64/...}, {@code lib/pypy3.X/site-packages},
     * Windows' {@code Lib/site-packages}, and Debian's {@code usr/lib/python3/dist-packages} and
     * {@code usr/local/lib/python3.X/dist-packages}. Sorted, one per real folder; empty when there is none.
     */
    public static List<Path> inVenv(Path venv) {
        Path root = venv.toAbsolutePath().normalize();
        List<Path> candidates = new ArrayList<>();
        for (String lib : List.of("lib", "lib64")) {
            for (Path py : children(root.resolve(lib))) {
                if (PYTHON_DIR.matcher(py.getFileName().toString()).matches()) {
                    candidates.add(py.resolve("site-packages"));
                }
            }
        }
        candidates.add(root.resolve("Lib").resolve("site-packages"));
        candidates.add(root.resolve("usr/lib/python3/dist-packages"));
        for (Path py : children(root.resolve("usr/local/lib"))) {
            if (PYTHON_DIR.matcher(py.getFileName().toString()).matches()) {
                candidates.add(py.resolve("dist-packages"));
            }
        }
        Set<Path> seen = new HashSet<>();
        List<Path> out = new ArrayList<>();
        for (Path c : candidates) {
            if (Files.isDirectory(c)) {
                try {
                    if (seen.add(c.toRealPath())) {
                        out.add(c);
                    }
                } catch (IOException e) {
                    // vanished or unreadable: not a usable site-packages folder
                }
            }
        }
        return out;
    }

    private static List<Path> children(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(out::add);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    // --- one distribution ---

    static InstalledDistribution readOne(Path sitePackages, Path metadata) {
        String folder = metadata.getFileName().toString();
        boolean distInfo = folder.endsWith(".dist-info");
        String format = distInfo ? "dist-info" : "egg-info";
        List<MetadataProblem> problems = new ArrayList<>();
        boolean singleFile = !distInfo && Files.isRegularFile(metadata);
        Path headersFile = singleFile ? metadata : metadata.resolve(distInfo ? "METADATA" : "PKG-INFO");
        String[] fromFolder = nameAndVersion(folder);

        Metadata.Headers headers;
        String headerText = readText(headersFile, problems);
        if (headerText == null) {
            headers = Metadata.Headers.EMPTY;
        } else {
            headers = Metadata.headers(headerText);
            headers.problem().ifPresent(p -> problems.add(new MetadataProblem(headersFile, p)));
        }
        String name = headers.first("Name").orElse(null);
        if (name == null || name.isBlank()) {
            if (headerText != null) {
                problems.add(new MetadataProblem(headersFile, "no Name field; the name is taken from the folder name"));
            }
            name = fromFolder[0];
        }
        String version = headers.first("Version").orElse("");
        if (version.isBlank()) {
            if (headerText != null) {
                problems.add(new MetadataProblem(headersFile, "no Version field"
                        + (fromFolder[1].isEmpty() ? "" : "; the version is taken from the folder name")));
            }
            version = fromFolder[1];
        }

        List<DistRequirement> requires = new ArrayList<>();
        Path requiresTxt = metadata.resolve("requires.txt");
        if (!distInfo && !singleFile && Files.isRegularFile(requiresTxt)) {
            String text = readText(requiresTxt, problems);
            if (text != null) {
                requires.addAll(Metadata.requiresTxt(text, p -> problems.add(new MetadataProblem(requiresTxt, p))));
            }
        } else {
            for (String value : headers.all("Requires-Dist")) {
                DistRequirement.parse(value).ifPresentOrElse(requires::add, () -> problems.add(new MetadataProblem(
                        headersFile, "Requires-Dist '" + value.strip() + "' is not a PEP 508 requirement")));
            }
        }
        List<String> extras = headers.all("Provides-Extra").stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(DependencyMatch::normalise).distinct().sorted().toList();

        // the files it installed, relative to site-packages; null when no list says
        List<String> files = null;
        boolean sourcesOnly = false;
        if (!singleFile) {
            if (distInfo) {
                Path record = metadata.resolve("RECORD");
                if (Files.isRegularFile(record)) {
                    String text = readText(record, problems);
                    if (text != null) {
                        files = Metadata.record(text, sitePackages, p -> problems.add(new MetadataProblem(record, p)));
                    }
                }
            } else {
                Path installed = metadata.resolve("installed-files.txt");
                Path sources = metadata.resolve("SOURCES.txt");
                if (Files.isRegularFile(installed)) {
                    String text = readText(installed, problems);
                    if (text != null) {
                        files = Metadata.installedFiles(text, sitePackages, metadata);
                    }
                } else if (Files.isRegularFile(sources)) {
                    String text = readText(sources, problems);
                    if (text != null) {
                        files = Metadata.sources(text);
                        sourcesOnly = true;
                    }
                }
            }
        }

        String metadataFolder = folder;
        List<String> topLevel = new ArrayList<>();
        Path topLevelTxt = metadata.resolve("top_level.txt");
        if (!singleFile && Files.isRegularFile(topLevelTxt)) {
            String text = readText(topLevelTxt, problems);
            if (text != null) {
                text.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#"))
                        .map(s -> s.replace('\\', '/')).filter(s -> !s.contains("..") && !s.startsWith("/"))
                        .distinct().forEach(topLevel::add);
            }
        }
        if (topLevel.isEmpty() && files != null) {
            topLevel.addAll(Metadata.topLevelOf(files, metadataFolder, sourcesOnly ? NOT_CODE : Set.of()));
        }
        Set<String> namespaces = new TreeSet<>();
        Path namespaceTxt = metadata.resolve("namespace_packages.txt");
        if (!singleFile && Files.isRegularFile(namespaceTxt)) {
            String text = readText(namespaceTxt, problems);
            if (text != null) {
                text.lines().map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.replace('.', '/')).forEach(namespaces::add);
            }
        }

        List<Path> roots = codeRoots(sitePackages, topLevel, sourcesOnly ? null : files, namespaces, problems, metadata);
        if (topLevel.isEmpty()) {
            for (String guess : nameGuesses(name)) {
                Path p = existingCode(sitePackages, guess);
                if (p != null) {
                    roots = List.of(p);
                    topLevel.add(guess);
                    break;
                }
            }
            if (roots.isEmpty()) {
                problems.add(new MetadataProblem(metadata, "no code found under " + sitePackages
                        + ": no top_level.txt or file list names any, and no package is named like the distribution"));
            }
        }
        return new InstalledDistribution(name.strip(), DependencyMatch.normalise(name.strip()), version.strip(),
                sitePackages, metadata, format, requires, extras, topLevel, roots,
                files == null || sourcesOnly ? -1 : files.size(), problems);
    }

    /**
     * The folders and modules of the top-level names that exist. A namespace package (no
     * {@code __init__.py}, or listed in namespace_packages.txt) that other distributions share is
     * narrowed to this distribution's own sub-packages when its file list says which.
     */
    private static List<Path> codeRoots(Path sitePackages, List<String> topLevel, List<String> files,
            Set<String> namespaces, List<MetadataProblem> problems, Path metadata) {
        Set<Path> roots = new LinkedHashSet<>();
        for (String top : topLevel) {
            Path code = existingCode(sitePackages, top);
            if (code == null) {
                if (!hasExtensionModule(sitePackages, top)) {
                    problems.add(new MetadataProblem(metadata, "top-level '" + top + "' not found under " + sitePackages));
                }
                continue;
            }
            if (Files.isDirectory(code) && files != null) {
                roots.addAll(narrow(sitePackages, top, files, namespaces));
            } else {
                roots.add(code);
            }
        }
        List<Path> out = new ArrayList<>(roots);
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    private static List<Path> narrow(Path sitePackages, String dir, List<String> files, Set<String> namespaces) {
        Path code = sitePackages.resolve(dir);
        boolean namespace = namespaces.contains(dir) || !Files.isRegularFile(code.resolve("__init__.py"));
        String prefix = dir + "/";
        List<String> inside = files.stream().filter(f -> f.startsWith(prefix)).toList();
        if (!namespace || inside.isEmpty()) {
            return List.of(code);
        }
        Set<String> children = new TreeSet<>();
        List<Path> out = new ArrayList<>();
        for (String f : inside) {
            String rest = f.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                if (rest.endsWith(".py") || rest.endsWith(".pyi")) {
                    Path module = code.resolve(rest);
                    if (Files.isRegularFile(module) && !out.contains(module)) {
                        out.add(module);
                    }
                }
            } else if (!rest.startsWith("__pycache__/")) {
                children.add(rest.substring(0, slash));
            }
        }
        for (String child : children) {
            if (Files.isDirectory(code.resolve(child))) {
                out.addAll(narrow(sitePackages, prefix + child, files, namespaces));
            }
        }
        return out;
    }

    /** {@code name/} or {@code name.py} under the folder, or null. */
    private static Path existingCode(Path sitePackages, String name) {
        Path dir = sitePackages.resolve(name).normalize();
        if (!dir.startsWith(sitePackages)) {
            return null;
        }
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path module = sitePackages.resolve(name + ".py");
        return Files.isRegularFile(module) ? module : null;
    }

    /** {@code name.cpython-311-x86_64-linux-gnu.so}, {@code name.pyd} and the like: code, but not Python source. */
    private static boolean hasExtensionModule(Path sitePackages, String name) {
        Path parent = sitePackages.resolve(name).getParent();
        String base = sitePackages.resolve(name).getFileName().toString();
        if (parent == null || !Files.isDirectory(parent)) {
            return false;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent, base + ".*")) {
            for (Path p : stream) {
                String n = p.getFileName().toString();
                if (n.endsWith(".so") || n.endsWith(".pyd") || n.endsWith(".pyc")) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
        return false;
    }

    private static List<String> nameGuesses(String name) {
        Set<String> out = new LinkedHashSet<>();
        String n = name.strip();
        out.add(n);
        out.add(n.replace('-', '_').replace('.', '_'));
        out.add(n.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_'));
        out.removeIf(s -> s.isEmpty() || s.contains("/"));
        return List.copyOf(out);
    }

    /** {@code oslo.messaging-14.0.3.egg-info}, {@code futurist-3.0.0.dist-info}, {@code foo.egg-info}, {@code foo-1.0-py3.11.egg-info}. */
    static String[] nameAndVersion(String folder) {
        String stem = folder.substring(0, folder.lastIndexOf('.'));
        int dash = stem.indexOf('-');
        if (dash < 0) {
            return new String[] {stem, ""};
        }
        String version = stem.substring(dash + 1);
        int py = version.indexOf("-py");
        if (py >= 0) {
            version = version.substring(0, py);
        }
        return new String[] {stem.substring(0, dash), version};
    }

    /** The file as text (UTF-8, undecodable bytes replaced), or null with a problem when it cannot be read. */
    private static String readText(Path file, List<MetadataProblem> problems) {
        try {
            byte[] raw = Files.readAllBytes(file);
            for (byte b : raw) {
                if (b == 0) {
                    problems.add(new MetadataProblem(file, "binary content (NUL bytes): not read"));
                    return null;
                }
            }
            return new String(raw, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            problems.add(new MetadataProblem(file, "cannot read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())));
            return null;
        }
    }

    /** Distributions claiming the same code root each get a note: the root's findings count for all of them. */
    private static List<InstalledDistribution> markSharedRoots(List<InstalledDistribution> dists) {
        Map<Path, List<String>> claims = new LinkedHashMap<>();
        for (InstalledDistribution d : dists) {
            for (Path r : d.codeRoots()) {
                claims.computeIfAbsent(r, k -> new ArrayList<>()).add(d.name());
            }
        }
        List<InstalledDistribution> out = new ArrayList<>();
        for (InstalledDistribution d : dists) {
            List<MetadataProblem> extra = new ArrayList<>();
            for (Path r : d.codeRoots()) {
                List<String> others = claims.get(r).stream().filter(n -> !n.equals(d.name())).toList();
                if (!others.isEmpty()) {
                    extra.add(new MetadataProblem(d.metadata(), "code root " + d.sitePackages().relativize(r)
                            + " is shared with " + String.join(", ", others) + "; its findings count for each"));
                }
            }
            if (extra.isEmpty()) {
                out.add(d);
            } else {
                List<MetadataProblem> all = new ArrayList<>(d.problems());
                all.addAll(extra);
                out.add(new InstalledDistribution(d.name(), d.normalisedName(), d.version(), d.sitePackages(),
                        d.metadata(), d.format(), d.requires(), d.providesExtras(), d.topLevel(), d.codeRoots(),
                        d.installedFiles(), all));
            }
        }
        return out;
    }
}
