package dev.eventletscan.gate;

import dev.eventletscan.api.ScanListener;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.cache.ResultCache;
import dev.eventletscan.model.BaselineEntry;
import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The findings the merge base already had, scanned from its git objects as {@code trend} scans a commit: with
 * {@code --diff-base} and no baseline, a finding on a changed line that the base had (by identity, as a baseline
 * entry is matched) was moved, not added. A method moved within its file is not new eventlet usage.
 */
public final class MergeBaseFindings {
    private MergeBaseFindings() {}

    /** @return the base's findings as baseline entries; empty when the repository has no commit yet */
    public static List<BaselineEntry> of(Scanner scanner, ScanRequest request, ChangedLines changes) throws IOException {
        var base = changes.baseTree();
        if (base.isEmpty()) {
            return List.of();
        }
        ChangedLines.BaseTree tree = base.get();
        try (Repository repo = new FileRepositoryBuilder().setGitDir(tree.gitDir().toFile()).setMustExist(true).build()) {
            var walk = scanner.treeWalker(request).walk(repo, tree.tree(), tree.top(), tree.root());
            return BaselineFile.entries(scanner.scan(request, walk, ResultCache.inMemory(), ScanListener.NONE).findings());
        }
    }
}
