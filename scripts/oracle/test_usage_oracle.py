"""Self-checks of the oracle on small snippets (stdlib unittest)."""
import ast
import os
import sys
import textwrap
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import usage_oracle  # noqa: E402


def sites(code):
    code = textwrap.dedent(code)
    oracle = usage_oracle.FileOracle(ast.parse(code), code.splitlines())
    oracle.visit(oracle.tree, oracle.module)
    oracle.resolve_aliases()
    oracle.uses()
    return sorted(f"{line}:{col} {symbol} {kind}" for line, col, symbol, kind in oracle.records)


def same(expected):
    return sorted(expected)


class OracleTest(unittest.TestCase):
    def test_import_forms_and_aliases(self):
        self.assertEqual(sites("""
            import eventlet as ev
            from eventlet import greenthread as gt, spawn
            import eventlet.green.socket
            from eventlet import (
                sleep,
            )
            ev.spawn(f)
            gt.sleep(0)
            eventlet.green.socket.socket()
            s = ev.spawn_n
            s(f)
            """), same([
            "2:8 eventlet import", "3:22 eventlet.greenthread import", "3:41 eventlet.greenthread.spawn import",
            "4:8 eventlet.green.socket import", "6:5 eventlet.greenthread.sleep import",
            "8:1 eventlet.greenthread.spawn use", "9:1 eventlet.greenthread.sleep use",
            "10:1 eventlet.green.socket.socket use", "11:5 eventlet.greenthread.spawn_n use",
            "12:1 eventlet.greenthread.spawn_n use"]))

    def test_shadowing_global_and_class_scope(self):
        self.assertEqual(sites("""
            import eventlet
            def f(eventlet):
                eventlet.spawn()
            def g():
                eventlet = None
                eventlet.sleep()
            class C:
                from eventlet import queue
                q = queue.Queue
                def m(self):
                    return queue
            backdoor = None
            def load():
                global backdoor
                from eventlet import backdoor
            backdoor.backdoor_server()
            """), same([
            "17:1 eventlet.backdoor.backdoor_server use", "2:8 eventlet import", "9:26 eventlet.queue import",
            "10:9 eventlet.queue.Queue use", "16:26 eventlet.backdoor import"]))

    def test_mocks_strings_and_dynamic_imports(self):
        self.assertEqual(sites("""
            import eventlet
            from unittest import mock
            import importlib
            \"\"\"eventlet.spawn in a docstring\"\"\"
            @mock.patch('nova.utils.eventlet.sleep')
            def t(m):
                with mock.patch.object(eventlet, 'spawn'):
                    pass
                log('eventlet.spawn failed')
            th = importlib.import_module('eventlet.green.threading')
            th.Thread()
            x = 'eventlet'
            """), same([
            "11:30 eventlet.green.threading import", "12:1 eventlet.green.threading.Thread use",
            "2:8 eventlet import", "6:13 eventlet.greenthread.sleep string", "8:28 eventlet.greenthread.spawn mock"]))

    def test_canonical_names_follow_reexports(self):
        self.assertEqual(usage_oracle.canonical("eventlet.Timeout.cancel"), "eventlet.timeout.Timeout.cancel")
        self.assertEqual(usage_oracle.canonical("eventlet.getcurrent"), "greenlet.getcurrent")
        self.assertEqual(usage_oracle.canonical("eventlet.spawner"), "eventlet.spawner")


if __name__ == "__main__":
    unittest.main()
