package dev.eventletscan.indirect;

import static dev.eventletscan.indirect.SmallProject.at;
import static dev.eventletscan.indirect.SmallProject.indirect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mock that names a facade's eventlet name by its path patches eventlet's object: a test-mock finding. */
class FacadeMockTest {
    @TempDir
    Path dir;

    @Test
    void mockPathsThroughAFacadeAreTestMockFindingsOfTheCanonicalSymbol() throws IOException {
        ScanResult r = SmallProject.scan(dir, Map.of(
                "proj/__init__.py", "",
                "proj/run.py", "from eventlet import wsgi\n\ndef serve(app):\n    return wsgi.server(app)\n",
                "proj/concurrency.py", "import eventlet\n\nsleep = eventlet.sleep\n",
                "proj/reaper.py", "from proj.concurrency import sleep\n",
                "proj/tests/__init__.py", "",
                "proj/tests/test_run.py", """
                        from unittest import mock

                        @mock.patch('proj.run.wsgi.server')
                        def test_serve(server):
                            with mock.patch('proj.reaper.sleep') as nap:
                                pass
                            mock.patch('proj.run.serve')
                            mock.patch('proj.reaper.time')
                            print('proj.reaper.sleep')
                        """));
        assertThat(indirect(r)).filteredOn(s -> s.startsWith("proj/tests/")).containsExactly(
                "proj/tests/test_run.py:3:13 mock eventlet.wsgi.server via proj.run.wsgi",
                "proj/tests/test_run.py:5:21 mock eventlet.greenthread.sleep via proj.reaper.sleep>proj.concurrency.sleep",
                "proj/tests/test_run.py:9:11 string eventlet.greenthread.sleep via proj.reaper.sleep>proj.concurrency.sleep");
        assertThat(at(r, "proj/tests/test_run.py", 3).category()).isEqualTo("test-mock");
        assertThat(at(r, "proj/tests/test_run.py", 3).ruleId()).startsWith("EVT70");
    }

    @Test
    void aFacadePathHeldInAStringBeforeThePatchIsAStringUseOfTheCanonicalSymbol() throws IOException {
        ScanResult r = SmallProject.scan(dir, Map.of(
                "proj/__init__.py", "",
                "proj/client.py", "from eventlet.green.urllib import request as urllib_request\n",
                "proj/tests/__init__.py", "",
                "proj/tests/test_client.py", """
                        from unittest import mock

                        def test_open():
                            \"\"\"Patches proj.client.urllib_request.urlopen.\"\"\"
                            'proj.client.urllib_request.urlopen'
                            mocked_func = 'proj.client.urllib_request.urlopen'
                            with mock.patch(mocked_func):
                                pass
                            mocked_name = 'proj.client.json'
                        """));
        assertThat(indirect(r)).filteredOn(s -> s.startsWith("proj/tests/")).containsExactly(
                "proj/tests/test_client.py:6:19 string eventlet.green.urllib.request.urlopen via proj.client.urllib_request");
    }

    @Test
    void patchObjectOnAFacadeModuleOrItsEventletMocksTheEventletAttribute() throws IOException {
        ScanResult r = SmallProject.scan(dir, Map.of(
                "proj/__init__.py", "",
                "proj/utils.py", "import eventlet\nfrom eventlet import GreenPool\n\ndef helper():\n    return 1\n",
                "proj/tests/__init__.py", "",
                "proj/tests/test_utils.py", """
                        from unittest import mock

                        from proj import utils

                        @mock.patch.object(utils, 'GreenPool')
                        def test_pool(pool):
                            with mock.patch.object(utils.eventlet, 'sleep'):
                                pass
                            mock.patch.object(utils, 'eventlet')
                            mock.patch.object(utils, 'helper')
                        """));
        assertThat(indirect(r)).filteredOn(s -> s.startsWith("proj/tests/")).containsExactly(
                "proj/tests/test_utils.py:5:20 mock eventlet.greenpool.GreenPool via proj.utils.GreenPool",
                "proj/tests/test_utils.py:7:28 mock eventlet.greenthread.sleep via proj.utils.eventlet",
                "proj/tests/test_utils.py:9:23 mock eventlet via proj.utils.eventlet");
    }
}
