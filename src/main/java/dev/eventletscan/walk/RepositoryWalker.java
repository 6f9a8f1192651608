package dev.eventletscan.walk;

import dev.eventletscan.fileio.FileErrors;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Finds the Python files of a repository, the way git would list them:
 * .gitignore files at every level and the repository's info/exclude apply
 * (also those above the scan root, when it sits inside a work tree), and
 * virtualenvs and build output are passed over. Symbolic links are followed
 * only while they stay inside the root, unless asked to follow them anywhere,
 * and never round a loop.
 */
public final class RepositoryWalker {
    private final PathFilter filter;
    private final Predicate<String> wantedOtherFile;
    private final WalkOptions options;

    /** A walker for Python files only. */
    public RepositoryWalker(PathFilter filter) {
        this(filter, path -> false, WalkOptions.DEFAULT);
    }

    /**
     * @param wantedOtherFile which non-Python files to list too, by relative path (manifests,
     *     configuration and documentation files that rules read)
     */
    public RepositoryWalker(PathFilter filter, Predicate<String> wantedOtherFile, WalkOptions options) {
        this.filter = filter;
        this.wantedOtherFile = wantedOtherFile;
        this.options = options;
    }

    /**
     * @param target a folder, or a single file (scanned whatever its name)
     * @throws NoSuchFileException when the target does not exist
     */
    public WalkResult walk(Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such file or folder");
        }
        if (!Files.isDirectory(root)) {
            String name = root.getFileName().toString();
            boolean python = PythonFiles.hasPythonExtension(name) || PythonFiles.isPythonScript(root, name)
                    || !wantedOtherFile.test(name);
            return new WalkResult(List.of(new SourceFile(root, name, python)), List.of());
        }
        return new Walk(root).run();
    }

    private final class Walk {
        private final Path root;
        private final Path realRoot;
        private final IgnoreRules ignores;
        private final Set<Path> visitedDirectories = new HashSet<>();
        /** The real paths of the folders from the root down to the one being walked. */
        private final Set<Path> walking = new HashSet<>();
        // real path -> first relative path; links to a file already listed add nothing
        private final Map<Path, String> byRealPath = new LinkedHashMap<>();
        private final TreeMap<String, SourceFile> files = new TreeMap<>();
        private final List<WalkNotice> notices = new ArrayList<>();

        Walk(Path root) throws IOException {
            this.root = root;
            this.realRoot = root.toRealPath();
            IgnoreRules above = options.ignoreRulesAbove() ? IgnoreRules.at(realRoot) : IgnoreRules.below();
            // A root that git ignores (or that lies in an ignored folder) was named on purpose, as a path given to
            // ripgrep is: it is scanned as a project of its own, since git's rules above it never reach inside.
            this.ignores = above.ignoredAncestor() != null ? IgnoreRules.below() : above;
        }

        WalkResult run() throws IOException {
            noteUnreadableIgnoreFiles(); // those above the root, read before the walk
            visit(root, "");
            return new WalkResult(List.copyOf(files.values()), notices);
        }

        private void visit(Path dir, String rel) throws IOException {
            Path real;
            try {
                real = dir.toRealPath();
            } catch (IOException e) {
                notices.add(new WalkNotice(rel, "cannot resolve folder: " + FileErrors.reason(e)));
                return;
            }
            if (!visitedDirectories.add(real)) {
                notices.add(new WalkNotice(rel, "symbolic link loop: folder already visited, not followed"));
                return;
            }
            boolean pushed = ignores.push(dir.resolve(".gitignore"), rel);
            noteUnreadableIgnoreFiles();
            walking.add(real);
            try {
                for (Path entry : sortedEntries(dir, rel)) {
                    visitEntry(entry, rel + entry.getFileName());
                }
            } finally {
                walking.remove(real);
                if (pushed) {
                    ignores.pop();
                }
            }
        }

        /** An ignore file that cannot be read is a warning: the scan goes on without its rules. */
        private void noteUnreadableIgnoreFiles() {
            Path base = root.toAbsolutePath().normalize();
            ignores.takeUnreadable().forEach((file, why) -> {
                Path absolute = file.toAbsolutePath().normalize();
                // those above the root were found from its real path
                Path from = absolute.startsWith(base) ? base : realRoot;
                notices.add(new WalkNotice(from.relativize(absolute).toString(), "cannot read ignore file: " + why
                        + "; its rules are not applied"));
            });
        }

        private void visitEntry(Path entry, String rel) throws IOException {
            String name = entry.getFileName().toString();
            boolean link = Files.isSymbolicLink(entry);
            if (link && !linkStaysInside(entry, rel)) {
                return;
            }
            boolean directory = Files.isDirectory(entry);
            if (directory && link && leadsToAFolderWalkedDirectly(entry, rel)) {
                return;
            }
            if (directory) {
                if (PythonFiles.isMetadataDirectory(name)) {
                    visitMetadata(entry, rel + "/");
                    return;
                }
                if (PythonFiles.isSkippedDirectory(entry, name)
                        || ignores.isIgnored(rel, true)
                        || filter.excludes(rel, true)) {
                    return;
                }
                visit(entry, rel + "/");
                return;
            }
            if (!Files.isRegularFile(entry) || ignores.isIgnored(rel, false) || filter.excludes(rel, false)) {
                return;
            }
            boolean python = PythonFiles.hasPythonExtension(name) || PythonFiles.isPythonScript(entry, name);
            if (!(python || wantedOtherFile.test(rel)) || !filter.includesFile(rel)) {
                return;
            }
            Path real = link ? entry.toRealPath() : entry;
            String first = byRealPath.putIfAbsent(real, rel);
            if (first == null) {
                files.put(rel, new SourceFile(entry, rel, python));
            }
        }

        /** Installed metadata ({@code *.egg-info}, {@code *.dist-info}) is not code, but its entry points and requirements matter. */
        private void visitMetadata(Path dir, String rel) {
            for (String name : PythonFiles.METADATA_FILES) {
                Path file = dir.resolve(name);
                String path = rel + name;
                if (Files.isRegularFile(file) && !Files.isSymbolicLink(file) && wantedOtherFile.test(path)
                        && !ignores.isIgnored(path, false) && !filter.excludes(path, false)) {
                    files.put(path, new SourceFile(file, path, false));
                }
            }
        }

        /**
         * A link to a folder of the tree that is not above it: the walk reaches that folder directly too, and its
         * findings belong under the real path whichever of the two comes first in name order.
         */
        private boolean leadsToAFolderWalkedDirectly(Path link, String rel) throws IOException {
            Path target = link.toRealPath();
            if (!target.startsWith(realRoot) || walking.contains(target)) {
                return false; // outside (followed only when asked), or a folder being walked: a loop, reported as one
            }
            String real = realRoot.relativize(target).toString().replace('\\', '/');
            notices.add(new WalkNotice(rel, "symbolic link to " + real + "/, a folder of the scanned tree: scanned there, not through the link"));
            return true;
        }

        private boolean linkStaysInside(Path link, String rel) {
            Path target;
            try {
                target = link.toRealPath();
            } catch (NoSuchFileException e) {
                notices.add(new WalkNotice(rel, "broken symbolic link, skipped"));
                return false;
            } catch (IOException e) {
                // a chain of links that closes on itself: the system gives up resolving it
                notices.add(new WalkNotice(rel, "symbolic link cannot be resolved (" + FileErrors.reason(e) + "), not followed"));
                return false;
            }
            if (!target.startsWith(realRoot) && !options.followLinksOutside()) {
                notices.add(new WalkNotice(rel, "symbolic link to " + target
                        + " points outside the scan root, not followed (--follow-symlinks follows it)"));
                return false;
            }
            return true;
        }

        private List<Path> sortedEntries(Path dir, String rel) {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                stream.forEach(entries::add);
            } catch (IOException e) {
                notices.add(new WalkNotice(rel.isEmpty() ? "." : rel, "cannot list folder: " + FileErrors.reason(e)));
            } catch (SecurityException e) {
                notices.add(new WalkNotice(rel.isEmpty() ? "." : rel, "cannot list folder: " + e.getMessage()));
            }
            entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
            return entries;
        }
    }
}
