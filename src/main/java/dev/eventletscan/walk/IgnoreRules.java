package dev.eventletscan.walk;

import dev.eventletscan.fileio.FileErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Git's ignore rules as they apply while walking down a tree: the
 * repository's info/exclude, then one .gitignore per folder, the deepest
 * deciding first. Matching itself is JGit's, so patterns behave as in git.
 *
 * <p>Rules are matched on paths from the top of the work tree, as git matches
 * them, also when the scan starts in a folder below it. Git never looks into
 * an ignored folder, so a pattern like {@code build/} never has to match
 * {@code build/lib/x.py}; the walk prunes such folders, and a scan root inside
 * one is found by {@link #ignoredAncestor()}. The user's global excludes file
 * is not read: a scan must not depend on whose machine runs it.
 */
final class IgnoreRules {
    /** Rules that apply to paths under {@code base}, a '/'-ended path from the work tree's top ("" for all). */
    private record Level(String base, IgnoreNode node) {}

    private final Deque<Level> levels = new ArrayDeque<>();
    /** Ignore files that exist but could not be read, with why: the walk reports them and goes on without their rules. */
    private final Map<Path, String> unreadable = new LinkedHashMap<>();
    /** From the work tree's top down to the scan root, '/'-ended; "" when they are one, or outside a work tree. */
    private final String rootFromTop;
    private String ignoredAncestor;

    private IgnoreRules(String rootFromTop) {
        this.rootFromTop = rootFromTop;
    }

    /** Only the rules found while walking down from the root. */
    static IgnoreRules below() {
        return new IgnoreRules("");
    }

    /**
     * Rules for a walk of a tree whose top is known (a commit's), starting at {@code rootFromTop}; the caller
     * pushes every ignore file, those above the root included, with {@link #pushFromTop(InputStream, String, String)}.
     */
    static IgnoreRules fromTop(String rootFromTop) {
        return new IgnoreRules(rootFromTop);
    }

    /**
     * The rules in force at the scan root: info/exclude and the .gitignore files from the top of the work tree
     * holding it down to it (but not the root's own, which the walk reads). Outside a work tree, none.
     */
    static IgnoreRules at(Path realRoot) throws IOException {
        Path top = realRoot;
        while (top != null && !Files.exists(top.resolve(".git"))) {
            top = top.getParent();
        }
        if (top == null) {
            return below();
        }
        String down = top.relativize(realRoot).toString().replace('\\', '/');
        IgnoreRules rules = new IgnoreRules(down.isEmpty() ? "" : down + "/");
        Path gitDir = top.resolve(".git");
        if (Files.isDirectory(gitDir)) {
            rules.pushFromTop(gitDir.resolve("info").resolve("exclude"), "");
        }
        Path dir = top;
        String fromTop = "";
        for (Path name : top.relativize(realRoot)) {
            rules.pushFromTop(dir.resolve(".gitignore"), fromTop);
            dir = dir.resolve(name);
            fromTop += name;
            if (rules.ignoredFromTop(fromTop, true)) {
                rules.ignoredAncestor = fromTop;
                break;
            }
            fromTop += "/";
        }
        return rules;
    }

    /** The scan root, or the folder above it, that git ignores (from the work tree's top), or null. */
    String ignoredAncestor() {
        return ignoredAncestor;
    }

    /** Reads the ignore file if it exists and makes it apply below {@code base} (a '/'-ended path from the scan root, or ""). */
    boolean push(Path ignoreFile, String base) throws IOException {
        return pushFromTop(ignoreFile, rootFromTop + base);
    }

    private boolean pushFromTop(Path ignoreFile, String base) throws IOException {
        if (!Files.isRegularFile(ignoreFile)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(ignoreFile)) {
            return pushFromTop(in, ignoreFile.toString(), base);
        } catch (IOException e) {
            unreadable.put(ignoreFile, FileErrors.reason(e));
            return false;
        }
    }

    /** Each ignore file that could not be read since the last call, with why; then forgets them. */
    Map<Path, String> takeUnreadable() {
        var out = new LinkedHashMap<>(unreadable);
        unreadable.clear();
        return out;
    }

    /**
     * As {@link #push(Path, String)}, for an ignore file's content read elsewhere (a commit's tree).
     *
     * @param base where the rules apply: a '/'-ended path from the work tree's top, or ""
     */
    boolean pushFromTop(InputStream content, String name, String base) throws IOException {
        IgnoreNode node = new IgnoreNode();
        node.parse(name, content);
        if (node.getRules().isEmpty()) {
            return false;
        }
        levels.push(new Level(base, node));
        return true;
    }

    void pop() {
        levels.pop();
    }

    /** @param relativePath from the scan root */
    boolean isIgnored(String relativePath, boolean directory) {
        return ignoredFromTop(rootFromTop + relativePath, directory);
    }

    private boolean ignoredFromTop(String path, boolean directory) {
        for (Iterator<Level> it = levels.iterator(); it.hasNext(); ) {
            Level level = it.next();
            if (!path.startsWith(level.base())) {
                continue;
            }
            Boolean ignored = level.node().checkIgnored(path.substring(level.base().length()), directory);
            if (ignored != null) {
                return ignored;
            }
        }
        return false;
    }
}
