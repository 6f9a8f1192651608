package dev.eventletscan.detect.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportDetectionTest {
    @Test
    void everyImportFormIsReportedAtItsLongestName() {
        String code = """
                import eventlet
                import eventlet.green.socket as s
                from eventlet import greenthread, tpool
                from eventlet.green import threading
                import os, eventlet.hubs
                from eventlet import (
                    queue as q,
                    semaphore,
                )
                """;
        assertThat(Detections.brief(code)).containsExactly(
                "1:8 EVT001 eventlet import",
                "2:8 EVT001 eventlet.green.socket import",
                "3:22 EVT001 eventlet.greenthread import",
                "3:35 EVT001 eventlet.tpool import",
                "4:28 EVT001 eventlet.green.threading import",
                "5:12 EVT001 eventlet.hubs import",
                "7:5 EVT001 eventlet.queue import",
                "8:5 EVT001 eventlet.semaphore import");
    }

    @Test
    void importsInsideFunctionsConditionalsAndTryBlocksAreFound() {
        String code = """
                try:
                    from eventlet.green import subprocess
                except ImportError:
                    import subprocess

                if USE_GREEN:
                    import eventlet

                def later():
                    from eventlet import tpool
                    return tpool
                """;
        assertThat(Detections.brief(code)).containsExactly(
                "2:32 EVT001 eventlet.green.subprocess import",
                "7:12 EVT001 eventlet import",
                "10:26 EVT001 eventlet.tpool import",
                "11:12 EVT002 eventlet.tpool reference");
        assertThat(Detections.of(code).get(0).guarded()).isTrue();
        assertThat(Detections.of(code).get(2).scope()).isEqualTo("later");
    }

    @Test
    void reexportsAreCanonical() {
        assertThat(Detections.brief("from eventlet import monkey_patch, spawn, Timeout\n")).containsExactly(
                "1:22 EVT001 eventlet.patcher.monkey_patch import",
                "1:36 EVT001 eventlet.greenthread.spawn import",
                "1:43 EVT001 eventlet.timeout.Timeout import");
    }

    @Test
    void lookalikesAreNotEventlet() {
        String code = """
                import eventlets
                from my_eventlet import monkey_patch
                from . import eventlet
                from .eventlet import spawn
                # import eventlet
                text = "import eventlet"
                monkey_patch()
                """;
        assertThat(Detections.brief(code)).isEmpty();
    }

    @Test
    void wildcardImportIsReported() {
        assertThat(Detections.brief("from eventlet.green.socket import *\n"))
                .containsExactly("1:6 EVT001 eventlet.green.socket import");
    }
}
