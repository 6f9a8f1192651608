package dev.eventletscan.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.walk.FileContents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one module model: names from folders, and the arithmetic of relative imports. */
class PythonModulesTest {
    @TempDir
    Path dir;

    @Test
    void aPackagesInitAndItsStubAreThePackageItself() {
        assertThat(PythonModules.isPackageInit("nova/__init__.py")).isTrue();
        assertThat(PythonModules.isPackageInit("nova/__init__.pyi")).isTrue();
        assertThat(PythonModules.isPackageInit("__init__.py")).isTrue();
        assertThat(PythonModules.isPackageInit("nova/not__init__.py")).isFalse();
        assertThat(PythonModules.dottedPath("nova/cmd/compute.py")).isEqualTo("nova.cmd.compute");
        assertThat(PythonModules.dottedPath("nova/cmd/__init__.pyi")).isEqualTo("nova.cmd");
        assertThat(PythonModules.dottedPath("setup.py")).isEqualTo("setup");
        assertThat(PythonModules.dottedPath("__init__.py")).isEmpty();
    }

    @Test
    void theParentOfATopLevelNameIsTheTop() {
        assertThat(PythonModules.parent("a.b.c")).isEqualTo("a.b");
        assertThat(PythonModules.parent("a")).isEmpty();
        assertThat(PythonModules.parent("")).isEmpty();
        assertThat(PythonModules.join("", "b")).isEqualTo("b");
        assertThat(PythonModules.join("a", "b")).isEqualTo("a.b");
        assertThat(PythonModules.join("a", "")).isEqualTo("a");
    }

    @Test
    void relativeImportsClimbOnePackagePerDotFromTheModulesOwnPackage() {
        // a module: its package is its parent
        assertThat(PythonModules.resolve("eventlet/green/socket.py", "eventlet.green.socket", 1, "")).isEqualTo("eventlet.green");
        assertThat(PythonModules.resolve("eventlet/green/socket.py", "eventlet.green.socket", 2, "greenthread"))
                .isEqualTo("eventlet.greenthread");
        // a package's __init__ (and its stub): the package itself
        assertThat(PythonModules.resolve("eventlet/green/OpenSSL/__init__.py", "eventlet.green.OpenSSL", 1, ""))
                .isEqualTo("eventlet.green.OpenSSL");
        assertThat(PythonModules.resolve("eventlet/__init__.pyi", "eventlet", 1, "greenthread")).isEqualTo("eventlet.greenthread");
        // absolute: as written
        assertThat(PythonModules.resolve("a/b.py", "a.b", 0, "eventlet.hubs")).isEqualTo("eventlet.hubs");
    }

    @Test
    void theTopIsReachableAndAboveItIsNothing() {
        // a top-level module in a folder without __init__.py (a namespace package, or a scripts folder): its
        // siblings are top-level modules too
        assertThat(PythonModules.resolve("tool.py", "tool", 1, "helpers")).isEqualTo("helpers");
        assertThat(PythonModules.resolve("tool.py", "tool", 1, "")).isEmpty();
        assertThat(PythonModules.resolve("nova/utils.py", "nova.utils", 2, "other")).isEqualTo("other");
        // beyond the top: Python's "attempted relative import beyond top-level package"
        assertThat(PythonModules.resolve("tool.py", "tool", 2, "x")).isNull();
        assertThat(PythonModules.resolve("nova/utils.py", "nova.utils", 3, "x")).isNull();
        assertThat(PythonModules.resolve("nova/__init__.py", "nova", 2, "x")).isEqualTo("x");
        assertThat(PythonModules.resolve("nova/__init__.py", "nova", 3, "x")).isNull();
    }

    @Test
    void namesComeFromTheChainOfPackageFoldersAboveTheFile() throws IOException {
        write("src/proj/__init__.py");
        write("src/proj/sub/__init__.pyi"); // a stub alone does not make a folder a package at run time
        write("src/proj/api/__init__.py");
        write("src/proj/api/__init__.pyi");
        write("src/proj/api/v1.py");
        write("src/proj/ns/mod.py"); // a namespace package: no __init__.py
        write("src/proj/sub/impl.py");
        ModuleNames names = new ModuleNames(FileContents.DISK::isPackage);
        // the src/ layout: src holds no __init__.py, so names start below it
        assertThat(names.moduleOf(dir.resolve("src/proj/api/v1.py"))).isEqualTo("proj.api.v1");
        assertThat(names.moduleOf(dir.resolve("src/proj/api/__init__.py"))).isEqualTo("proj.api");
        assertThat(names.moduleOf(dir.resolve("src/proj/__init__.py"))).isEqualTo("proj");
        assertThat(names.moduleOf(dir.resolve("src/proj/api/__init__.pyi"))).isEqualTo("proj.api");
        // below a namespace folder the chain stops: its files are named as top-level modules, and their
        // relative imports of siblings land on the siblings' names
        assertThat(names.moduleOf(dir.resolve("src/proj/ns/mod.py"))).isEqualTo("mod");
        assertThat(PythonModules.resolve("src/proj/ns/mod.py", "mod", 1, "sibling")).isEqualTo("sibling");
        assertThat(names.moduleOf(dir.resolve("src/proj/sub/impl.py"))).as("a stub is not run: no package").isEqualTo("impl");
        assertThat(names.moduleOf(dir.resolve("src/loose.py"))).isEqualTo("loose");
    }

    private void write(String path) throws IOException {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "");
    }
}
