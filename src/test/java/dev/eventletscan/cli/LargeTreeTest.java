package dev.eventletscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.ChildJvm;
import dev.eventletscan.TestSupport.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 5: 200,000 small files scan within the launcher's heap. They ran out of it in "import graph and
 * call levels" while every file's imports and calls were maps of records; slow, as it writes and scans 800 MB.
 */
@Tag("slow")
class LargeTreeTest {
    private static final int FILES = 200_000;
    private static final int PER_PACKAGE = 200;

    @Test
    void twoHundredThousandSmallFilesScanInTheLaunchersHeap(@TempDir Path tmp) throws Exception {
        writeProject(tmp);

        CliRun run = ChildJvm.create().jvmOption("-Xmx" + launcherHeap()).timeout(Duration.ofMinutes(30))
                .cli("scan", tmp.toString(), "--no-cache", "--summary", "-f", "text", "-j", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("out of memory");
        // every 50th file spawns and sleeps through eventlet: 4,000 files with 5 findings each (one a threading hazard)
        assertThat(run.out()).contains("20000 findings in 4000 files");
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
