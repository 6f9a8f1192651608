package dev.eventletscan.deps;

import static dev.eventletscan.deps.SitePackagesTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.api.InstalledDependencies;
import dev.eventletscan.rules.RuleLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyUsageScannerTest {
    private static DependencyUsageScanner scanner;

    @TempDir
    Path tmp;

    @BeforeAll
    static void engine() {
        scanner = InstalledDependencies.usageScanner(RuleLoader.load(List.of()), 2);
    }

    /** A hand-made site-packages: a green library, a plain one, one using eventlet in its tests only. */
    static Path sitePackages(Path sp) throws IOException {
        write(sp.resolve("green_lib-2.0.dist-info/METADATA"), """
                Name: green-lib
                Version: 2.0
                Requires-Dist: plain-lib
                Requires-Dist: eventlet
                """);
        write(sp.resolve("green_lib-2.0.dist-info/top_level.txt"), "green_lib\n");
        write(sp.resolve("green_lib/__init__.py"), """
                import eventlet
                eventlet.monkey_patch()
                """);
        write(sp.resolve("green_lib/executor.py"), """
                import eventlet
                from eventlet import greenpool

                class GreenExecutor:
                    def __init__(self):
                        self.pool = greenpool.GreenPool(10)

                    def submit(self, fn):
                        return self.pool.spawn(fn)

                    def later(self, fn):
                        eventlet.spawn_after(1, fn)
                        eventlet.sleep(0)
                """);
        write(sp.resolve("green_lib/cmd.py"), """
                import os
                import eventlet

                def main():
                    if os.environ.get("GREEN"):
                        eventlet.monkey_patch(socket=True)
                """);
        write(sp.resolve("green_lib/only_imports.py"), "import eventlet  # for its side effects\n");
        write(sp.resolve("green_lib/README.rst"), "Runs on eventlet.\n");
        write(sp.resolve("plain_lib-1.0.dist-info/METADATA"), "Name: plain-lib\nVersion: 1.0\nRequires-Dist: tests-only\n");
        write(sp.resolve("plain_lib.py"), "import threading\n");
        write(sp.resolve("tests_only-0.1.egg-info/PKG-INFO"), "Name: tests-only\nVersion: 0.1\n");
        write(sp.resolve("tests_only-0.1.egg-info/top_level.txt"), "tests_only\n");
        write(sp.resolve("tests_only/__init__.py"), "");
        write(sp.resolve("tests_only/tests/test_green.py"), """
                import eventlet

                def test_spawn():
                    eventlet.spawn(print).wait()
                """);
        return sp;
    }

    @Test
    void scansEachInstalledDependencyAndFallsBackToTheKnowledgeBase() throws IOException {
        List<InstalledDistribution> installed = SitePackages.read(sitePackages(tmp.resolve("sp")));
        DependencyClosure closure = DependencyClosure.compute(List.of("green-lib", "celery", "left-pad"), installed);

        DependencyReport report = scanner.scan(closure);

        assertThat(report.dependencies()).extracting(DependencyUsage::name)
                .containsExactly("celery", "eventlet", "green-lib", "left-pad", "plain-lib", "tests-only");
        assertThat(report.usingEventlet()).extracting(DependencyUsage::name)
                .containsExactly("celery", "eventlet", "green-lib");

        DependencyUsage green = report.find("green_lib").orElseThrow();
        assertThat(green.version()).isEqualTo("2.0");
        assertThat(green.direct()).isTrue();
        assertThat(green.installed()).isTrue();
        assertThat(green.usesEventlet()).isTrue();
        assertThat(green.verified()).isTrue();
        assertThat(green.evidence()).isEqualTo(DependencyUsage.SCANNED);
        assertThat(green.pythonFiles()).isEqualTo(4);
        assertThat(green.filesWithFindings()).isEqualTo(4);
        assertThat(green.findingsByCategory()).containsKeys("import", "monkey-patch", "pool", "green-thread")
                .doesNotContainKey("docs");
        assertThat(green.findings()).isEqualTo(green.findingsByCategory().values().stream().mapToInt(i -> i).sum());
        assertThat(green.testFindings()).isZero();
        assertThat(green.monkeyPatchCalls()).isEqualTo(new MonkeyPatchCounts(1, 1, 0));
        assertThat(green.evidenceFiles()).extracting(EvidenceFile::path)
                .containsExactly("green_lib/executor.py", "green_lib/__init__.py", "green_lib/cmd.py");
        assertThat(green.evidenceFiles().getFirst().categories()).contains("green-thread", "pool");
        assertThat(green.evidenceFiles().getFirst().symbols()).hasSizeLessThanOrEqualTo(3)
                .allSatisfy(s -> assertThat(s).startsWith("eventlet."));
        assertThat(green.codeRoots()).containsExactly("green_lib");
        assertThat(green.summary()).isEqualTo("global monkey patching in green_lib/__init__.py:2; "
                + "partial monkey patching in green_lib/cmd.py:6 in main (conditional); "
                + "green primitives in 1 file (green_lib/executor.py)");

        DependencyUsage plain = report.find("plain-lib").orElseThrow();
        assertThat(plain.direct()).isFalse();
        assertThat(plain.via()).containsExactly("green-lib", "plain-lib");
        assertThat(plain.usesEventlet()).isFalse();
        assertThat(plain.evidence()).isEqualTo(DependencyUsage.SCANNED);
        assertThat(plain.summary()).isEqualTo("no eventlet usage in 1 Python file");
        assertThat(plain.knowledgeBaseNote()).isNull();

        DependencyUsage testsOnly = report.find("tests-only").orElseThrow();
        assertThat(testsOnly.via()).containsExactly("green-lib", "plain-lib", "tests-only");
        assertThat(testsOnly.usesEventlet()).isFalse();
        assertThat(testsOnly.findings()).isZero();
        assertThat(testsOnly.testFindings()).isPositive();
        assertThat(testsOnly.summary()).startsWith("no eventlet usage in 2 Python files outside its tests; ")
                .endsWith(" in its own tests");

        DependencyUsage celery = report.find("celery").orElseThrow();
        assertThat(celery.installed()).isFalse();
        assertThat(celery.usesEventlet()).isTrue();
        assertThat(celery.verified()).isFalse();
        assertThat(celery.evidence()).isEqualTo(DependencyUsage.KNOWLEDGE_BASE);
        assertThat(celery.knowledgeBaseNote()).isNotBlank();
        assertThat(celery.summary()).isEqualTo("not installed; knowledge base: " + celery.knowledgeBaseNote());

        DependencyUsage eventlet = report.find("eventlet").orElseThrow();
        assertThat(eventlet.via()).containsExactly("green-lib", "eventlet");
        assertThat(eventlet.evidence()).isEqualTo(DependencyUsage.KNOWLEDGE_BASE);

        DependencyUsage leftPad = report.find("left-pad").orElseThrow();
        assertThat(leftPad.usesEventlet()).isFalse();
        assertThat(leftPad.evidence()).isEqualTo(DependencyUsage.NO_EVIDENCE);
        assertThat(leftPad.summary()).isEqualTo("not installed; not in the knowledge base");

        assertThat(report.problems()).isEmpty();
    }

    @Test
    void anInstalledKnownDependencyWithoutEventletIsReportedAsNotConfirmed() throws IOException {
        Path sp = tmp.resolve("sp");
        write(sp.resolve("kazoo-2.9.dist-info/METADATA"), "Name: kazoo\nVersion: 2.9\n");
        write(sp.resolve("kazoo-2.9.dist-info/RECORD"), "kazoo/__init__.py,,\nkazoo/client.py,,\n");
        write(sp.resolve("kazoo/__init__.py"), "");
        write(sp.resolve("kazoo/client.py"), "import threading\n");

        DependencyUsage kazoo = scanner.scan(SitePackages.read(sp)).dependencies().getFirst();

        assertThat(kazoo.usesEventlet()).isFalse();
        assertThat(kazoo.evidence()).isEqualTo(DependencyUsage.SCANNED);
        assertThat(kazoo.knowledgeBaseNote()).isNotNull();
        assertThat(kazoo.summary()).startsWith("no eventlet usage in 2 Python files; the knowledge base lists it (")
                .endsWith("), but its code does not use eventlet");
    }

    @Test
    void keepsTheFiveFilesDoingTheMostWorkAndScansASharedRootOnce() throws IOException {
        Path sp = tmp.resolve("sp");
        for (int i = 1; i <= 7; i++) {
            StringBuilder code = new StringBuilder("import eventlet\n");
            for (int k = 0; k < i; k++) {
                // from 1: sleep(0) is also a threading hazard (a yield), which would add a finding
                code.append("eventlet.sleep(").append(k + 1).append(")\n");
            }
            write(sp.resolve("busy/m" + i + ".py"), code.toString());
        }
        write(sp.resolve("busy/__init__.py"), "");
        write(sp.resolve("busy-1.dist-info/METADATA"), "Name: busy\nVersion: 1\n");
        write(sp.resolve("busy_twin-1.dist-info/METADATA"), "Name: busy-twin\nVersion: 1\n");
        write(sp.resolve("busy_twin-1.dist-info/top_level.txt"), "busy\n");

        DependencyReport report = scanner.scan(SitePackages.read(sp));

        DependencyUsage busy = report.find("busy").orElseThrow();
        assertThat(busy.evidenceFiles()).extracting(EvidenceFile::path)
                .containsExactly("busy/m7.py", "busy/m6.py", "busy/m5.py", "busy/m4.py", "busy/m3.py");
        assertThat(busy.evidenceFiles()).extracting(EvidenceFile::findings).containsExactly(7, 6, 5, 4, 3);
        assertThat(busy.evidenceFiles().getFirst().symbols()).containsExactly("eventlet.greenthread.sleep");
        assertThat(busy.findingsByCategory()).containsEntry("import", 7).containsEntry("green-thread", 28);
        DependencyUsage twin = report.find("busy-twin").orElseThrow();
        assertThat(twin.findings()).isEqualTo(busy.findings());
        assertThat(report.problems()).extracting(MetadataProblem::problem)
                .contains("code root busy is shared with busy-twin; its findings count for each");
    }

    /**
     * A virtualenv inside a project: Python 3.13's venv and uv write a .gitignore of "*" into it,
     * and the engine honours ignore files above the scan root. The scan must see the code all the same.
     */
    @Test
    void scansAVirtualenvThatGitIgnores() throws IOException {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve(".git"));
        write(project.resolve(".gitignore"), ".venv/\n");
        Path venv = project.resolve(".venv");
        write(venv.resolve(".gitignore"), "*\n");
        write(venv.resolve("pyvenv.cfg"), "home = /usr/bin\n");
        Path sp = venv.resolve("lib/python3.13/site-packages");
        sitePackages(sp);

        List<Path> found = SitePackages.inVenv(venv);
        assertThat(found).containsExactly(sp);
        DependencyReport report = scanner.scan(SitePackages.readAll(found).distributions());

        DependencyUsage green = report.find("green-lib").orElseThrow();
        assertThat(green.pythonFiles()).isEqualTo(4);
        assertThat(green.monkeyPatchCalls().total()).isEqualTo(2);
        assertThat(report.find("tests-only").orElseThrow().testFindings()).isPositive();
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void theSameInputGivesTheSameReportWhateverTheThreads() throws IOException {
        List<InstalledDistribution> installed = SitePackages.read(sitePackages(tmp.resolve("sp")));
        DependencyReport one = InstalledDependencies.usageScanner(RuleLoader.load(List.of()), 1).scan(installed);
        DependencyReport many = InstalledDependencies.usageScanner(RuleLoader.load(List.of()), 8).scan(installed);
        assertThat(many).isEqualTo(one);
    }
}
