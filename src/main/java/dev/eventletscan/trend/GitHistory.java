package dev.eventletscan.trend;

import dev.eventletscan.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The repository holding a folder, and the first-parent history of its current branch: the commits as the
 * branch saw them land, one per merge, never the side branches' own commits.
 */
final class GitHistory implements AutoCloseable {
    /** One commit of the first-parent chain. */
    record Link(ObjectId id, Instant date, String subject, ObjectId tree) {
        String shortId() {
            return id.name().substring(0, 10);
        }
    }

    private final Repository repository;
    private final Path top;
    private final String root;
    private final String branch;
    private final RevCommit head;
    private final Set<ObjectId> shallow;

    private GitHistory(Repository repository, Path top, String root, String branch, RevCommit head, Set<ObjectId> shallow) {
        this.repository = repository;
        this.top = top;
        this.root = root;
        this.branch = branch;
        this.head = head;
        this.shallow = shallow;
    }

    /**
     * @param target a folder in a work tree, the top of one, or a bare repository's folder
     * @throws InvalidInputException when it is no folder, not in a git repository, or the repository has no commit
     */
    static GitHistory open(Path target) throws IOException {
        Path folder = target.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(target + ": " + (Files.exists(folder) ? "not a folder" : "no such folder")
                    + " (trend reads the history of the git repository holding a folder)");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toFile());
        if (builder.getGitDir() == null) {
            throw new InvalidInputException(target + ": not in a git repository (trend reads the history of its current branch)");
        }
        Repository repository = builder.setMustExist(true).build();
        try {
            Path top;
            String root;
            if (repository.isBare()) {
                top = repository.getDirectory().toPath().toAbsolutePath().normalize();
                root = "";
            } else {
                top = repository.getWorkTree().toPath().toRealPath();
                Path real = folder.toRealPath();
                if (real.startsWith(repository.getDirectory().toPath().toRealPath())) {
                    real = top; // the .git folder itself: its work tree is meant
                }
                root = top.relativize(real).toString().replace('\\', '/');
            }
            ObjectId headId = repository.resolve(Constants.HEAD);
            if (headId == null) {
                throw new InvalidInputException(target + ": the repository has no commit yet");
            }
            RevCommit head;
            try (RevWalk walk = new RevWalk(repository)) {
                head = walk.parseCommit(headId);
            }
            String full = repository.getFullBranch();
            String branch = full != null && full.startsWith(Constants.R_HEADS) ? full.substring(Constants.R_HEADS.length()) : null;
            return new GitHistory(repository, top, root, branch, head, repository.getObjectDatabase().getShallowCommits());
        } catch (IOException | RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    Repository repository() {
        return repository;
    }

    /** Where the repository's files would sit: its work tree, or a bare repository's folder. */
    Path top() {
        return top;
    }

    /** The scanned folder inside the repository, '/'-separated, "" for all of it. */
    String root() {
        return root;
    }

    /** The current branch, or null on a detached HEAD. */
    String branch() {
        return branch;
    }

    Link head() {
        return link(head);
    }

    /**
     * The first-parent chain from HEAD, newest first, down to the first commit dated at or before {@code oldest}
     * (that one included), or to the branch's first commit.
     *
     * @throws InvalidInputException when the chain ends at a shallow clone's boundary before reaching {@code oldest}
     */
    List<Link> chainDownTo(Instant oldest) throws IOException {
        List<Link> chain = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit c = walk.parseCommit(head);
            while (true) {
                chain.add(link(c));
                if (!Instant.ofEpochSecond(c.getCommitTime()).isAfter(oldest)) {
                    return chain;
                }
                if (shallow.contains(c.getId())) {
                    throw shallowBoundary(c);
                }
                if (c.getParentCount() == 0) {
                    return chain;
                }
                try {
                    c = walk.parseCommit(c.getParent(0));
                } catch (MissingObjectException e) {
                    throw shallowBoundary(c);
                }
            }
        }
    }

    private InvalidInputException shallowBoundary(RevCommit c) {
        String date = TrendDates.day(Instant.ofEpochSecond(c.getCommitTime()));
        return new InvalidInputException("the history stops at commit " + c.getId().name().substring(0, 10) + " of " + date
                + " (a shallow clone): fetch the rest with 'git fetch --unshallow', or start with --since " + date + " or later");
    }

    private static Link link(RevCommit c) {
        return new Link(c.getId().copy(), Instant.ofEpochSecond(c.getCommitTime()), c.getShortMessage(), c.getTree().getId().copy());
    }

    @Override
    public void close() {
        repository.close();
    }
}
