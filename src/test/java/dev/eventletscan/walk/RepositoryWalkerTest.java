package dev.eventletscan.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryWalkerTest {
    @TempDir
    Path root;

    private void write(String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private List<String> walk(PathFilter filter) throws IOException {
        return new RepositoryWalker(filter).walk(root).files().stream().map(SourceFile::relativePath).toList();
    }

    @Test
    void takesPythonFilesAndShebangScriptsInPathOrder() throws IOException {
        write("pkg/b.py", "");
        write("pkg/a.py", "");
        write("pkg/stubs.pyi", "");
        write("bin/tool", "#!/usr/bin/env python3\nprint(1)\n");
        write("bin/py2tool", "#!/usr/bin/python2.7 -u\n");
        write("bin/shell", "#!/bin/sh\necho python\n");
        write("README.md", "python");
        write("setup.cfg", "");
        assertThat(walk(PathFilter.none())).containsExactly(
                "bin/py2tool", "bin/tool", "pkg/a.py", "pkg/b.py", "pkg/stubs.pyi");
    }

    @Test
    void skipsVirtualenvsAndBuildOutput() throws IOException {
        for (String dir : List.of(".tox/py3", ".venv", "venv", "build/lib", "dist", ".eggs/x", "node_modules/x",
                "pkg/__pycache__", ".git/hooks", "my.egg-info")) {
            write(dir + "/m.py", "import eventlet");
        }
        write("env3/pyvenv.cfg", "home = /usr/bin");
        write("env3/lib/site.py", "");
        write("pkg/real.py", "");
        assertThat(walk(PathFilter.none())).containsExactly("pkg/real.py");
    }

    @Test
    void honoursGitignoreAtEveryLevelAndInfoExclude() throws IOException {
        Files.createDirectories(root.resolve(".git/info"));
        Files.writeString(root.resolve(".git/info/exclude"), "local_*.py\n");
        write(".gitignore", "generated/\n*_pb2.py\n");
        write("pkg/.gitignore", "scratch.py\n!keep_pb2.py\n");
        write("generated/x.py", "");
        write("api_pb2.py", "");
        write("pkg/keep_pb2.py", "");
        write("pkg/drop_pb2.py", "");
        write("pkg/scratch.py", "");
        write("scratch.py", "");
        write("local_settings.py", "");
        write("pkg/mod.py", "");
        assertThat(walk(PathFilter.none())).containsExactly("pkg/keep_pb2.py", "pkg/mod.py", "scratch.py");
    }

    @Test
    void ignoreFilesAboveTheScanRootApplyToo() throws IOException {
        Files.createDirectories(root.resolve(".git"));
        write(".gitignore", "sub/skip.py\n*.gen.py\n");
        write("sub/skip.py", "");
        write("sub/keep.py", "");
        write("sub/x.gen.py", "");
        List<String> files = new RepositoryWalker(PathFilter.none()).walk(root.resolve("sub")).files()
                .stream().map(SourceFile::relativePath).toList();
        assertThat(files).containsExactly("keep.py");
    }

    /**
     * From any scan root, the walk lists exactly the Python files git lists as not ignored. A root that git
     * ignores, or that lies inside an ignored folder, was named on purpose: it is scanned as a project of its own
     * (git's rules above it never reach inside), like a path given to ripgrep.
     */
    @Test
    void ignoreRulesAgreeWithGitFromAnyScanRoot() throws Exception {
        Assumptions.assumeTrue(git(root, "init", "-q").exitCode() == 0, "git is not installed");
        write(".gitignore", "gen/\n/sub/b/\nsub/c/\n*.tmp.py\nsub/f/*\n!sub/f/keep.py\nnested/**/cache/\n");
        write(".git/info/exclude", "local_*.py\n");
        write("sub/.gitignore", "d/\n!important.tmp.py\n");
        for (String file : List.of("top.py", "sub/ok.py", "sub/gen/x.py", "sub/b/y.py", "sub/c/z.py", "sub/c/deep/q.py",
                "sub/d/w.py", "sub/e/gen/v.py", "sub/a.tmp.py", "sub/important.tmp.py", "sub/f/keep.py", "sub/f/drop.py",
                "sub/g/fine.py", "sub/local_x.py", "nested/a/b.py", "nested/a/cache/c.py")) {
            write(file, "import eventlet\n");
        }
        for (String scanRoot : List.of("", "sub", "sub/c", "sub/c/deep", "sub/d", "sub/e", "sub/f", "nested/a", "nested/a/cache")) {
            String prefix = scanRoot.isEmpty() ? "" : scanRoot + "/";
            List<String> walked = new RepositoryWalker(PathFilter.none()).walk(root.resolve(scanRoot)).files().stream()
                    .map(f -> prefix + f.relativePath()).toList();
            // the folders a pattern ignores as such (sub/f/* ignores what is inside sub/f, not sub/f)
            boolean rootIgnored = Set.of("sub/c", "sub/c/deep", "sub/d", "nested/a/cache").contains(scanRoot);
            if (rootIgnored) {
                assertThat(git(root, "check-ignore", "-q", scanRoot + "/").exitCode()).as("git ignores %s", scanRoot).isZero();
            }
            List<String> expected;
            if (rootIgnored) {
                List<String> inside = new RepositoryWalker(PathFilter.none(), path -> false, new WalkOptions(false, false))
                        .walk(root.resolve(scanRoot)).files().stream().map(f -> prefix + f.relativePath()).toList();
                assertThat(inside).as("scan root '%s' has files", scanRoot).isNotEmpty();
                expected = inside;
            } else {
                GitRun listed = git(root, "ls-files", "--others", "--exclude-standard", "--", scanRoot.isEmpty() ? "." : scanRoot);
                expected = listed.out().lines().filter(l -> l.endsWith(".py")).sorted().toList();
            }
            assertThat(walked).as("scan root '%s' (ignored by git: %s)", scanRoot, rootIgnored)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(new RepositoryWalker(PathFilter.none()).walk(root.resolve("sub/c/deep")).files())
                .extracting(SourceFile::relativePath).containsExactly("q.py");
        assertThat(new RepositoryWalker(PathFilter.none()).walk(root.resolve("sub/c")).notices()).isEmpty();
    }

    private record GitRun(int exitCode, String out) {}

    /** Real git, with no user or system configuration (a global excludes file would change its answer). */
    private static GitRun git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.excludesFile=/dev/null"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new GitRun(p.waitFor(), out);
        } catch (IOException e) {
            return new GitRun(-1, e.getMessage()); // no git on this machine
        }
    }

    @Test
    void includeAndExcludeGlobs() throws IOException {
        write("nova/tests/test_a.py", "");
        write("nova/compute/api.py", "");
        write("nova/compute/api_test.py", "");
        write("tools/x.py", "");
        assertThat(walk(new PathFilter(List.of(), List.of("tests", "*_test.py"))))
                .containsExactly("nova/compute/api.py", "tools/x.py");
        assertThat(walk(new PathFilter(List.of("nova/**"), List.of("nova/tests/**"))))
                .containsExactly("nova/compute/api.py", "nova/compute/api_test.py");
    }

    @Test
    void symlinksStayInsideTheRootAndNeverLoop() throws IOException {
        write("pkg/mod.py", "");
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("secret.py"), "");
        Files.createSymbolicLink(root.resolve("pkg/loop"), root.resolve("pkg"));
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("alias.py"), root.resolve("pkg/mod.py"));
        Files.createSymbolicLink(root.resolve("dangling.py"), root.resolve("nowhere.py"));
        WalkResult result = new RepositoryWalker(PathFilter.none()).walk(root);
        assertThat(result.files()).extracting(SourceFile::relativePath).containsExactly("alias.py");
        assertThat(result.notices()).extracting(WalkNotice::relativePath)
                .contains("escape", "pkg/loop/", "dangling.py");
        assertThat(result.notices()).anyMatch(n -> n.message().contains("outside the scan root"));
        assertThat(result.notices()).anyMatch(n -> n.message().contains("loop"));
    }

    @Test
    void aSingleFileIsAValidTarget() throws IOException {
        write("tool.txt", "import eventlet");
        WalkResult result = new RepositoryWalker(PathFilter.none()).walk(root.resolve("tool.txt"));
        assertThat(result.files()).extracting(SourceFile::relativePath).containsExactly("tool.txt");
    }

    @Test
    void aMissingTargetIsAnError() {
        assertThatThrownBy(() -> new RepositoryWalker(PathFilter.none()).walk(root.resolve("nope")))
                .isInstanceOf(NoSuchFileException.class);
    }
}
