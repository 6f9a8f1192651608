package dev.eventletscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.eventletscan.TempGitRepo;
import dev.eventletscan.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each hook of {@code .pre-commit-hooks.yaml} as pre-commit would: its entry, split into words, run in the
 * root of a git repository with changes staged, no file names passed. The program the entry names is a stand-in
 * that starts this build's classes: the real launcher would package the jar, which does not exist yet while the
 * tests run, and then do the same.
 */
@Tag("slow")
class PreCommitHookTest {
    @TempDir
    Path tmp;

    record Run(int exitCode, String output) {}

    @Test
    void everyDeclaredHookBlocksAStagedSpawnAndPassesACleanChange() throws Exception {
        JsonNode hooks = new YAMLMapper().readTree(TestSupport.projectDir().resolve(".pre-commit-hooks.yaml").toFile());
        assertThat(hooks).isNotEmpty();
        Path bin = standIn();
        for (JsonNode hook : hooks) {
            String id = hook.get("id").asText();
            List<String> entry = List.of(hook.get("entry").asText().trim().split("\\s+"));
            assertThat(hook.get("pass_filenames").asBoolean(true)).as(id + ": the whole repository is scanned").isFalse();
            assertThat(entry.getFirst()).isEqualTo("eventlet-scan");
            if (hook.get("language").asText().equals("script")) {
                Path launcher = TestSupport.projectDir().resolve(entry.getFirst());
                assertThat(Files.isExecutable(launcher)).as(id + ": script hooks run " + launcher).isTrue();
            } else {
                assertThat(hook.get("language").asText()).isEqualTo("system");
            }
            try (TempGitRepo repo = TempGitRepo.init(tmp.resolve(id), "main")) {
                repo.write("svc/worker.py", "import eventlet\n\n\ndef start(fn):\n    return eventlet.spawn(fn)\n");
                repo.commitAll("service");
                assertThat(run(bin, repo.dir(), List.of("eventlet-scan", "baseline", ".")).exitCode()).isZero();
                repo.commitAll("baseline");

                repo.write("svc/worker.py", repo.read("svc/worker.py") + "\n\ndef later(fn):\n    eventlet.spawn_after(1, fn)\n");
                Run blocked = run(bin, repo.dir(), entry);
                assertThat(blocked.exitCode()).as(id + ": " + blocked.output()).isEqualTo(1);
                assertThat(blocked.output()).contains("svc/worker.py:9:5: EVT202");
                repo.commitAll("accepted anyway");

                repo.write("svc/util.py", "def double(x):\n    return 2 * x\n");
                Run clean = run(bin, repo.dir(), entry);
                assertThat(clean.exitCode()).as(id + ": " + clean.output()).isZero();
            }
        }
    }

    /** An eventlet-scan on PATH that runs this build's classes in a fresh JVM, as the real launcher runs the jar. */
    private Path standIn() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path script = bin.resolve("eventlet-scan");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' --enable-native-access=ALL-UNNAMED -cp '"
                + System.getProperty("java.class.path") + "' dev.eventletscan.cli.Main \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private static Run run(Path bin, Path dir, List<String> command) throws Exception {
        List<String> argv = new ArrayList<>(command);
        argv.set(0, bin.resolve(argv.getFirst()).toString());
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("CI", "true");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }
}
