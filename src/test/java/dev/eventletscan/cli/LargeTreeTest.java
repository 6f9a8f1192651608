package dev.eventletscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.ChildJvm;
import dev.eventletscan.TestSupport.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 5: 200,000 small files scan within the launcher's heap. They ran out of it in "import graph and
 * call levels" while every file's imports and calls were maps of records, and, with the result cache on, in the
 * assessment while the cache held every file's encoded results in the heap. Slow: it writes 800 MB once and scans
 * it four times.
 */
@Tag("slow")
class LargeTreeTest {
    private static final int FILES = 200_000;
    private static final int PER_PACKAGE = 200;

    @TempDir
    static Path tree;

    @BeforeAll
    static void write() throws Exception {
        writeProject(tree);
    }

    @Test
    void twoHundredThousandSmallFilesScanInTheLaunchersHeap() throws Exception {
        CliRun run = scan("--no-cache", "--summary", "-f", "text", "-j", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("out of memory");
        // every 50th file spawns and sleeps through eventlet: 4,000 files with 5 findings each (one a threading hazard)
        assertThat(run.out()).contains("20000 findings in 4000 files");
    }

    @Test
    void withTheResultCacheOnAColdAndTwoWarmScansFitTooAndReportTheSame(@TempDir Path tmp) throws Exception {
        String cache = tmp.resolve("cache").toString();
        Path cold = tmp.resolve("cold.json");
        Path warm = tmp.resolve("warm.json");
        Path changed = tmp.resolve("changed.json");

        CliRun first = scan("--cache-dir", cache, "-v", "-j", "2", "-o", cold.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains(" computed; wrote ");

        CliRun again = scan("--cache-dir", cache, "-v", "-j", "1", "-o", warm.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("nothing changed, whole result read back");
        assertThat(Files.mismatch(cold, warm)).as("warm, one thread, against cold, two").isEqualTo(-1);

        // one file changes (a comment): the whole result is stale, and every other file's results come from the pack
        Files.writeString(tree.resolve("proj/pkg0000/mod1.py"), "# changed\n", StandardOpenOption.APPEND);
        CliRun afterChange = scan("--cache-dir", cache, "-v", "-j", "2", "-o", changed.toString());
        assertThat(afterChange.exitCode()).as(afterChange.err()).isZero();
        assertThat(afterChange.err()).containsPattern("result cache: \\d{6} cached, 2 computed; wrote ");
        assertThat(Files.mismatch(cold, changed)).isEqualTo(-1);
        assertThat(Files.readString(cold)).contains("\"findings\" : 20000");
    }

    private static CliRun scan(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("scan", tree.toString()));
        all.addAll(List.of(args));
        return ChildJvm.create().jvmOption("-Xmx" + launcherHeap()).timeout(Duration.ofMinutes(30)).cli(all.toArray(String[]::new));
    }

    /** The heap ./eventlet-scan gives a scan, read from its options, so the test follows them. */
    private static String launcherHeap() throws Exception {
        Matcher m = Pattern.compile("-Xmx(\\d+[mg])").matcher(Files.readString(Path.of("scripts/jvm.sh")));
        assertThat(m.find()).as("scripts/jvm.sh sets -Xmx").isTrue();
        return m.group(1);
    }

    /**
     * Packages of 200 modules; each module imports two others chosen at random and calls a function of each, and
     * defines a function and a class; every 50th also imports eventlet and spawns its function.
     */
    private static void writeProject(Path root) throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < FILES; i++) {
            Path pkg = root.resolve("proj/pkg%04d".formatted(i / PER_PACKAGE));
            if (i % PER_PACKAGE == 0) {
                Files.createDirectories(pkg);
                Files.writeString(pkg.resolve("__init__.py"), "");
            }
            int j = random.nextInt(FILES);
            int k = (j + 1) % FILES;
            StringBuilder text = new StringBuilder("import os\n")
                    .append("from proj.pkg%04d import mod%d\n".formatted(j / PER_PACKAGE, j))
                    .append("import proj.pkg%04d.mod%d as other\n".formatted(k / PER_PACKAGE, k));
            if (i % 50 == 0) {
                text.append("import eventlet\nfrom eventlet import greenthread\n");
            }
            text.append("\ndef f%d(x):\n    return mod%d.f%d(x) + other.f%d(x)\n\n".formatted(i, j, j, k))
                    .append("class C%d(object):\n    def run(self):\n        return f%d(1)\n".formatted(i, i));
            if (i % 50 == 0) {
                text.append("\ndef g():\n    eventlet.spawn(f%d, 1)\n    greenthread.sleep(0)\n".formatted(i));
            }
            Files.writeString(pkg.resolve("mod" + i + ".py"), text);
        }
    }
}
