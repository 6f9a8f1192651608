package dev.eventletscan.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStampsTest {
    private static final byte[] DIGEST = {1, 2, 3};
    private static final long NOW = System.currentTimeMillis();
    private static final long OLD = (NOW - 60_000) * 1_000_000L;

    private static FileStamps takenAt(long millis, FileStamps.Stamp stamp) {
        return new FileStamps(millis, Map.of("a.py", new FileStamps.Entry(stamp, DIGEST)));
    }

    @Test
    void anOldStampThatIsTheSameVouchesForItsDigest() {
        FileStamps.Stamp stamp = new FileStamps.Stamp(10, OLD, OLD, 7);
        assertThat(takenAt(NOW, stamp).digestIfUnchanged("a.py", stamp)).isEqualTo(DIGEST);
        assertThat(takenAt(NOW, stamp).digestIfUnchanged("b.py", stamp)).as("another file").isNull();
        assertThat(takenAt(NOW, stamp).digestIfUnchanged("a.py", null)).as("no stamp to compare").isNull();
    }

    @Test
    void anyChangeToSizeTimesOrInodeIsAChange() {
        FileStamps stamps = takenAt(NOW, new FileStamps.Stamp(10, OLD, OLD, 7));
        assertThat(stamps.digestIfUnchanged("a.py", new FileStamps.Stamp(11, OLD, OLD, 7))).isNull();
        assertThat(stamps.digestIfUnchanged("a.py", new FileStamps.Stamp(10, OLD + 1, OLD, 7))).isNull();
        assertThat(stamps.digestIfUnchanged("a.py", new FileStamps.Stamp(10, OLD, OLD + 1, 7))).as("content written back with the old mtime").isNull();
        assertThat(stamps.digestIfUnchanged("a.py", new FileStamps.Stamp(10, OLD, OLD, 8))).as("replaced by another file").isNull();
    }

    @Test
    void aFileChangedJustBeforeTheStampsWereTakenIsNeverTrusted() {
        long recent = (NOW - FileStamps.RACY_MILLIS / 2) * 1_000_000L;
        FileStamps.Stamp modified = new FileStamps.Stamp(10, recent, OLD, 7);
        FileStamps.Stamp changed = new FileStamps.Stamp(10, OLD, recent, 7);
        assertThat(takenAt(NOW, modified).digestIfUnchanged("a.py", modified)).isNull();
        assertThat(takenAt(NOW, changed).digestIfUnchanged("a.py", changed)).isNull();
        // the same stamps taken well after the change are old enough to tell
        assertThat(takenAt(NOW + 10_000, changed).digestIfUnchanged("a.py", changed)).isEqualTo(DIGEST);
    }

    @Test
    void aRealFileStampMovesWithEveryWrite(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.py");
        Files.writeString(file, "import eventlet\n");
        FileStamps.Stamp first = FileStamps.Stamp.of(file);
        assertThat(first).isNotNull();
        assertThat(first.size()).isEqualTo(16);
        FileTime mtime = Files.getLastModifiedTime(file);
        Thread.sleep(20); // past the kernel's timestamp tick
        Files.writeString(file, "import greenlet\n"); // same size
        Files.setLastModifiedTime(file, mtime);       // and the old modification time, as cp -p or rsync -t leave it
        FileStamps.Stamp second = FileStamps.Stamp.of(file);
        assertThat(second.size()).isEqualTo(first.size());
        assertThat(second.modifiedNanos()).isEqualTo(first.modifiedNanos());
        assertThat(second).as("the change time still moved").isNotEqualTo(first);
        assertThat(FileStamps.Stamp.of(dir.resolve("missing.py"))).isNull();
    }

    @Test
    void theBuilderSaysWhichStampsTheNextScanWillTrust() {
        FileStamps.Builder builder = new FileStamps.Builder();
        assertThat(builder.add("old.py", new FileStamps.Stamp(1, OLD, OLD, 1), DIGEST)).isTrue();
        long recent = System.currentTimeMillis() * 1_000_000L;
        assertThat(builder.add("new.py", new FileStamps.Stamp(1, recent, recent, 2), DIGEST)).isFalse();
        assertThat(builder.add("git-object.py", null, DIGEST)).isFalse();
        assertThat(builder.build().files()).containsOnlyKeys("old.py", "new.py");
    }
}
