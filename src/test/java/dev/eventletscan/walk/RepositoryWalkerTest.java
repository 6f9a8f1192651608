package dev.eventletscan.walk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
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
