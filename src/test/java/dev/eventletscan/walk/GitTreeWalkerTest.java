package dev.eventletscan.walk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.TempGitRepo;
import dev.eventletscan.api.ScanListener;
import dev.eventletscan.api.ScanRequest;
import dev.eventletscan.api.Scanner;
import dev.eventletscan.cache.ResultCache;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit's tree lists and reads exactly what a disk scan of a clean checkout of it does. */
class GitTreeWalkerTest {
    @TempDir
    Path tmp;

    /** A repository with every kind of file the disk walker decides about. */
    private TempGitRepo repository() throws Exception {
        TempGitRepo repo = TempGitRepo.init(tmp.resolve("repo"), "main");
        repo.write("svc/__init__.py", "import eventlet\neventlet.monkey_patch()\n");
        repo.write("svc/worker.py", "from eventlet import greenthread\n\ndef run():\n    greenthread.spawn(print)\n");
        repo.write("svc/plain.py", "import threading\n");
        repo.write("svc/stubs.pyi", "import eventlet\n");
        repo.write("svc/generated/out.py", "import eventlet\n"); // tracked, then ignored by a later .gitignore
        repo.write("svc/api_pb2.py", "import eventlet\n");
        repo.write("bin/tool", "#!/usr/bin/env python3\nimport eventlet\n");
        repo.write("bin/shell", "#!/bin/sh\necho eventlet\n");
        repo.write("requirements.txt", "eventlet>=0.30\noslo.messaging\n");
        repo.write("setup.cfg", "[metadata]\nname = svc\n[entry_points]\nconsole_scripts =\n    svc = svc.worker:run\n");
        repo.write("README.md", "Uses eventlet.\n");
        repo.write("etc/svc.conf", "[DEFAULT]\nexecutor = eventlet\n");
        repo.write("env3/pyvenv.cfg", "home = /usr/bin\n");
        repo.write("env3/lib/site.py", "import eventlet\n");
        repo.write("build/lib/copy.py", "import eventlet\n");
        repo.write(".tox/py3/x.py", "import eventlet\n");
        repo.write("svc.egg-info/entry_points.txt", "[console_scripts]\nsvc2 = svc.worker:run\n");
        repo.write("svc.egg-info/SOURCES.txt", "eventlet\n");
        repo.write("tests/test_x.py", "import eventlet\n");
        repo.commitAll("first");
        repo.write(".gitignore", "generated/\n*_pb2.py\n");
        repo.write("svc/.gitignore", "!api_pb2.py\n");
        repo.commitAll("ignore generated code");
        return repo;
    }

    private static List<String> listing(WalkResult walk) {
        return walk.files().stream().map(f -> f.relativePath() + (f.python() ? " (python)" : "")).toList();
    }

