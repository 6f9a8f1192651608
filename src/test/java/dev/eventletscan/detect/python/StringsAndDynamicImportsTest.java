package dev.eventletscan.detect.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringsAndDynamicImportsTest {
    @Test
    void literalDynamicImportsAreImportsAndBindTheirName() {
        String code = """
                import importlib
                from oslo_utils import importutils
                ev = __import__('eventlet.green.socket')
                threading = importlib.import_module('eventlet.green.threading')
                tpool = importutils.try_import('eventlet.tpool')
                ev.monkey_patch()
                """;
        assertThat(Detections.brief(code)).containsExactly(
                "3:17 EVT001 eventlet.green.socket import",
                "4:37 EVT001 eventlet.green.threading import",
                "5:32 EVT001 eventlet.tpool import",
                "6:1 EVT100 eventlet.patcher.monkey_patch call");
    }

    @Test
    void nonLiteralOrUntrackedDynamicImportsAreNot() {
        String code = """
                import importlib
                name = 'eventlet'
                mod = importlib.import_module(name)
                os = __import__('os')
                obj.__import__('eventlet')
                """;
        assertThat(Detections.brief(code)).isEmpty();
    }

    @Test
    void mockTargetsAreTestMockFindings() {
        String code = """
                import eventlet
                from eventlet import greenthread
                from unittest import mock
                import fixtures

                @mock.patch('eventlet.sleep')
                @mock.patch('nova.utils.eventlet.spawn_n')
                def test(self, m1, m2):
                    with mock.patch.object(eventlet, 'spawn') as spawn:
                        pass
                    mock.patch.object(greenthread, 'spawn_after').start()
                    self.useFixture(fixtures.MockPatch('eventlet.greenthread.sleep'))
                    self.stub_out('nova.utils.eventlet.Timeout', fake)
                """;
        assertThat(Detections.brief(code)).containsExactly(
                "1:8 EVT001 eventlet import",
                "2:22 EVT001 eventlet.greenthread import",
                "6:13 EVT700 eventlet.greenthread.sleep mock",
                "7:13 EVT700 eventlet.greenthread.spawn_n mock",
                "9:28 EVT700 eventlet.greenthread.spawn mock",
                "11:23 EVT700 eventlet.greenthread.spawn_after mock",
                "12:40 EVT700 eventlet.greenthread.sleep mock",
                "13:19 EVT700 eventlet.timeout.Timeout mock");
    }

    @Test
    void stringsNamingEventletOutsideMocksAreStringFindings() {
        String code = """
                TARGET = 'eventlet.greenthread.sleep'
                \"\"\"eventlet.spawn in a docstring is prose.\"\"\"
                LOG.info('eventlet.spawn failed')
                x = f'eventlet.{name}'
                y = 'eventlet'
                z = 'my.eventletish.thing'
                """;
        assertThat(Detections.brief(code)).containsExactly("1:10 EVT701 eventlet.greenthread.sleep string");
    }

    @Test
    void environmentVariablesAndEventletSettingsInPythonComeFromQueryRules() {
        String code = """
                import os
                os.environ.setdefault('EVENTLET_NO_GREENDNS', 'yes')
                server = get_rpc_server(transport, target, endpoints, executor='eventlet')
                sio = socketio.Server(async_mode="eventlet")
                worker_class = 'eventlet'
                other = dict(executor='threading')
                """;
        assertThat(Detections.brief(code)).containsExactly(
                "2:23 EVT901 EVENTLET_NO_GREENDNS pattern",
                "3:55 EVT911 executor pattern",
                "4:23 EVT911 async_mode pattern",
                "5:1 EVT911 worker_class pattern");
    }

    @Test
    void aHostNameIsNotASymbol() {
        String code = """
                def is_project_page(url):
                    return 'eventlet.net' in url or url.endswith('greenlet.readthedocs.io')
                TARGET = 'eventlet.greenthread.sleep'
                streaming = environ.get('eventlet.input') is not None
                """;
        assertThat(Detections.brief(code)).containsExactly("3:10 EVT701 eventlet.greenthread.sleep string",
                "4:25 EVT701 eventlet.input string");
    }

    @Test
    void aStringArgumentOfAnEventletCallBelongsToTheCall() {
        String code = """
                from eventlet import hubs
                hubs.use_hub("eventlet.hubs.asyncio")
                hubs.use_hub(mod="eventlet.hubs.poll")
                register("eventlet.hubs.asyncio")
                """;
        assertThat(Detections.brief(code)).containsExactly(
                "1:22 EVT001 eventlet.hubs import",
                "2:1 EVT551 eventlet.hubs.use_hub call",
                "3:1 EVT550 eventlet.hubs.use_hub call",
                "4:10 EVT701 eventlet.hubs.asyncio string");
    }
}
