package dev.eventletscan.indirect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.SwitchVerdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indirect usage end to end, through the real scanner on small projects: every way code reaches a facade's names
 * or a wrapper, what hides them, how deep wrappers are followed, and the switch verdict.
 */
class IndirectUsageTest {
    @TempDir
    Path dir;

    private ScanResult scan(Map<String, String> files) throws IOException {
        return SmallProject.scan(dir, files);
    }

    private ScanResult scan(Map<String, String> files, int wrapperDepth) throws IOException {
        return SmallProject.scan(dir, files, wrapperDepth);
    }

    private static List<String> indirect(ScanResult result) {
        return SmallProject.indirect(result);
    }

    private static final String FACADE = """
            import eventlet
            from eventlet import greenthread

            __all__ = ["spawn", "sleep"]

            spawn = eventlet.spawn
            sleep = greenthread.sleep
            _private = eventlet.spawn_n
            """;

    @Test
    void everyWayOfReachingAFacadeNameIsFollowedAndNothingElse() throws IOException {
        ScanResult r = scan(Map.of(
                "pkg/__init__.py", "",
                "pkg/green.py", FACADE,
                "pkg/users.py", """
                        import pkg.green
                        import pkg.green as g
                        from pkg import green
                        from pkg.green import spawn as sp
                        from . import green as rel
                        from .green import *

                        def use(spawn, task):
                            pkg.green.spawn(task)
                            g.sleep(1)
                            green.spawn(task)
                            sp(task)
                            rel.sleep(0)
                            sleep(2)
                            spawn(task)          # the parameter, not the facade
                            s = "green.spawn(task)"  # a string
                            # green.spawn(task) in a comment

                        def local():
                            from pkg.green import sleep as nap
                            nap(3)

                        def hidden():
                            sp = print
                            sp("not the facade")
                        """));
        assertThat(indirect(r)).containsExactly(
                "pkg/users.py:4:23 import eventlet.greenthread.spawn via pkg.green.spawn",
                "pkg/users.py:9:5 call eventlet.greenthread.spawn via pkg.green.spawn",
                "pkg/users.py:10:5 call eventlet.greenthread.sleep via pkg.green.sleep",
                "pkg/users.py:11:5 call eventlet.greenthread.spawn via pkg.green.spawn",
                "pkg/users.py:12:5 call eventlet.greenthread.spawn via pkg.green.spawn",
                "pkg/users.py:13:5 call eventlet.greenthread.sleep via pkg.green.sleep",
                "pkg/users.py:14:5 call eventlet.greenthread.sleep via pkg.green.sleep",
                "pkg/users.py:20:27 import eventlet.greenthread.sleep via pkg.green.sleep",
                "pkg/users.py:21:5 call eventlet.greenthread.sleep via pkg.green.sleep");
        // the rule, category and weight are the direct symbol's
        Finding sleep = r.findings().stream().filter(f -> f.isIndirect() && f.line() == 10).findFirst().orElseThrow();
        assertThat(sleep.ruleId()).isEqualTo("EVT203");
        assertThat(sleep.scope()).isEqualTo("use");
        assertThat(sleep.message()).endsWith("(through pkg.green.sleep, a project facade)");
        assertThat(r.summary().indirect().filesWithOnlyIndirectFindings()).isEqualTo(1);
        assertThat(r.interfaces().facades()).singleElement().satisfies(f -> {
            assertThat(f.module()).isEqualTo("pkg.green");
            assertThat(f.names()).extracting(n -> n.name() + "=" + n.symbol() + (n.declared() ? " in __all__" : ""))
                    .containsExactly("sleep=eventlet.greenthread.sleep in __all__", "spawn=eventlet.greenthread.spawn in __all__");
        });
    }

