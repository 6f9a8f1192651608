package dev.eventletscan.walk;

import dev.eventletscan.cache.FileStamps;
import dev.eventletscan.cache.FileStamps.Stamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the last walk of a root saw in each folder: the names in it and what each one was, and for each
 * extension-less file whether it started with a Python shebang. A re-walk of an unchanged tree then opens no
 * folder and no file, as git's untracked cache lets {@code git status} skip unchanged folders.
 * <p>
 * The repository is untrusted and may change between scans, so an entry counts only when the folder's (or the
 * file's) stamp is the same now and was old enough to trust (see {@link FileStamps}): creating, removing or
 * renaming an entry moves its folder's modification and change times, and any write moves a file's change time.
 *
 * @param takenAtMillis when the walk that saw these started
 * @param folders by relative path ("" for the root, else '/'-ended); the stamp holds the inode, so a folder met
 *     through a link that now leads elsewhere is a different folder
 */
public record WalkMemo(long takenAtMillis, Map<String, Folder> folders) {
    public static final WalkMemo NONE = new WalkMemo(0, Map.of());

    /** What an entry of a folder is, not following a symbolic link. */
    public enum Kind { FILE, FOLDER, LINK, OTHER }

    /**
     * @param stamp the folder's own, when it was listed
     * @param items its entries in name order
     */
    public record Folder(Stamp stamp, List<Item> items) {}

    /**
     * @param stamp an extension-less file's, when its first bytes were read; else null
     * @param script whether that file starts with a Python shebang
     */
    public record Item(String name, Kind kind, Stamp stamp, boolean script) {}

    /** The folder's entries as last seen, when its stamp says nothing was added, removed or renamed since; else null. */
    Folder folderIfUnchanged(String relativePath, Stamp now) {
        Folder known = folders.get(relativePath);
        return now != null && known != null && now.equals(known.stamp()) && FileStamps.trusts(takenAtMillis, now) ? known : null;
    }

    /** Whether an extension-less file is a Python script, as last seen, when its stamp is unchanged; else null. */
    Boolean scriptIfUnchanged(Item item, Stamp now) {
        return now != null && now.equals(item.stamp()) && FileStamps.trusts(takenAtMillis, now) ? item.script() : null;
    }

    /** The memo being made by a walk; folders are added from the walk's threads. */
    static final class Builder {
        private final long takenAtMillis = System.currentTimeMillis();
        private final Map<String, Folder> folders = new ConcurrentHashMap<>();
        private final AtomicBoolean learned = new AtomicBoolean();

        /**
         * @param seenNow the stamps of what this walk read rather than took from the memo (the folder, when it was
         *     listed; a file, when its first bytes were read): worth saving only when the next walk will trust one
         */
        void add(String relativePath, Folder folder, List<Stamp> seenNow) {
            folders.put(relativePath, folder);
            if (seenNow.stream().anyMatch(s -> s != null && FileStamps.trusts(takenAtMillis, s))) {
                learned.set(true);
            }
        }

        /** @return the memo, or null when it would tell the next walk nothing this one's did not */
        WalkMemo buildIfNew(WalkMemo previous) {
            return learned.get() || !folders.keySet().equals(previous.folders().keySet())
                    ? new WalkMemo(takenAtMillis, new TreeMap<>(folders)) : null;
        }
    }
}
