package dev.eventletscan.gate;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The lines added or changed in the working tree since a git revision, as a pull request shows them: counted
 * from the merge base of that revision and HEAD, so what the base branch did meanwhile is not the change's.
 * Uncommitted and untracked (not ignored) files count, as a pre-commit hook needs. Renames are detected, so a
 * moved file is not all new. Read with JGit; no git command is needed.
 */
public final class ChangedLines {
    private final String baseCommit;
    private final Map<String, BitSet> changed;
    private final Set<String> added;
    private BaseTree baseTree;

    private ChangedLines(String baseCommit, Map<String, BitSet> changed, Set<String> added) {
        this.baseCommit = baseCommit;
        this.changed = changed;
        this.added = added;
    }

    /**
     * Where the base commit's files are, for a scan of them from git objects.
     *
     * @param gitDir the repository's git folder
     * @param tree the base commit's root tree
     * @param top the work tree
     * @param root the scan root inside it, '/'-separated, "" for all of it
     */
    public record BaseTree(Path gitDir, ObjectId tree, Path top, String root) {}

    /** The base commit's tree, or empty in a repository with no commit yet. */
    public Optional<BaseTree> baseTree() {
        return Optional.ofNullable(baseTree);
    }

    /** The commit changes are counted from; null in a repository with no commit yet, where everything is new. */
    public String baseCommit() {
        return baseCommit;
    }

    /** True when any line of the finding was added or changed. Paths are relative to the scan root. */
    public boolean touches(Finding f) {
        if (added == null || added.contains(f.path())) {
            return true;
        }
        BitSet lines = changed.get(f.path());
        if (lines == null) {
            return false;
        }
        int next = lines.nextSetBit(f.line());
        return next >= 0 && next <= Math.max(f.line(), f.endLine());
    }

