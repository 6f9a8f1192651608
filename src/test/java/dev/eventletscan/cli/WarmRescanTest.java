package dev.eventletscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.ChildJvm;
import dev.eventletscan.TestSupport.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-scan of an unchanged tree opens nothing in it (issue 21): the whole result, the files' digests, the folders'
 * entries and the scripts' shebangs all come from the result cache. Counted on the real CLI in a child JVM, every
 * {@code open} and {@code openat} of the process seen by strace.
 */
@Tag("slow") // a child JVM under strace
class WarmRescanTest {
    @TempDir
    Path tmp;

    private void write(Path tree, String rel, String content) throws IOException {
        Path p = tree.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void aWarmRescanOpensNoFileOrFolderOfTheTreeAndWritesTheSameReport() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "no strace on this machine: opens cannot be counted");
        Path tree = Files.createDirectories(tmp.resolve("repo"));
        write(tree, "pkg/__init__.py", "");
        write(tree, "pkg/server.py", "import eventlet\neventlet.monkey_patch()\n");
        write(tree, "pkg/deep/er/util.py", "from eventlet import greenthread\n");
        write(tree, "bin/serve", "#!/usr/bin/env python3\nimport eventlet\n");
        write(tree, "bin/notes", "not a script\n");
        write(tree, "README", "plain text, no extension\n");
        write(tree, "requirements.txt", "eventlet>=0.33\n");
        // a stamp vouches for a file only once it is older than the coarsest file-system clock tick (two seconds)
        Thread.sleep(2_100);
        Path cache = tmp.resolve("cache");
        List<String> scan = List.of("scan", tree.toString(), "--cache-dir", cache.toString(), "--no-config", "--no-baseline", "-q");

        CliRun cold = ChildJvm.create().cli(args(scan, "-o", tmp.resolve("cold.json").toString()));
        assertThat(cold.exitCode()).as(cold.err()).isZero();
        Path trace = tmp.resolve("trace.txt");
        CliRun warm = ChildJvm.create().wrappedIn("/usr/bin/strace", "-f", "-qq", "-e", "trace=openat,open", "-o", trace.toString())
                .cli(args(scan, "-o", tmp.resolve("warm.json").toString()));
        assertThat(warm.exitCode()).as(warm.err()).isZero();

        List<String> opens = Files.readAllLines(trace);
        assertThat(opens).as("strace saw the scan open its class path and its cache")
                .anyMatch(l -> l.contains(cache.toString()));
        assertThat(opens.stream().filter(l -> l.contains(tree.toString()))).as("opens under the scanned tree").isEmpty();
        assertThat(Files.readString(tmp.resolve("warm.json"))).isEqualTo(Files.readString(tmp.resolve("cold.json")))
                .contains("bin/serve").doesNotContain("bin/notes");
        assertThat(warm.err()).isEmpty();

        // and a change is seen: an extension-less file rewritten in place becomes a script
        write(tree, "bin/notes", "#!/usr/bin/python3\nimport eventlet\n");
        CliRun changed = ChildJvm.create().cli(args(scan, "-o", tmp.resolve("changed.json").toString()));
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(Files.readString(tmp.resolve("changed.json"))).contains("bin/notes");
    }

    private static String[] args(List<String> scan, String... more) {
        return Stream.concat(scan.stream(), Arrays.stream(more)).toArray(String[]::new);
    }
}
