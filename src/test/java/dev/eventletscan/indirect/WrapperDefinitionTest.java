package dev.eventletscan.indirect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.model.Interfaces;
import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What makes a function a wrapper, the same in files that name eventlet (parsed) and in files that reach it through
 * a facade (read lexically): the call is returned, or it is the function's last action passing the function's own
 * arguments on, or the only statement; a call in a loop is work the function does, not the function.
 */
class WrapperDefinitionTest {
    @TempDir
    Path dir;

    private static final String FUNCTIONS = """
            def poll(interval):
                while True:
                    eventlet.sleep(interval)

            def each(items):
                for item in items:
                    return eventlet.spawn(item)

            def spawn(func, *args):
                if CONF.green:
                    eventlet.spawn(func, *args)
                else:
                    threading.Thread(target=func, args=args).start()

            def spawn_then_log(func):
                eventlet.spawn(func)
                LOG.debug("spawned")

            def pause(seconds):
                \"\"\"Sleep.\"\"\"
                eventlet.sleep(seconds)
            """;

    @Test
    void aLoopThatSleepsItsIntervalIsNoWrapperInParsedAndLexicalFiles() throws IOException {
        ScanResult r = SmallProject.scan(dir, Map.of(
                "proj/__init__.py", "",
                "proj/concurrency.py", "import eventlet\n",
                "proj/direct.py", "import threading\nimport eventlet\n\n" + FUNCTIONS,
                "proj/lexical.py", "import threading\nfrom proj.concurrency import eventlet\n\n" + FUNCTIONS));
        assertThat(r.interfaces().wrappers()).extracting(Interfaces.Wrapper::name).containsExactly(
                "proj.direct.pause", "proj.direct.spawn", "proj.lexical.pause", "proj.lexical.spawn");
    }
}