    @Test
    void aFacadeOfAFacadeAndItsAliasesAreFollowedToEventlet() throws IOException {
        ScanResult r = scan(Map.of(
                "app/__init__.py", "",
                "app/green.py", FACADE,
                "app/compat.py", "from app import green\nfrom app.green import sleep as nap\n\ngo = green.spawn\n",
                "app/main.py", "from app import compat\nfrom app.compat import go\n\ncompat.nap(1)\ngo(print)\n"));
        assertThat(indirect(r)).contains(
                "app/main.py:2:24 import eventlet.greenthread.spawn via app.compat.go>app.green.spawn",
                "app/main.py:4:1 call eventlet.greenthread.sleep via app.compat.nap>app.green.sleep",
                "app/main.py:5:1 call eventlet.greenthread.spawn via app.compat.go>app.green.spawn");
    }

    private static final Map<String, String> WRAPPERS = Map.of(
            "lib/__init__.py", "",
            "lib/threads.py", """
                    import eventlet

                    def spawn(func, *args, **kwargs):
                        \"\"\"Our spawn.\"\"\"
                        return eventlet.spawn(func, *args, **kwargs)

                    def spawn_n(func, *args):
                        eventlet.spawn_n(func, *args)

                    def pause():
                        eventlet.sleep(0)

                    def busy(seconds, job):
                        job()
                        eventlet.sleep(seconds)
                    """,
            "lib/jobs.py", """
                    from lib import threads

                    def later(func):
                        return threads.spawn(func)

                    def much_later(func):
                        return later(func)
                    """,
            "svc/__init__.py", "",
            "svc/api.py", """
                    from lib import jobs, threads

                    def handle(req):
                        threads.spawn_n(req.run)
                        threads.pause()
                        threads.busy(1, req.run)
                        jobs.later(req.run)
                        jobs.much_later(req.run)
                        callback = threads.spawn
                    """);

    @Test
    void wrappersAreFollowedToTheConfiguredDepth() throws IOException {
        ScanResult two = scan(WRAPPERS);
        assertThat(indirect(two)).filteredOn(s -> s.startsWith("svc/")).containsExactly(
                "svc/api.py:4:5 call eventlet.greenthread.spawn_n via lib.threads.spawn_n",
                "svc/api.py:5:5 call eventlet.greenthread.sleep via lib.threads.pause",
                "svc/api.py:7:5 call eventlet.greenthread.spawn via lib.jobs.later>lib.threads.spawn",
                "svc/api.py:9:16 reference eventlet.greenthread.spawn via lib.threads.spawn");
        assertThat(two.interfaces().wrappers()).extracting(w -> w.name() + " " + w.how() + " " + w.depth())
                .containsExactly("lib.jobs.later returns 2", "lib.threads.pause only-statement 1",
                        "lib.threads.spawn returns 1", "lib.threads.spawn_n forwards 1");
        // busy() passes one of its parameters to sleep inside other work: it uses sleep, it does not wrap it;
        // much_later is a third level

        ScanResult one = scan(Map.of(), 1);
        assertThat(indirect(one)).filteredOn(s -> s.startsWith("svc/")).hasSize(3).noneMatch(s -> s.contains("lib.jobs.later"));
        assertThat(indirect(scan(Map.of(), 0))).isEmpty();
    }

    @Test
    void positionsCountCodePointsAndFollowContinuedLines() throws IOException {
        ScanResult r = scan(Map.of(
                "p/__init__.py", "",
                "p/green.py", FACADE,
                "p/use.py", "from p import green\nx = 'é𝄞'; green.sleep(\n    1)\ny = green \\\n    .spawn\n"
                        + "green.spawn(print)  # eventlet-scan: ignore\n"));
        assertThat(indirect(r)).containsExactly(
                "p/use.py:2:11 call eventlet.greenthread.sleep via p.green.sleep",
                "p/use.py:4:5 reference eventlet.greenthread.spawn via p.green.spawn");
        Finding sleep = r.findings().stream().filter(f -> f.isIndirect() && f.line() == 2).findFirst().orElseThrow();
        assertThat(sleep.endColumn()).isEqualTo(22); // end of "green.sleep"
        assertThat(r.suppressed()).singleElement().satisfies(f -> assertThat(f.isIndirect()).isTrue());
    }

