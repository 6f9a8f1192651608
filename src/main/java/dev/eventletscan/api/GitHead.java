package dev.eventletscan.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The commit and branch checked out in the git repository that holds a path,
 * so a report says which version of the code it describes.
 */
record GitHead(String commit, String branch) {
    static final GitHead NONE = new GitHead(null, null);

    /** Never fails the scan: a folder outside git, or a repository JGit cannot read, simply has no head. */
    static GitHead of(Path target) {
        Path start = target.toAbsolutePath().normalize();
        if (!Files.isDirectory(start)) {
            start = start.getParent();
        }
        if (start == null) {
            return NONE;
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(start.toFile());
        if (builder.getGitDir() == null) {
            return NONE;
        }
        try (Repository repo = builder.build()) {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return NONE; // a repository with no commit yet
            }
            String full = repo.getFullBranch();
            String branch = full != null && full.startsWith(Constants.R_HEADS) ? full.substring(Constants.R_HEADS.length()) : null;
            return new GitHead(head.name(), branch);
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }
}
