package dev.eventletscan.indirect;

import static dev.eventletscan.indirect.SmallProject.at;
import static dev.eventletscan.indirect.SmallProject.indirect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrapper whose eventlet call goes through a facade's module object stands for the symbol it calls, not the module. */
class WrapperThroughFacadeTest {
    @TempDir
    Path dir;

    @Test
    void aWrapperOfAnAttributeOfAFacadeModuleKeepsTheAttributesSymbol() throws IOException {
        ScanResult r = SmallProject.scan(dir, Map.of(
                "proj/__init__.py", "",
                "proj/facade.py", "import eventlet\n",
                "proj/service.py", """
                        from proj.facade import eventlet

                        def emp():
                            eventlet.patcher.monkey_patch(all=False, socket=True)

                        def go(f):
                            return eventlet.spawn(f)

                        emp()
                        go(print)
                        """));
        Finding call = at(r, "proj/service.py", 9);
        assertThat(call.ruleId()).isEqualTo("EVT100");
        assertThat(call.symbol()).isEqualTo("eventlet.patcher.monkey_patch");
        assertThat(call.monkeyPatch().mode()).isEqualTo("partial");
        assertThat(call.monkeyPatch().patched()).containsExactly("socket");
        assertThat(indirect(r)).contains(
                "proj/service.py:9:1 call eventlet.patcher.monkey_patch via proj.service.emp>proj.facade.eventlet",
                "proj/service.py:10:1 call eventlet.greenthread.spawn via proj.service.go>proj.facade.eventlet");
        assertThat(r.interfaces().wrappers()).extracting(w -> w.name() + " " + w.symbol())
                .containsExactly("proj.service.emp eventlet.patcher.monkey_patch", "proj.service.go eventlet.greenthread.spawn");
    }
}