    @Test
    void switchVerdicts() throws IOException {
        String helper = """
                import os
                import eventlet

                def patch():
                    if os.name != "nt":
                        eventlet.monkey_patch()
                    else:
                        eventlet.monkey_patch(os=False)
                """;
        // the helper patches on every platform; called unconditionally: no
        SwitchVerdict no = scan(Map.of("a/__init__.py", "", "a/patching.py", helper,
                "a/main.py", "from a import patching\npatching.patch()\n")).assessment().repository().switchOff();
        assertThat(no.answer()).isEqualTo("no");
        assertThat(no.reason()).isEqualTo("monkey_patch at a/main.py:2 runs unconditionally");
    }

    @Test
    void aHelperCalledUnderAnEnvironmentVariableMakesEventletSwitchable() throws IOException {
        String helper = "import eventlet\n\ndef patch():\n    eventlet.monkey_patch()\n";
        ScanResult r = scan(Map.of("b/__init__.py", "", "b/patching.py", helper,
                "b/main.py", "import os\nfrom b import patching\nif os.environ.get('B_GREEN') == '1':\n    patching.patch()\n"));
        SwitchVerdict yes = r.assessment().repository().switchOff();
        assertThat(yes.answer()).isEqualTo("yes");
        assertThat(yes.evidence()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("switched-patch");
            assertThat(e.switchKind()).isEqualTo("environment");
            assertThat(e.path() + ":" + e.line()).isEqualTo("b/main.py:4");
        });
        assertThat(r.assessment().repository().difficulty().patching().why())
                .anySatisfy(c -> assertThat(c.reason()).startsWith("eventlet can be switched off"));
    }

    @Test
    void switchablePatchingWithPrimitivesThatRunAnywayIsAMaybe() throws IOException {
        ScanResult r = scan(Map.of("c/__init__.py", "import os\nimport eventlet\nif os.environ.get('C_GREEN'):\n    eventlet.monkey_patch()\n",
                "c/work.py", "import eventlet\n\ndef go(f):\n    pool = eventlet.GreenPool(4)\n    pool.spawn(f)\n"));
        SwitchVerdict maybe = r.assessment().repository().switchOff();
        assertThat(maybe.answer()).isEqualTo("maybe");
        assertThat(maybe.reason()).contains("1 explicit eventlet primitive runs on eventlet whatever it says");
    }

    @Test
    void aBackendChosenThroughOsloServiceCountsAsDualMode() throws IOException {
        ScanResult r = scan(Map.of("d/__init__.py", "",
                "d/run.py", "from oslo_service import backend\n\nbackend.init_backend(backend.BackendType.THREADING)\n",
                "d/green.py", "import eventlet\n\ndef go(f):\n    eventlet.spawn(f)\n"));
        SwitchVerdict maybe = r.assessment().repository().switchOff();
        assertThat(maybe.answer()).isEqualTo("maybe");
        assertThat(maybe.evidence()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("backend-option");
            assertThat(e.path() + ":" + e.line()).isEqualTo("d/run.py:3");
        });
    }

    @Test
    void eventletsOwnPackageScannedWithTheProjectIsNoFacade() throws IOException {
        // Debian's dist-packages holds eventlet beside the projects: eventlet/__init__.py re-exports Timeout, but
        // eventlet.Timeout is eventlet itself, found directly, never "through the facade eventlet"
        ScanResult r = scan(Map.of(
                "eventlet/__init__.py", "from eventlet.timeout import Timeout\nfrom eventlet import greenthread\n",
                "eventlet/timeout.py", "class Timeout(Exception):\n    pass\n",
                "eventlet/greenthread.py", "def spawn(f):\n    return f\n",
                "svc/__init__.py", "",
                "svc/work.py", "import eventlet\n\ndef go():\n    with eventlet.Timeout(5):\n        pass\n"));
        assertThat(indirect(r)).isEmpty();
        assertThat(r.findings()).filteredOn(f -> f.path().equals("svc/work.py")).extracting(Finding::symbol)
                .contains("eventlet.timeout.Timeout");
    }
}
