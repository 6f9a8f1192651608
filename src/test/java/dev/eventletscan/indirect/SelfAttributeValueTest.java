package dev.eventletscan.indirect;

import static dev.eventletscan.indirect.SmallProject.indirect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An eventlet object a class keeps on self and hands to other code as a value (neutron's async_process). */
class SelfAttributeValueTest {
    @TempDir
    Path dir;

    @Test
    void aBareSelfAttributePassedAsAValueIsAReferenceToItsClass() throws IOException {
        ScanResult r = SmallProject.scan(dir, Map.of(
                "proj/__init__.py", "",
                "proj/watch.py", """
                        import eventlet
                        import eventlet.event

                        class Watcher:
                            def __init__(self):
                                self._kill_event = eventlet.event.Event()
                                self._pool = eventlet.GreenPool()
                                self.name = 'w'

                            def start(self, reader):
                                eventlet.spawn(self._watch, reader, self._kill_event)
                                serve(custom_pool=self._pool, name=self.name)
                                if self._kill_event:
                                    self._kill_event.send()

                            def stop(self):
                                self._pool = None
                                del self._kill_event
                        """));
        assertThat(indirect(r)).containsExactly(
                "proj/watch.py:11:45 reference eventlet.event.Event via proj.watch.Watcher._kill_event",
                "proj/watch.py:12:27 reference eventlet.greenpool.GreenPool via proj.watch.Watcher._pool",
                "proj/watch.py:13:12 reference eventlet.event.Event via proj.watch.Watcher._kill_event",
                "proj/watch.py:14:13 call eventlet.event.Event.send via proj.watch.Watcher._kill_event");
    }

    @Test
    void settingAnAttributeOfAnObjectKeptOnSelfReadsTheObjectOnly() throws IOException {
        ScanResult r = SmallProject.scan(dir, Map.of(
                "proj/__init__.py", "",
                "proj/http.py", """
                        from eventlet.green.httplib import HTTPMessage

                        class Response:
                            def begin(self, fp):
                                self.msg = HTTPMessage(fp, 0)
                                self.msg.fp = None
                                self.msg += 1
                                return self.msg.getheaders()
                        """));
        assertThat(indirect(r)).containsExactly(
                "proj/http.py:6:9 reference eventlet.green.httplib.HTTPMessage via proj.http.Response.msg",
                "proj/http.py:8:16 call eventlet.green.httplib.HTTPMessage.getheaders via proj.http.Response.msg");
    }
}
