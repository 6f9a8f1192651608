package dev.eventletscan.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk's memo never hides a change: whatever happened to the tree since the memo was made, a walk with it lists
 * what a walk without it lists. The memos here are dated ten seconds ahead, so the racy-time guard (which would
 * make a walk right after the tree was written ignore them) is out of the way and only the stamps decide.
 */
class WalkMemoTest {
    @TempDir
    Path root;

    private void write(String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private static final RepositoryWalker WALKER = new RepositoryWalker(PathFilter.none(), rel -> rel.endsWith("setup.cfg"),
            WalkOptions.DEFAULT);

    private RepositoryWalker.Remembered walk(WalkMemo memo, ExecutorService pool) throws IOException {
        return WALKER.walk(root, memo, pool);
    }

    /** The memo of a fresh walk, dated as if it were taken later, when every stamp of the tree is old enough to trust. */
    private WalkMemo trustedMemo() throws IOException {
        WalkMemo memo = walk(WalkMemo.NONE, null).memo();
        assertThat(memo).isNotNull();
        return new WalkMemo(System.currentTimeMillis() + 10_000, memo.folders());
    }

    private static List<String> listing(WalkResult walk) {
        return walk.files().stream().map(f -> f.relativePath() + (f.python() ? "" : " (text)")).toList();
    }

    private void tree() throws IOException {
        write("pkg/a.py", "import eventlet\n");
        write("pkg/sub/b.py", "");
        write("bin/tool", "#!/usr/bin/env python3\n");
        write("bin/notes", "plain text\n");
        write("setup.cfg", "[metadata]\n");
    }

    @Test
    void anUnchangedTreeWalksTheSameFromTheMemoAndTheMemoCoversEveryFolder() throws IOException {
        tree();
        WalkMemo memo = trustedMemo();
        assertThat(memo.folders().keySet()).containsExactly("", "bin/", "pkg/", "pkg/sub/");
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            RepositoryWalker.Remembered again = walk(memo, pool);
            assertThat(listing(again.result())).isEqualTo(listing(walk(WalkMemo.NONE, null).result()))
                    .containsExactly("bin/tool", "pkg/a.py", "pkg/sub/b.py", "setup.cfg (text)");
            assertThat(again.memo()).as("nothing new to remember").isNull();
        }
    }

    @Test
    void filesAddedRemovedOrRenamedInARememberedFolderAreSeen() throws IOException {
        tree();
        WalkMemo memo = trustedMemo();
        write("pkg/sub/new.py", "");
        Files.delete(root.resolve("pkg/a.py"));
        Files.move(root.resolve("bin/tool"), root.resolve("bin/tool2"));
        Files.createDirectories(root.resolve("pkg/sub/deeper"));
        write("pkg/sub/deeper/c.py", "");
        assertThat(listing(walk(memo, null).result())).isEqualTo(listing(walk(WalkMemo.NONE, null).result()))
                .containsExactly("bin/tool2", "pkg/sub/b.py", "pkg/sub/deeper/c.py", "pkg/sub/new.py", "setup.cfg (text)");
    }

    @Test
    void aFileRewrittenInPlaceIsReadAgainForItsShebang() throws IOException {
        tree();
        WalkMemo memo = trustedMemo();
        // in place: the folder's times stay as they were, only the files' own stamps move
        Files.writeString(root.resolve("bin/notes"), "#!/usr/bin/python3\n");
        Files.writeString(root.resolve("bin/tool"), "#!/bin/sh\n");
        RepositoryWalker.Remembered again = walk(memo, null);
        assertThat(listing(again.result())).containsExactly("bin/notes", "pkg/a.py", "pkg/sub/b.py", "setup.cfg (text)");
        // the files were written a moment ago: the next walk could not trust their new stamps, so nothing is saved
        assertThat(again.memo()).isNull();
    }

    @Test
    void aFolderReplacedByAFileOrAVirtualenvIsSeen() throws IOException {
        tree();
        WalkMemo memo = trustedMemo();
        Files.delete(root.resolve("pkg/sub/b.py"));
        Files.delete(root.resolve("pkg/sub"));
        write("pkg/sub", "#!/usr/bin/env python\n");
        write("bin/pyvenv.cfg", "home = /usr/bin\n");
        write(".gitignore", "setup.cfg\n");
        assertThat(listing(walk(memo, null).result())).isEqualTo(listing(walk(WalkMemo.NONE, null).result()))
                .containsExactly("pkg/a.py", "pkg/sub");
    }

    @Test
    void aMemoOfAnotherTreeOrTooRecentToTrustIsNotUsed() throws IOException {
        tree();
        WalkMemo fresh = walk(WalkMemo.NONE, null).memo();
        // the tree was written a moment ago: its stamps could still change within the same clock tick
        assertThat(fresh.folders().get("bin/").stamp()).isNotNull();
        assertThat(fresh.folderIfUnchanged("bin/", fresh.folders().get("bin/").stamp())).isNull();
        // a memo whose folders have other stamps (another tree at the same path, say) lists nothing from it
        WalkMemo other = new WalkMemo(System.currentTimeMillis() + 10_000, fresh.folders());
        Files.delete(root.resolve("bin/notes"));
        Files.delete(root.resolve("bin/tool"));
        Files.delete(root.resolve("bin"));
        write("bin/other", "#!/usr/bin/python\n");
        assertThat(listing(walk(other, null).result())).contains("bin/other").doesNotContain("bin/tool");
    }
}
