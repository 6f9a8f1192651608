package dev.eventletscan.indirect;

import static dev.eventletscan.indirect.SmallProject.at;
import static dev.eventletscan.indirect.SmallProject.indirect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ScanResult;
import dev.eventletscan.model.SwitchEvidence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monkey_patch reached through the project's facade or a wrapper is analysed like a direct one: what it patches,
 * the conditions it runs under, the summary's count and the switch verdict, with the facades and wrappers it goes
 * through in {@code via}.
 */
class IndirectMonkeyPatchTest {
    @TempDir
    Path dir;

    private static final Map<String, String> PROJECT = Map.of(
            "proj/__init__.py", "",
            "proj/concurrency.py", "import eventlet\n\nmonkey_patch = eventlet.monkey_patch\n",
            "proj/patching.py", """
                    from proj.concurrency import eventlet

                    def emp():
                        eventlet.patcher.monkey_patch(all=False, socket=True)
                    """,
            "proj/cmd/__init__.py", "",
            "proj/cmd/api.py", "from proj import concurrency\n\nconcurrency.eventlet.monkey_patch(os=False, thread=False)\n",
            "proj/cmd/worker.py", """
                    import os
                    from proj.concurrency import monkey_patch

                    if os.environ.get('PROJ_GREEN'):
                        monkey_patch()
                    """,
            "proj/cmd/svc.py", "from proj import patching\n\npatching.emp()\n");

    @Test
    void aMonkeyPatchThroughAFacadeCarriesWhatItPatchesAndItsGuard() throws IOException {
        ScanResult r = SmallProject.scan(dir, PROJECT);
        Finding api = at(r, "proj/cmd/api.py", 3);
        assertThat(api.symbol()).isEqualTo("eventlet.patcher.monkey_patch");
        assertThat(api.monkeyPatch().mode()).isEqualTo("global");
        assertThat(api.monkeyPatch().notPatched()).contains("os", "thread");
        assertThat(api.via()).extracting(h -> h.name() + " " + h.kind()).containsExactly("proj.concurrency.eventlet facade");

        Finding worker = at(r, "proj/cmd/worker.py", 5);
        assertThat(worker.monkeyPatch().mode()).isEqualTo("global");
        assertThat(worker.monkeyPatch().conditions()).containsExactly("os.environ.get('PROJ_GREEN')");
        assertThat(worker.guarded()).isTrue();
    }

    @Test
    void aWrapperWhoseMonkeyPatchGoesThroughAFacadeIsAPatchingHelper() throws IOException {
        ScanResult r = SmallProject.scan(dir, PROJECT);
        Finding own = at(r, "proj/patching.py", 4);
        assertThat(own.monkeyPatch().mode()).isEqualTo("partial");
        assertThat(own.monkeyPatch().patched()).containsExactly("socket");
        Finding call = at(r, "proj/cmd/svc.py", 3);
        assertThat(call.symbol()).isEqualTo("eventlet.patcher.monkey_patch");
        assertThat(call.ruleId()).isEqualTo("EVT100");
        assertThat(call.monkeyPatch().patched()).containsExactly("socket");
        assertThat(indirect(r)).contains(
                "proj/cmd/svc.py:3:1 call eventlet.patcher.monkey_patch via proj.patching.emp>proj.concurrency.eventlet");
    }

    @Test
    void everyMonkeyPatchCallCountsOnceAndTheVerdictSeesIt() throws IOException {
        ScanResult r = SmallProject.scan(dir, PROJECT);
        // api.py, worker.py and the helper's own call; calling the helper is not another monkey_patch call
        assertThat(r.summary().monkeyPatchCalls()).isEqualTo(3);
        var verdict = r.assessment().repository().switchOff();
        assertThat(verdict.answer()).isEqualTo("no");
        assertThat(verdict.evidence()).extracting(e -> e.kind() + " " + e.path() + ":" + e.line())
                .contains("unswitched-patch proj/cmd/api.py:3", "unswitched-patch proj/cmd/svc.py:3",
                        "switched-patch proj/cmd/worker.py:5")
                .doesNotContain("unswitched-patch proj/patching.py:4");
        assertThat(r.assessment().repository().difficulty().patching().score()).isPositive();
    }

    @Test
    void aConsoleScriptsFunctionThatPatchesThroughAFacadeIsNoPatchingHelper() throws IOException {
        ScanResult r = SmallProject.scan(dir, Map.of(
                "setup.cfg", "[metadata]\nname = proj\n\n[entry_points]\nconsole_scripts =\n    proj-run = proj.cli:main\n",
                "proj/__init__.py", "",
                "proj/concurrency.py", "import eventlet\n",
                "proj/cli.py", """
                        from proj.concurrency import eventlet

                        def main():
                            eventlet.monkey_patch()

                        if __name__ == '__main__':
                            main()
                        """));
        assertThat(indirect(r)).containsExactly("proj/cli.py:1:30 import eventlet via proj.concurrency.eventlet",
                "proj/cli.py:4:5 call eventlet.patcher.monkey_patch via proj.concurrency.eventlet");
        assertThat(r.interfaces().wrappers()).isEmpty();
    }
}
