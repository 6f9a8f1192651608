package dev.eventletscan.walk;

import dev.eventletscan.cache.FileStamps.Stamp;
import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.walk.FolderLister.Entry;
import dev.eventletscan.walk.FolderLister.Listing;
import dev.eventletscan.walk.WalkMemo.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
        return walk(target, WalkMemo.NONE, null).result();
    }

    /** A walk's files, and what it saw for the next walk of the same root. */
    public record Remembered(WalkResult result, WalkMemo memo) {}

    /**
     * @param memo what the last walk of this root saw ({@link WalkMemo#NONE} when none)
     * @param executor where folders are listed, ahead of the walk; null lists them on this thread
     * @return the files, and the memo for the next walk (null when it would add nothing to {@code memo})
     */
    public Remembered walk(Path target, WalkMemo memo, Executor executor) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such file or folder");
        }
        if (!Files.isDirectory(root)) {
            String name = root.getFileName().toString();
            boolean python = PythonFiles.hasPythonExtension(name) || PythonFiles.isPythonScript(root, name)
                    || !wantedOtherFile.test(name);
            return new Remembered(new WalkResult(List.of(new SourceFile(root, name, python)), List.of()), null);
        }
        WalkMemo.Builder next = new WalkMemo.Builder();
        WalkResult result = new Walk(root, new FolderLister(memo, next, executor)).run();
        return new Remembered(result, next.buildIfNew(memo));
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
        private final FolderLister lister;

        Walk(Path root, FolderLister lister) throws IOException {
            this.root = root;
            this.lister = lister;
            this.realRoot = root.toRealPath();
            IgnoreRules above = options.ignoreRulesAbove() ? IgnoreRules.at(realRoot) : IgnoreRules.below();
            // A root that git ignores (or that lies in an ignored folder) was named on purpose, as a path given to
            // ripgrep is: it is scanned as a project of its own, since git's rules above it never reach inside.
            this.ignores = above.ignoredAncestor() != null ? IgnoreRules.below() : above;
        }

        WalkResult run() throws IOException {
            noteUnreadableIgnoreFiles(); // those above the root, read before the walk
            visit(root, "", realRoot, lister.list(root, "", Stamp.of(root)));
            return new WalkResult(List.copyOf(files.values()), notices);
        }

        /**
         * @param knownReal the folder's real path when no link led to it (its parent's and its name), else null
         * @param listing its entries, being listed
         */
        private void visit(Path dir, String rel, Path knownReal, CompletableFuture<Listing> listing) throws IOException {
            Path real = knownReal;
            if (real == null) {
                try {
                    real = dir.toRealPath();
                } catch (IOException e) {
                    notices.add(new WalkNotice(rel, "cannot resolve folder: " + FileErrors.reason(e)));
                    return;
                }
            }
            if (!visitedDirectories.add(real)) {
                notices.add(new WalkNotice(rel, "symbolic link loop: folder already visited, not followed"));
                return;
            }
            Listing entries = listing.join();
            boolean pushed = (entries.problem() != null || entries.entries().stream().anyMatch(e -> e.name().equals(".gitignore")))
                    && ignores.push(dir.resolve(".gitignore"), rel);
            noteUnreadableIgnoreFiles();
            if (entries.problem() != null) {
                notices.add(new WalkNotice(rel.isEmpty() ? "." : rel, "cannot list folder: " + entries.problem()));
            }
            walking.add(real);
            try {
                // the sub-folders this walk will enter are listed ahead, on the other threads, while it goes on here
                Map<String, CompletableFuture<Listing>> ahead = new HashMap<>();
                for (Entry e : entries.entries()) {
                    String path = rel + e.name();
                    if (e.kind() == Kind.FOLDER && !PythonFiles.isMetadataDirectory(e.name()) && !PythonFiles.isSkippedName(e.name())
                            && !ignores.isIgnored(path, true) && !filter.excludes(path, true)) {
                        ahead.put(e.name(), lister.list(dir.resolve(e.name()), path + "/", e.stamp()));
                    }
                }
                for (Entry e : entries.entries()) {
                    visitEntry(dir.resolve(e.name()), rel + e.name(), e, real, ahead.get(e.name()));
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

        /**
         * @param parentReal the real path of the folder holding the entry
         * @param listing the entry's listing, when it is a folder listed ahead
         */
        private void visitEntry(Path entry, String rel, Entry e, Path parentReal, CompletableFuture<Listing> listing)
                throws IOException {
            String name = e.name();
            boolean link = e.kind() == Kind.LINK;
            if (link && !linkStaysInside(entry, rel)) {
                return;
            }
            boolean directory = link ? Files.isDirectory(entry) : e.kind() == Kind.FOLDER;
            if (directory && link && leadsToAFolderWalkedDirectly(entry, rel)) {
                return;
            }
            if (directory) {
                if (PythonFiles.isMetadataDirectory(name)) {
                    visitMetadata(entry, rel + "/");
                    return;
                }
                if (PythonFiles.isSkippedName(name) || ignores.isIgnored(rel, true) || filter.excludes(rel, true)) {
                    return;
                }
                CompletableFuture<Listing> pending = listing != null ? listing : lister.list(entry, rel + "/", null);
                if (pending.join().virtualenv()) {
                    return;
                }
                visit(entry, rel + "/", link ? null : parentReal.resolve(name), pending);
                return;
            }
            boolean regular = link ? Files.isRegularFile(entry) : e.kind() == Kind.FILE;
            if (!regular || ignores.isIgnored(rel, false) || filter.excludes(rel, false)) {
                return;
            }
            boolean python = PythonFiles.hasPythonExtension(name) || (link ? PythonFiles.isPythonScript(entry, name) : e.script());
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
    }
}
