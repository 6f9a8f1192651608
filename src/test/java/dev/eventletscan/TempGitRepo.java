package dev.eventletscan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A real git repository in a temporary folder, driven through JGit, for tests of git-aware behaviour. */
public final class TempGitRepo implements AutoCloseable {
    private final Path dir;
    private final Git git;

    private TempGitRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static TempGitRepo init(Path dir, String branch) throws GitAPIException {
        return new TempGitRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call());
    }

    public Path dir() {
        return dir;
    }

    public Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    public String read(String relative) throws IOException {
        return Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
    }

    /** Stages everything, deletions included, and commits; returns the commit id. */
    public String commitAll(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.invalid").setCommitter("t", "t@example.invalid")
                .setSign(false).call().name();
    }

    /** As {@link #commitAll(String)}, authored and committed at {@code when} (UTC): for histories with known dates. */
    public String commitAll(String message, Instant when) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        var who = new PersonIdent("t", "t@example.invalid", when, ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().name();
    }

    /** Removes a file from the working tree (the next commit records the deletion). */
    public void delete(String relative) throws IOException {
        Files.delete(dir.resolve(relative));
    }

    public Git git() {
        return git;
    }

    public void newBranch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).call();
    }

    public void checkout(String name) throws GitAPIException {
        git.checkout().setName(name).call();
    }

    /** Puts every tracked file back as committed and removes untracked ones. */
    public void reset() throws GitAPIException {
        git.reset().setMode(ResetCommand.ResetType.HARD).call();
        git.clean().setCleanDirectories(true).call();
    }

    /** The 1-based line of the first line containing text. */
    public int lineOf(String relative, String text) throws IOException {
        var lines = read(relative).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + relative);
    }

    @Override
    public void close() {
        git.close();
    }
}