    private static ObjectId tree(Repository repo, String revision) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(repo.resolve(revision)).getTree().getId();
        }
    }

    @Test
    void listsWhatTheDiskWalkerListsInACleanCheckout() throws Exception {
        try (TempGitRepo repo = repository();
                Repository git = new FileRepositoryBuilder().findGitDir(repo.dir().toFile()).build()) {
            for (List<String> excludes : List.of(List.<String>of(), List.of("tests"), List.of("svc/**"))) {
                ScanRequest request = new ScanRequest(repo.dir(), List.of(), excludes, 1, List.of());
                Scanner scanner = Scanner.forRequest(request);
                WalkResult disk = scanner.walker(request).walk(repo.dir());
                WalkResult fromGit = scanner.treeWalker(request).walk(git, tree(git, "HEAD"), repo.dir(), "");
                assertThat(listing(fromGit)).as("excludes " + excludes).isEqualTo(listing(disk)).isNotEmpty();
                assertThat(fromGit.files()).isEqualTo(disk.files()); // same synthetic paths as the real ones
            }
            ScanRequest request = ScanRequest.of(repo.dir());
            assertThat(listing(Scanner.forRequest(request).treeWalker(request).walk(git, tree(git, "HEAD"), repo.dir(), "")))
                    .contains("svc/api_pb2.py (python)", "bin/tool (python)", "svc.egg-info/entry_points.txt")
                    .doesNotContain("svc/generated/out.py (python)", "bin/shell", "env3/lib/site.py (python)");
        }
    }

    @Test
    void aScanOfTheTreeEqualsAScanOfTheCheckout() throws Exception {
        try (TempGitRepo repo = repository();
                Repository git = new FileRepositoryBuilder().findGitDir(repo.dir().toFile()).build()) {
            ScanRequest request = new ScanRequest(repo.dir(), List.of(), List.of(), 2, List.of());
            Scanner scanner = Scanner.forRequest(request);
            ScanResult disk = scanner.scan(request).withoutTiming();
            WalkResult walk = scanner.treeWalker(request).walk(git, tree(git, "HEAD"), repo.dir(), "");
            ScanResult fromGit = scanner.scan(request, walk, ResultCache.disabled(), ScanListener.NONE).withoutTiming();
            assertThat(fromGit.findings()).isNotEmpty().isEqualTo(disk.findings());
            assertThat(fromGit.summary()).isEqualTo(disk.summary());
            assertThat(fromGit.assessment()).isEqualTo(disk.assessment());
            assertThat(fromGit.files()).isEqualTo(disk.files());
        }
    }

    @Test
    void readsTheCommitNotTheWorkingTree() throws Exception {
        try (TempGitRepo repo = repository();
                Repository git = new FileRepositoryBuilder().findGitDir(repo.dir().toFile()).build()) {
            ObjectId first = tree(git, "HEAD~1");
            Files.delete(repo.dir().resolve("svc/__init__.py"));
            repo.write("svc/worker.py", "# nothing here any more\n");
            repo.write("svc/new.py", "import eventlet\n");
            ScanRequest request = ScanRequest.of(repo.dir());
            WalkResult walk = Scanner.forRequest(request).treeWalker(request).walk(git, first, repo.dir(), "");
            assertThat(listing(walk)).contains("svc/generated/out.py (python)", "svc/api_pb2.py (python)")
                    .doesNotContain("svc/new.py (python)");
            SourceFile worker = walk.files().stream().filter(f -> f.relativePath().equals("svc/worker.py")).findFirst().orElseThrow();
            assertThat(new String(walk.contents().read(worker), StandardCharsets.UTF_8)).startsWith("from eventlet import greenthread");
            assertThat(walk.contents().size(worker)).isEqualTo(walk.contents().read(worker).length);
            assertThat(walk.contents().isPackage(repo.dir().resolve("svc"))).as("svc/__init__.py is in the commit").isTrue();
            assertThat(walk.contents().isPackage(repo.dir().resolve("bin"))).isFalse();
            assertThat(walk.contents().isPackage(repo.dir().getParent())).isFalse();
        }
    }

    @Test
    void aScanRootBelowTheTopSeesTheIgnoreFilesAndPackagesAboveIt() throws Exception {
        try (TempGitRepo repo = TempGitRepo.init(tmp.resolve("mono"), "main");
                Repository git = new FileRepositoryBuilder().findGitDir(tmp.resolve("mono").toFile()).build()) {
            repo.write("services/__init__.py", "");
            repo.write("services/green/__init__.py", "");
            repo.write("services/green/skip.py", "import eventlet\n");
            repo.write("services/green/keep.py", "import eventlet\n");
            repo.commitAll("one");
            repo.write(".gitignore", "services/green/skip.py\n");
            repo.commitAll("two");
            Path root = repo.dir().resolve("services/green");
            ScanRequest request = ScanRequest.of(root);
            Scanner scanner = Scanner.forRequest(request);
            WalkResult walk = scanner.treeWalker(request).walk(git, tree(git, "HEAD"), repo.dir(), "services/green");
            assertThat(listing(walk)).isEqualTo(listing(scanner.walker(request).walk(root))).containsExactly(
                    "__init__.py (python)", "keep.py (python)");
            assertThat(walk.files().get(1).path()).isEqualTo(root.resolve("keep.py"));
            assertThat(walk.contents().isPackage(repo.dir().resolve("services"))).isTrue();
            assertThat(scanner.treeWalker(request).walk(git, tree(git, "HEAD"), repo.dir(), "not/there").files())
                    .as("a folder the commit does not have").isEmpty();
        }
    }
}
