package dev.eventletscan.walk;

import dev.eventletscan.cache.FileStamps.Stamp;
import dev.eventletscan.fileio.FileErrors;
import dev.eventletscan.walk.WalkMemo.Folder;
import dev.eventletscan.walk.WalkMemo.Item;
import dev.eventletscan.walk.WalkMemo.Kind;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Lists folders for the walk, on the scan's threads: the names, what each entry is (one {@code lstat}), each
 * sub-folder's stamp and each extension-less file's shebang. The walk itself stays on one thread and decides in
 * name order, so its result does not depend on which listing finishes first. A folder whose stamp the memo
 * vouches for is not opened: its entries come from the memo.
 */
final class FolderLister {
    /** A listed folder: its entries in name order, or why it could not be listed. */
    record Listing(List<Entry> entries, String problem, boolean virtualenv) {}

    /**
     * @param kind what the entry is, not following a link
     * @param stamp a sub-folder's (to look it up in the memo) or an extension-less file's; else null
     * @param script an extension-less regular file that starts with a Python shebang
     */
    record Entry(String name, Kind kind, Stamp stamp, boolean script) {}

    private static final String LSTAT = Stamp.ATTRIBUTES + ",isDirectory,isRegularFile,isSymbolicLink";

    private final WalkMemo memo;
    private final WalkMemo.Builder next;
    private final Executor executor;

    /** @param executor where listings run; null lists on the caller's thread */
    FolderLister(WalkMemo memo, WalkMemo.Builder next, Executor executor) {
        this.memo = memo;
        this.next = next;
        this.executor = executor;
    }

    /**
     * @param relativePath '/'-ended, or "" for the root
     * @param stamp the folder's, as its parent's listing saw it; null for a folder reached through a link, which
     *     the memo neither answers nor records
     */
    CompletableFuture<Listing> list(Path dir, String relativePath, Stamp stamp) {
        return executor == null ? CompletableFuture.completedFuture(listNow(dir, relativePath, stamp))
                : CompletableFuture.supplyAsync(() -> listNow(dir, relativePath, stamp), executor);
    }

    private Listing listNow(Path dir, String relativePath, Stamp stamp) {
        Folder known = memo.folderIfUnchanged(relativePath, stamp);
        List<Entry> entries = new ArrayList<>();
        List<Stamp> seenNow = new ArrayList<>();
        if (known == null) {
            String problem = read(dir, entries);
            if (problem != null) {
                return new Listing(List.of(), problem, Files.isRegularFile(dir.resolve(PythonFiles.VENV_MARKER)));
            }
            seenNow.add(stamp);
        } else {
            for (Item item : known.items()) {
                Path path = dir.resolve(item.name());
                if (item.kind() == Kind.FILE && isExtensionless(item.name())) {
                    Stamp now = Stamp.of(path);
                    Boolean script = memo.scriptIfUnchanged(item, now);
                    if (script == null) { // changed, or too recent to tell: its first bytes are read again
                        script = PythonFiles.isPythonScript(path, item.name());
                        seenNow.add(now);
                    }
                    entries.add(new Entry(item.name(), item.kind(), now, script));
                } else {
                    entries.add(new Entry(item.name(), item.kind(), item.kind() == Kind.FOLDER ? Stamp.of(path) : null, false));
                }
            }
        }
        if (stamp != null) {
            next.add(relativePath, new Folder(stamp, entries.stream()
                    .map(e -> new Item(e.name(), e.kind(), e.kind() == Kind.FILE ? e.stamp() : null, e.script())).toList()), seenNow);
        }
        return new Listing(entries, null, isVirtualenv(dir, entries));
    }

    /** A file the walk may take for a script by its shebang. */
    private static boolean isExtensionless(String name) {
        return name.indexOf('.') < 0;
    }

    /** @return why the folder could not be listed, or null */
    private static String read(Path dir, List<Entry> entries) {
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(paths::add);
        } catch (IOException e) {
            return FileErrors.reason(e);
        } catch (DirectoryIteratorException e) { // a read of the folder failed half-way
            return FileErrors.reason(e.getCause());
        } catch (SecurityException e) {
            return e.getMessage();
        }
        paths.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path p : paths) {
            entries.add(entry(p));
        }
        return null;
    }

    private static Entry entry(Path path) {
        String name = path.getFileName().toString();
        Map<String, Object> a;
        try {
            a = Files.readAttributes(path, LSTAT, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            return new Entry(name, Kind.OTHER, null, false); // gone since the listing, or unreadable: not a file to scan
        }
        Kind kind = Boolean.TRUE.equals(a.get("isSymbolicLink")) ? Kind.LINK
                : Boolean.TRUE.equals(a.get("isDirectory")) ? Kind.FOLDER
                : Boolean.TRUE.equals(a.get("isRegularFile")) ? Kind.FILE : Kind.OTHER;
        boolean extensionless = kind == Kind.FILE && isExtensionless(name);
        Stamp stamp = kind == Kind.FOLDER || extensionless ? Stamp.of(a) : null;
        return new Entry(name, kind, stamp, extensionless && PythonFiles.isPythonScript(path, name));
    }

    /** A folder holding a {@code pyvenv.cfg} file (or a link to one) is a virtualenv. */
    private static boolean isVirtualenv(Path dir, List<Entry> entries) {
        for (Entry e : entries) {
            if (e.name().equals(PythonFiles.VENV_MARKER)) {
                return e.kind() == Kind.FILE || e.kind() == Kind.LINK && Files.isRegularFile(dir.resolve(e.name()));
            }
        }
        return false;
    }
}
