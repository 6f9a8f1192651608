package dev.eventletscan.indirect;

import static dev.eventletscan.indirect.SmallProject.indirect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project function that returns eventlet itself (an accessor): what the code reads from its result is eventlet's. */
class AccessorTest {
    @TempDir
    Path dir;

    @Test
    void usesOfWhatAnAccessorReturnsAreIndirectFindings() throws IOException {
        ScanResult r = SmallProject.scan(dir, Map.of(
                "proj/__init__.py", "",
                "proj/utils.py", """
                        def get_eventlet():
                            import eventlet
                            return eventlet
                        """,
                "proj/concurrency.py", "import eventlet\n",
                "proj/lazy.py", """
                        from proj import concurrency

                        def hub_module():
                            return concurrency.eventlet.hubs
                        """,
                "proj/service.py", """
                        from proj import lazy, utils

                        eventlet = utils.get_eventlet()
                        eventlet.patcher.original("threading")
                        utils.get_eventlet().hubs.use_hub()
                        utils.get_eventlet()
                        lazy.hub_module().get_hub()
                        """));
        assertThat(indirect(r)).filteredOn(s -> s.startsWith("proj/service.py")).containsExactly(
                "proj/service.py:4:1 call eventlet.patcher.original via proj.utils.get_eventlet",
                "proj/service.py:5:1 call eventlet.hubs.use_hub via proj.utils.get_eventlet",
                "proj/service.py:7:1 call eventlet.hubs.get_hub via proj.lazy.hub_module>proj.concurrency.eventlet");
        assertThat(r.findings()).filteredOn(f -> f.path().equals("proj/service.py") && f.line() == 4).singleElement()
                .satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("EVT102");
                    assertThat(f.message()).endsWith("(through proj.utils.get_eventlet, a project accessor)");
                });
        assertThat(r.interfaces().wrappers()).extracting(w -> w.name() + " " + w.how())
                .contains("proj.utils.get_eventlet accessor", "proj.lazy.hub_module accessor");
    }
}