    /**
     * @param target the scanned folder or file, inside a git work tree
     * @param revision a branch, tag, commit or any expression git accepts ({@code origin/main}, {@code HEAD~3})
     * @throws InvalidInputException when the target is not in a work tree or the revision is unknown
     */
    public static ChangedLines since(Path target, String revision) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            root = root.getParent();
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root.toFile());
        if (builder.getGitDir() == null) {
            throw new InvalidInputException(target + ": --diff-base needs a git work tree, and this is not in one");
        }
        try (Repository repo = builder.build(); RevWalk walk = new RevWalk(repo)) {
            if (repo.isBare()) {
                throw new InvalidInputException(target + ": --diff-base needs a work tree, and the repository is bare");
            }
            if (repo.resolve(Constants.HEAD) == null && namesHead(repo, revision)) {
                // A first commit: there is nothing to compare with, so every staged line is the change's.
                return new ChangedLines(null, Map.of(), null);
            }
            RevCommit from = fromCommit(repo, walk, revision);
            Path top = repo.getWorkTree().toPath().toRealPath();
            String prefix = top.relativize(root.toRealPath()).toString().replace('\\', '/');
            ChangedLines lines = diff(repo, from, prefix);
            lines.baseTree = new BaseTree(repo.getDirectory().toPath(), from.getTree().getId(), top, prefix);
            return lines;
        }
    }

    /** HEAD, or the branch HEAD will be once committed to. */
    private static boolean namesHead(Repository repo, String revision) throws IOException {
        return revision.equals(Constants.HEAD) || revision.equals("@") || revision.equals(repo.getBranch())
                || revision.equals(repo.getFullBranch());
    }

    private static RevCommit fromCommit(Repository repo, RevWalk walk, String revision) throws IOException {
        requireUpstream(repo, revision);
        ObjectId base;
        try {
            base = repo.resolve(revision + "^{commit}");
        } catch (RevisionSyntaxException e) {
            base = null;
        } catch (IncorrectObjectTypeException e) {
            ObjectId named = repo.resolve(revision);
            String kind = named == null ? "not a commit" : "a " + Constants.typeString(repo.open(named).getType()) + ", not a commit";
            throw new InvalidInputException("--diff-base: '" + revision + "' is " + kind + " (name a branch, tag or commit)");
        }
        if (base == null) {
            throw new InvalidInputException("--diff-base: unknown revision '" + revision
                    + "' (in CI, fetch it first: a shallow clone may not have it)");
        }
        RevCommit baseCommit = walk.parseCommit(base);
        ObjectId head = repo.resolve(Constants.HEAD);
        if (head == null) {
            return baseCommit;
        }
        walk.setRevFilter(RevFilter.MERGE_BASE);
        walk.markStart(baseCommit);
        walk.markStart(walk.parseCommit(head));
        RevCommit mergeBase = walk.next();
        walk.reset();
        walk.setRevFilter(RevFilter.ALL);
        // No merge base (unrelated histories, or a shallow clone that lacks it): compare with the revision itself.
        return mergeBase != null ? mergeBase : baseCommit;
    }

    /**
     * JGit reads {@code @{upstream}} of a branch that has none as the branch itself, so a pull request would be
     * compared with its own HEAD and nothing would be new.
     */
    private static void requireUpstream(Repository repo, String revision) throws IOException {
        Matcher m = UPSTREAM.matcher(revision);
        if (!m.find()) {
            return;
        }
        String branch = m.group(1).isEmpty() || m.group(1).equals(Constants.HEAD) ? repo.getBranch() : m.group(1);
        if (branch == null || new BranchConfig(repo.getConfig(), Repository.shortenRefName(branch)).getTrackingBranch() == null) {
            throw new InvalidInputException("--diff-base: '" + revision + "': " + (branch == null ? "HEAD" : "branch '" + branch + "'")
                    + " has no upstream (set one with git branch --set-upstream-to, or name the base branch)");
        }
    }

    private static final Pattern UPSTREAM = Pattern.compile("^([^@]*)@\\{(?i:upstream|u)\\}");

    private static ChangedLines diff(Repository repo, RevCommit from, String prefix) throws IOException {
        Map<String, BitSet> changed = new HashMap<>();
        Set<String> added = new HashSet<>();
        try (DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE); ObjectReader reader = repo.newObjectReader()) {
            df.setRepository(repo);
            df.setDetectRenames(true);
            df.setContext(0);
            TreeFilter scope = prefix.isEmpty() ? TreeFilter.ALL : PathFilter.create(prefix);
            df.setPathFilter(AndTreeFilter.create(scope, new TrackedOrNotIgnored()));
            CanonicalTreeParser old = new CanonicalTreeParser();
            old.reset(reader, from.getTree());
            String strip = prefix.isEmpty() ? "" : prefix + "/";
            for (DiffEntry entry : df.scan(old, new FileTreeIterator(repo))) {
                String path = entry.getNewPath();
                if (entry.getChangeType() == DiffEntry.ChangeType.DELETE || !path.startsWith(strip)) {
                    continue;
                }
                String relative = path.substring(strip.length());
                if (entry.getChangeType() == DiffEntry.ChangeType.ADD || entry.getChangeType() == DiffEntry.ChangeType.COPY) {
                    added.add(relative);
                    continue;
                }
                BitSet lines = changed.computeIfAbsent(relative, k -> new BitSet());
                for (Edit edit : df.toFileHeader(entry).toEditList()) {
                    lines.set(edit.getBeginB() + 1, edit.getEndB() + 1); // Edit lines are 0-based, end exclusive
                }
            }
        }
        return new ChangedLines(from.name(), changed, added);
    }

    /** Files in the base commit, and working-tree files git does not ignore: never a walk into .tox or a venv. */
    private static final class TrackedOrNotIgnored extends TreeFilter {
        @Override
        public boolean include(TreeWalk walker) throws IOException {
            if (walker.getRawMode(0) != 0) {
                return true;
            }
            WorkingTreeIterator work = walker.getTree(1, WorkingTreeIterator.class);
            return work == null || !work.isEntryIgnored();
        }

        @Override
        public boolean shouldBeRecursive() {
            return false;
        }

        @Override
        public TreeFilter clone() {
            return this;
        }
    }
}
