package dev.eventletscan.indirect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.walk.FileContents;
import dev.eventletscan.walk.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indirect pass's text pre-filter, on real files: it may let a file through for nothing, never drop a use. */
class FileTextsTest {
    @TempDir
    Path dir;

    /** Files on disk, with a count of the reads. */
    private final class Disk implements FileContents {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public byte[] read(SourceFile file) throws IOException {
            reads.incrementAndGet();
            return FileContents.DISK.read(file);
        }

        @Override
        public long size(SourceFile file) throws IOException {
            return FileContents.DISK.size(file);
        }

        @Override
        public boolean isPackage(Path directory) {
            return FileContents.DISK.isPackage(directory);
        }
    }

    private SourceFile write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return new SourceFile(p, name);
    }

    @Test
    void aFileWithoutANeedlesLastWordIsNotReadAgainInALaterRound() throws IOException {
        SourceFile f = write("a.py", "from proj import utils\n\nutils.spawn_n(work)\nmock.patch('proj.utils.sleep')\n");
        Disk disk = new Disk();
        FileTexts texts = new FileTexts(Map.of("a.py", f), disk);

        assertThat(texts.mayUse("a.py", Set.of("utils.spawn", "utils.green", "'GreenPool'"))).isFalse();
        assertThat(disk.reads).hasValue(1);
        // a later round's new wrappers: names the file never spells are answered from its words
        assertThat(texts.mayUse("a.py", Set.of("utils.launch", "utils.pool"))).isFalse();
        assertThat(disk.reads).hasValue(1);
        // one whose last word it holds is read again and searched as written
        assertThat(texts.mayUse("a.py", Set.of("other.spawn_n", "utils.launch"))).isFalse();
        assertThat(disk.reads).hasValue(2);
        assertThat(texts.mayUse("a.py", Set.of("utils.spawn_n", "utils.launch"))).isTrue();
        assertThat(texts.mayUse("a.py", Set.of("'sleep'", "x.y"))).isFalse();
        assertThat(texts.mayUse("a.py", Set.of("proj.utils.sleep", "x.y"))).isTrue();
    }

    /**
     * Against a plain search, on random texts and needles made of a few words: whenever a needle stands in the
     * text as whole words, the pre-filter says yes, on the first read and on every later one.
     */
    @Test
    void neverDropsANeedleThatStandsInTheTextAsWholeWords() throws IOException {
        String[] words = {"utils", "spawn", "spawn_n", "eventlet", "sleep", "pool", "GreenPool", "x", "é", "_"};
        String[] glue = {".", " ", "\n", "'", "(", "", "\""};
        Random random = new Random(42);
        for (int round = 0; round < 400; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(words[random.nextInt(words.length)]).append(glue[random.nextInt(glue.length)]);
            }
            SourceFile f = write("r" + round + ".py", text.toString());
            FileTexts texts = new FileTexts(Map.of(f.relativePath(), f), new Disk());
            for (int ask = 0; ask < 4; ask++) {
                List<String> needles = new ArrayList<>();
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    String needle = words[random.nextInt(words.length)];
                    if (random.nextBoolean()) {
                        needle = words[random.nextInt(words.length)] + "." + needle;
                    }
                    needles.add(random.nextInt(5) == 0 ? "'" + needle + "'" : needle);
                }
                boolean stands = needles.stream().anyMatch(n -> standsAsWholeWords(text.toString(), n));
                if (stands) {
                    assertThat(texts.mayUse(f.relativePath(), Set.copyOf(needles)))
                            .as("text %s, needles %s", text, needles).isTrue();
                } else {
                    texts.mayUse(f.relativePath(), Set.copyOf(needles)); // a yes for nothing is allowed
                }
            }
        }
    }

    private static boolean standsAsWholeWords(String text, String needle) {
        return Pattern.compile("(?<![\\w\\u0080-\\uffff])" + Pattern.quote(needle)
                + (Character.isLetterOrDigit(needle.charAt(needle.length() - 1)) || needle.endsWith("_")
                        ? "(?![\\w\\u0080-\\uffff])" : "")).matcher(text).find();
    }
}
