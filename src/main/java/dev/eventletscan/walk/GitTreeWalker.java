package dev.eventletscan.walk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * A commit's files, listed as a disk scan of a clean checkout of that commit would list them, and read
 * straight from git objects: the working tree is never touched.
 * <p>
 * The same choices as {@link RepositoryWalker}: the include and exclude globs, the non-Python files rules
 * read, Python by extension or shebang, virtualenvs, build output and tool caches passed over, installed
 * metadata read for its entry points and requirements, and the commit's own {@code .gitignore} files at every
 * level, those above the scan root included. Two things differ because they are not part of history:
 * {@code .git/info/exclude} does not apply, and symbolic links and submodules are not followed.
 * <p>
 * One walker serves many commits of one repository: it remembers which extension-less blobs are Python scripts,
 * and keeps recently read blobs (up to {@link BlobMemo#DEFAULT_BUDGET} bytes), so a file unchanged between two
 * commits is inflated from the pack once.
 */
public final class GitTreeWalker {
    private final PathFilter filter;
    private final Predicate<String> wantedOtherFile;
    private final Map<ObjectId, Boolean> scripts = new HashMap<>();
    private final BlobMemo memo = new BlobMemo(BlobMemo.DEFAULT_BUDGET);

    /**
     * @param wantedOtherFile which non-Python files to list too, by relative path (as for {@link RepositoryWalker})
     */
    public GitTreeWalker(PathFilter filter, Predicate<String> wantedOtherFile) {
        this.filter = filter;
        this.wantedOtherFile = wantedOtherFile;
    }

    /**
     * @param repository the repository holding the tree
     * @param tree a commit's root tree
     * @param top where the repository's files would sit: its work tree, or for a bare repository its git folder.
     *     The listed files get paths under it, for module names and reports; nothing is read there
     * @param root the scan root inside the repository, '/'-separated, "" for the whole tree. A root the commit
     *     does not have gives no files
     */
    public WalkResult walk(Repository repository, ObjectId tree, Path top, String root) throws IOException {
        String rootPath = root.isEmpty() || root.endsWith("/") ? root : root + "/";
        try (ObjectReader reader = repository.newObjectReader()) {
            Walk walk = new Walk(reader, top.toAbsolutePath().normalize(), rootPath);
            return walk.run(tree, repository);
        }
    }

    /** One entry of a git tree. */
    private record Entry(String name, FileMode mode, ObjectId id) {
        boolean isFile() {
            return mode.getObjectType() == Constants.OBJ_BLOB && mode != FileMode.SYMLINK;
        }

        boolean isTree() {
            return mode == FileMode.TREE;
        }
    }

    private final class Walk {
        private final ObjectReader reader;
        private final Path top;
        private final String root;
        private final IgnoreRules ignores;
        private final TreeMap<String, SourceFile> files = new TreeMap<>();
        private final Map<String, ObjectId> blobs = new HashMap<>();
        private final Set<String> packages = new HashSet<>();
        private final List<WalkNotice> notices = new ArrayList<>();

        Walk(ObjectReader reader, Path top, String root) {
            this.reader = reader;
            this.top = top;
            this.root = root;
            this.ignores = IgnoreRules.fromTop(root);
        }

        WalkResult run(ObjectId tree, Repository repository) throws IOException {
            ObjectId rootTree = descendToRoot(tree);
            if (rootTree != null) {
                visit(entries(rootTree), "");
            }
            return new WalkResult(List.copyOf(files.values()), notices, new GitTreeContents(repository, memo, top, blobs, packages));
        }

        /** Reads the ignore files and packages between the repository's top and the scan root; null when the commit has no such folder. */
        private ObjectId descendToRoot(ObjectId tree) throws IOException {
            ObjectId current = tree;
            String done = "";
            String below = root;
            while (!below.isEmpty()) {
                List<Entry> entries = entries(current);
                notePackage(done, entries);
                pushIgnoreFile(entries, done);
                String name = below.substring(0, below.indexOf('/'));
                Entry next = entries.stream().filter(e -> e.name().equals(name) && e.isTree()).findFirst().orElse(null);
                if (next == null) {
                    return null;
                }
                current = next.id();
                done += name + "/";
                below = below.substring(name.length() + 1);
            }
            return current;
        }

        private void visit(List<Entry> entries, String rel) throws IOException {
            notePackage(root + rel, entries);
            boolean pushed = pushIgnoreFile(entries, root + rel);
            try {
                for (Entry entry : entries) {
                    visitEntry(entry, rel + entry.name());
                }
            } finally {
                if (pushed) {
                    ignores.pop();
                }
            }
        }

        private void visitEntry(Entry entry, String rel) throws IOException {
            String name = entry.name();
            if (entry.isTree()) {
                if (PythonFiles.isMetadataDirectory(name)) {
                    visitMetadata(entry.id(), rel + "/");
                    return;
                }
                if (PythonFiles.isSkippedName(name) || ignores.isIgnored(rel, true) || filter.excludes(rel, true)) {
                    return;
                }
                List<Entry> inside = entries(entry.id());
                if (inside.stream().anyMatch(e -> e.name().equals(PythonFiles.VENV_MARKER) && e.isFile())) {
                    return; // a committed virtualenv
                }
                visit(inside, rel + "/");
                return;
            }
            if (!entry.isFile() || ignores.isIgnored(rel, false) || filter.excludes(rel, false)) {
                return;
            }
            boolean python = PythonFiles.hasPythonExtension(name) || isPythonScript(entry, name);
            if (!(python || wantedOtherFile.test(rel)) || !filter.includesFile(rel)) {
                return;
            }
            add(rel, entry.id(), python);
        }

        private void visitMetadata(ObjectId tree, String rel) throws IOException {
            List<Entry> entries = entries(tree);
            for (String name : PythonFiles.METADATA_FILES) {
                String path = rel + name;
                for (Entry e : entries) {
                    if (e.name().equals(name) && e.isFile() && wantedOtherFile.test(path)
                            && !ignores.isIgnored(path, false) && !filter.excludes(path, false)) {
                        add(path, e.id(), false);
                    }
                }
            }
        }

        private void add(String rel, ObjectId blob, boolean python) {
            files.put(rel, new SourceFile(top.resolve(root + rel), rel, python));
            blobs.put(rel, blob);
        }

        private void notePackage(String directory, List<Entry> entries) {
            if (entries.stream().anyMatch(e -> e.name().equals("__init__.py") && e.isFile())) {
                packages.add(directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory);
            }
        }

        /** @param base where the rules apply: the folder holding the entries, '/'-ended from the commit's top */
        private boolean pushIgnoreFile(List<Entry> entries, String base) throws IOException {
            for (Entry e : entries) {
                if (e.name().equals(Constants.DOT_GIT_IGNORE) && e.isFile()) {
                    try (InputStream in = new ByteArrayInputStream(bytes(reader, e.id()))) {
                        return ignores.pushFromTop(in, base + Constants.DOT_GIT_IGNORE, base);
                    }
                }
            }
            return false;
        }

        private boolean isPythonScript(Entry entry, String name) throws IOException {
            if (name.indexOf('.') >= 0) {
                return false;
            }
            Boolean known = scripts.get(entry.id());
            if (known == null) {
                ObjectLoader loader = reader.open(entry.id(), Constants.OBJ_BLOB);
                byte[] head;
                try (InputStream in = loader.openStream()) {
                    head = in.readNBytes(PythonFiles.SHEBANG_BYTES);
                }
                known = PythonFiles.isPythonScript(head, name);
                scripts.put(entry.id().copy(), known);
            }
            return known;
        }

        private List<Entry> entries(ObjectId tree) throws IOException {
            List<Entry> out = new ArrayList<>();
            CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree);
            while (!parser.eof()) {
                out.add(new Entry(parser.getEntryPathString(), parser.getEntryFileMode(), parser.getEntryObjectId()));
                parser.next();
            }
            return out;
        }
    }

    /** A blob's bytes, whole. */
    static byte[] bytes(ObjectReader reader, ObjectId blob) throws IOException {
        ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
        if (loader.isLarge()) {
            try (InputStream in = loader.openStream()) {
                return in.readAllBytes();
            }
        }
        return loader.getCachedBytes();
    }
}
