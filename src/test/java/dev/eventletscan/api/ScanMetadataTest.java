package dev.eventletscan.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.model.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanMetadataTest {
    @TempDir
    Path tmp;

    @Test
    void aScanInsideAGitRepositoryNamesItsCommitAndBranch() throws Exception {
        Path repo = Files.createDirectory(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve("svc"));
        Files.writeString(repo.resolve("svc/main.py"), "import eventlet\neventlet.monkey_patch()\n");
        RevCommit commit;
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("trunk").call()) {
            git.add().addFilepattern(".").call();
            commit = git.commit().setMessage("first").setAuthor("t", "t@example.invalid")
                    .setCommitter("t", "t@example.invalid").setSign(false).call();
        }
        ScanRequest request = new ScanRequest(repo.resolve("svc"), List.of("*.py"), List.of("tests"), 1, List.of());
        ScanResult result = Scanner.forRequest(request).scan(request);

        assertThat(result.metadata().gitCommit()).isEqualTo(commit.name());
        assertThat(result.metadata().gitBranch()).isEqualTo("trunk");
        assertThat(result.metadata().options().includes()).containsExactly("*.py");
        assertThat(result.metadata().options().excludes()).containsExactly("tests");
        assertThat(result.metadata().timing().durationMillis()).isNotNegative();
        assertThat(result.withoutTiming().metadata().timing()).isNull();
        assertThat(result.rules()).extracting(r -> r.id()).containsExactly("EVT001", "EVT100");
        assertThat(result.rules().get(1).asyncioHint()).isNotBlank();
        assertThat(result.files().get(0).excerpts()).singleElement()
                .satisfies(e -> assertThat(e.startLine()).isEqualTo(1))
                .satisfies(e -> assertThat(e.lines()).containsExactly("import eventlet", "eventlet.monkey_patch()"));
    }

    @Test
    void outsideGitThereIsNoCommit() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("plain"));
        Files.writeString(dir.resolve("a.py"), "import eventlet\n");
        ScanResult result = Scanner.forRequest(ScanRequest.of(dir)).scan(ScanRequest.of(dir));
        assertThat(result.metadata().gitCommit()).isNull();
        assertThat(result.metadata().gitBranch()).isNull();
    }
}
