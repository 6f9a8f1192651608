package dev.eventletscan.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The development launcher, ./eventlet-scan, never makes a run slow without saying why on standard error: the build
 * shows a line per step, the start-up cache is trained right after a build the launcher made or in the background,
 * and EVENTLET_SCAN_AOT_TRAINING=off turns the training off. Each test has its own cache folder.
 */
@Tag("slow")
class LauncherTest {
    private static final Path PROJECT = TestSupport.projectDir();

    @TempDir
    Path tmp;

    private Command scan(Path checkout) {
        return Command.of(checkout.resolve("eventlet-scan"), "scan", "samples/green-service", "--format", "text")
                .in(checkout).env("XDG_CACHE_HOME", tmp.resolve("cache"));
    }

    private Path cds() {
        return tmp.resolve("cache/eventlet-scan/cds");
    }

    private List<String> cacheFiles(String suffix) throws IOException {
        if (!Files.isDirectory(cds())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cds())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix)).toList();
        }
    }

    /** What the launcher itself said, apart from the scan's own summary line. */
    private static List<String> announcements(Command.Result run) {
        return run.err().lines().filter(l -> l.startsWith("eventlet-scan: [")).toList();
    }

    @Test
    void aFreshCheckoutShowsEachBuildStepThenTrainsOnceAndLaterRunsAnnounceNothing() throws Exception {
        Path checkout = freshCheckout();
        Command.Result first = scan(checkout).run();
        assertThat(first.exitCode()).as(first.describe()).isZero();
        assertThat(announcements(first)).as(first.err())
                .anyMatch(l -> l.contains("building " + checkout.resolve("target/eventlet-scan.jar")))
                .anyMatch(l -> l.endsWith("compiling the Java sources"))
                .anyMatch(l -> l.endsWith("packaging the jar with its libraries"))
                .anyMatch(l -> l.contains("training the start-up cache for this build (once per build"))
                .noneMatch(l -> l.contains("in the background"));
        assertThat(cacheFiles(".aot")).hasSize(1);

        Command.Result second = scan(checkout).env("EVENTLET_SCAN_JAVA_OPTS", "-XX:AOTMode=on").run();
        assertThat(second.exitCode()).as("the cache is used: " + second.describe()).isZero();
        assertThat(announcements(second)).isEmpty();
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void aJarBuiltByMavenIsTrainedInTheBackgroundAndTheRunSaysSo() throws Exception {
        Command.Result first = scan(PROJECT).run();
        assertThat(first.exitCode()).as(first.describe()).isZero();
        assertThat(announcements(first)).singleElement().asString()
                .contains("training the start-up cache for this build in the background");

        long deadline = System.nanoTime() + 600_000_000_000L;
        while (cacheFiles(".aot").isEmpty() && !cacheFiles(".training").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(cacheFiles(".aot")).as("the background training made a cache").hasSize(1);
        Command.Result later = scan(PROJECT).env("EVENTLET_SCAN_JAVA_OPTS", "-XX:AOTMode=on").run();
        assertThat(later.exitCode()).as("the cache is used: " + later.describe()).isZero();
        assertThat(announcements(later)).isEmpty();
    }

    @Test
    void trainingTurnedOffMakesNoCacheAndAnnouncesNothing() throws Exception {
        for (int run = 0; run < 2; run++) {
            Command.Result result = scan(PROJECT).env("EVENTLET_SCAN_AOT_TRAINING", "off").run();
            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(announcements(result)).isEmpty();
        }
        assertThat(cacheFiles(".aot")).isEmpty();
        assertThat(cacheFiles(".training")).isEmpty();
    }

    /**
     * What a clone holds, plus the native libraries this build compiled (with their stamp of sources, so the copy's
     * build takes them as they are): compiling them again would double the test's time and prove nothing the step's
     * line does not.
     */
    private Path freshCheckout() throws IOException {
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        for (String part : List.of("pom.xml", "build", "eventlet-scan", "scripts", "src/main", "src/build", "rules", "samples",
                "target/generated-resources/natives")) {
            copy(PROJECT.resolve(part), checkout.resolve(part));
        }
        return checkout;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
