package dev.eventletscan.detect.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventletscan.detect.EntryPoint;
import dev.eventletscan.parse.PythonParser;
import dev.eventletscan.parse.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestsTest {
    /** "name line:column declaredAs" for each dependency, checked against the file's own text. */
    private static List<String> deps(String path, String text) {
        SourceText src = SourceText.of(text);
        return Manifests.read(path, src).dependencies().stream().map(d -> brief(src, d)).toList();
    }

    private static String brief(SourceText src, DeclaredDependency d) {
        assertThat(src.slice(d.startByte(), d.endByte())).as("located text").contains(d.name());
        return d.name() + " " + src.lineOf(d.startByte()) + ":" + src.columnOf(d.startByte()) + " " + d.declaredAs();
    }

    @Test
    void requirementsFiles() {
        String text = """
                # comment eventlet
                eventlet>=0.33.0,!=0.34.0 # MIT
                  oslo.messaging[amqp1] >= 14.0 ; python_version >= '3.8'
                -r other-requirements.txt
                --index-url https://example.invalid/simple
                -e git+https://example.invalid/greenlet.git#egg=greenlet
                Flask_SocketIO==5.3
                """;
        assertThat(deps("requirements.txt", text)).containsExactly(
                "eventlet 2:1 requirements", "oslo.messaging 3:3 requirements", "greenlet 6:1 requirements",
                "Flask_SocketIO 7:1 requirements");
        assertThat(Manifests.isManifest("requirements/test.in")).isTrue();
        assertThat(Manifests.isManifest("upper-constraints.txt")).isTrue();
        assertThat(Manifests.isManifest("docs/index.txt")).isFalse();
    }

    @Test
    void setupCfgRequirementsExtrasAndEntryPoints() {
        String text = """
                [metadata]
                name = svc
                [options]
                install_requires =
                    eventlet>=0.30
                    requests
                [options.extras_require]
                test =
                    greenlet
                [entry_points]
                console_scripts =
                    svc-api = svc.cmd.api:main
                    svc-worker = svc.cmd.worker:Worker.run
                """;
        SourceText src = SourceText.of(text);
        Manifest m = Manifests.read("setup.cfg", src);
        assertThat(m.dependencies()).extracting(d -> brief(src, d)).containsExactly(
                "eventlet 5:5 install_requires", "requests 6:5 install_requires", "greenlet 9:5 extras_require[test]");
        assertThat(m.entryPoints()).containsExactly(
                new EntryPoint("svc-api", "console_scripts", "svc.cmd.api", "main", "setup.cfg"),
                new EntryPoint("svc-worker", "console_scripts", "svc.cmd.worker", "Worker.run", "setup.cfg"));
    }

    @Test
    void toxDepsWithFactors() {
        String text = """
                [tox]
                envlist = py3
                [testenv]
                deps =
                    -r{toxinidir}/requirements.txt
                    py3: eventlet
                    pytest
                [testenv:docs]
                deps = sphinx
                """;
        assertThat(deps("tox.ini", text)).containsExactly(
                "eventlet 6:10 [testenv] deps", "pytest 7:5 [testenv] deps", "sphinx 9:8 [testenv:docs] deps");
    }

    @Test
    void pyprojectPep621PoetryAndScripts() {
        String text = """
                [build-system]
                requires = ["setuptools"]
                [project]
                name = "svc"
                dependencies = [
                  "eventlet>=0.33",
                  'oslo.service',
                ]
                [project.optional-dependencies]
                green = ["greenlet"]
                [project.scripts]
                svc = "svc.cli:main"
                [tool.poetry.dependencies]
                python = "^3.10"
                kombu = "^5"
                """;
        SourceText src = SourceText.of(text);
        Manifest m = Manifests.read("pyproject.toml", src);
        assertThat(m.dependencies()).extracting(d -> brief(src, d)).containsExactly(
                "eventlet 6:4 project.dependencies", "oslo.service 7:4 project.dependencies",
                "greenlet 10:11 project.optional-dependencies.green", "setuptools 2:14 build-system.requires",
                "kombu 15:1 tool.poetry.dependencies");
        assertThat(m.entryPoints()).extracting(EntryPoint::name, EntryPoint::module)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("svc", "svc.cli"));
        assertThatThrownBy(() -> Manifests.read("pyproject.toml", SourceText.of("[project\nname=")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not valid TOML");
    }

    @Test
    void setupPyLiteralsAreReadNotRun() {
        String text = """
                import setuptools
                setuptools.setup(
                    name='svc',
                    install_requires=['eventlet>=0.30', "six"],
                    extras_require={'green': ['greenlet']},
                    entry_points={'console_scripts': ['svc = svc.main:run']},
                )
                """;
        SourceText src = SourceText.of(text);
        try (PythonParser parser = new PythonParser()) {
            Manifest m = SetupPy.read("setup.py", parser.parse(src));
            assertThat(m.dependencies()).extracting(d -> brief(src, d)).containsExactly(
                    "eventlet 4:24 install_requires", "six 4:42 install_requires", "greenlet 5:32 extras_require[green]");
            assertThat(m.entryPoints()).containsExactly(new EntryPoint("svc", "console_scripts", "svc.main", "run", "setup.py"));
        }
    }
}
