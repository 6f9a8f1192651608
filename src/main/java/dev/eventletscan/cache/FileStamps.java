package dev.eventletscan.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What each file looked like on disk when its bytes were hashed (size, modification and change times, inode),
 * so a re-scan of an unchanged tree need not read and hash it all again: git's index works the same way.
 * <p>
 * A stamp vouches for a digest only when both times lie more than {@link #RACY_MILLIS} before the stamps were
 * taken. A file written again within the same tick of a coarse file-system clock can keep its size and times;
 * such a "racy" file is hashed again until its stamp is old enough to tell.
 *
 * @param takenAtMillis when the stamps were taken (before any file was read)
 * @param files by relative path
 */
public record FileStamps(long takenAtMillis, Map<String, Entry> files) {
    /** Two seconds: the coarsest modification-time resolution in use (FAT); ext4 and tmpfs keep nanoseconds. */
    public static final long RACY_MILLIS = 2_000;
    public static final FileStamps NONE = new FileStamps(0, Map.of());

    /** A file's stamp and the digest of the bytes it had then. */
    public record Entry(Stamp stamp, byte[] digest) {}

    /** The inode's size, times and number: any write moves the change time, whatever it does to the others. */
    public record Stamp(long size, long modifiedNanos, long changedNanos, long inode) {
        /** The attributes {@link #of(Map)} needs, for {@link Files#readAttributes(Path, String, java.nio.file.LinkOption...)}. */
        public static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino";

        /** @return null where the file system has no such attributes, or the file cannot be read */
        public static Stamp of(Path file) {
            Map<String, Object> a;
            try {
                a = Files.readAttributes(file, ATTRIBUTES);
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
                return null; // gone, unreadable, or a file system without the unix view: the file is hashed instead
            }
            return of(a);
        }

        /** From attributes read with (at least) {@link #ATTRIBUTES}; null when some are missing. */
        public static Stamp of(Map<String, Object> a) {
            return a.get("size") instanceof Long size && a.get("lastModifiedTime") instanceof FileTime modified
                    && a.get("ctime") instanceof FileTime changed && a.get("ino") instanceof Long inode
                    ? new Stamp(size, nanos(modified), nanos(changed), inode) : null;
        }

        private static long nanos(FileTime t) {
            return t.to(TimeUnit.NANOSECONDS);
        }
    }

    /** The digest recorded for a file, when its stamp is the same now and was old enough to trust; else null. */
    public byte[] digestIfUnchanged(String path, Stamp now) {
        Entry known = files.get(path);
        return now != null && known != null && known.stamp().equals(now) && trusts(takenAtMillis, now) ? known.digest() : null;
    }

    /** Whether a stamp seen by a pass that started at {@code takenAtMillis} can tell that nothing changed since. */
    public static boolean trusts(long takenAtMillis, Stamp stamp) {
        long trustedBefore = TimeUnit.MILLISECONDS.toNanos(takenAtMillis - RACY_MILLIS);
        return stamp.modifiedNanos() < trustedBefore && stamp.changedNanos() < trustedBefore;
    }

    /** Stamps being taken for the next scan. */
    public static final class Builder {
        private final long takenAtMillis = System.currentTimeMillis();
        private final Map<String, Entry> files = new TreeMap<>();

        /** @return whether the next scan will trust this stamp: a file hashed again is worth saving only then */
        public boolean add(String path, Stamp stamp, byte[] digest) {
            if (stamp == null) {
                return false;
            }
            files.put(path, new Entry(stamp, digest));
            return trusts(takenAtMillis, stamp);
        }

        public FileStamps build() {
            return new FileStamps(takenAtMillis, files);
        }
    }
}
