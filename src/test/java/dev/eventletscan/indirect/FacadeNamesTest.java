package dev.eventletscan.indirect;

import static dev.eventletscan.indirect.SmallProject.indirect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facade names where the code keeps them: in local aliases of their attributes, parameter defaults and annotations. */
class FacadeNamesTest {
    @TempDir
    Path dir;

    private static final Map<String, String> FACADE = Map.of(
            "proj/__init__.py", "",
            "proj/concurrency.py", "import eventlet\nfrom eventlet import timeout\n");

    private ScanResult scan(String path, String code) throws IOException {
        Map<String, String> files = new HashMap<>(FACADE);
        files.put(path, code);
        return SmallProject.scan(dir, files);
    }

    @Test
    void aLocalAliasOfAFacadeAttributeIsFollowedToItsCalls() throws IOException {
        ScanResult r = scan("proj/poller.py", """
                from proj import concurrency

                def poll():
                    nap = concurrency.eventlet.sleep
                    nap(1)
                """);
        assertThat(indirect(r)).containsExactly(
                "proj/poller.py:4:11 reference eventlet.greenthread.sleep via proj.concurrency.eventlet",
                "proj/poller.py:5:5 call eventlet.greenthread.sleep via proj.concurrency.eventlet");
    }

    @Test
    void parameterDefaultsAndAnnotationsNameFacadeNamesAndParametersDoNot() throws IOException {
        ScanResult r = scan("proj/waits.py", """
                from proj.concurrency import timeout

                def bounded(x=timeout.Timeout, timeout=None):
                    return timeout

                def typed(x: timeout.Timeout) -> timeout.Timeout:
                    return x
                """);
        assertThat(indirect(r)).containsExactly(
                "proj/waits.py:1:30 import eventlet.timeout via proj.concurrency.timeout",
                "proj/waits.py:3:15 reference eventlet.timeout.Timeout via proj.concurrency.timeout",
                "proj/waits.py:6:14 reference eventlet.timeout.Timeout via proj.concurrency.timeout",
                "proj/waits.py:6:34 reference eventlet.timeout.Timeout via proj.concurrency.timeout");
    }
}
