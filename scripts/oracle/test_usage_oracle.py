"""Self-checks of the usage oracle on small snippets (stdlib unittest only).

Run: python3 -m unittest discover scripts/oracle
"""
import io
import os
import sys
import tempfile
import textwrap
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import indirect_layer  # noqa: E402
import usage_oracle  # noqa: E402


def sites(code):
    """'line:col symbol kind' for each record of a dedented snippet, sorted."""
    records = usage_oracle.scan_source(textwrap.dedent(code).lstrip("\n"))
    return sorted(f"{line}:{col} {symbol} {kind}" for line, col, symbol, kind in records)


class Imports(unittest.TestCase):
    def test_every_import_form_and_its_binding(self):
        self.assertEqual(sites("""
            import eventlet
            import eventlet.green.socket
            import eventlet.queue as q
            from eventlet import greenthread as gt, spawn
            from eventlet.green import threading
            import os, greenlet
            eventlet.spawn_n(f)
            q.Queue()
            gt.sleep(0)
            threading.Thread()
            greenlet.getcurrent()
            spawn(f)
            """), sorted([
            "1:8 eventlet import",
            "2:8 eventlet.green.socket import",
            "3:8 eventlet.queue import",
            "4:22 eventlet.greenthread import",
            "4:41 eventlet.greenthread.spawn import",
            "5:28 eventlet.green.threading import",
            "6:12 greenlet import",
            "7:1 eventlet.greenthread.spawn_n call",
            "8:1 eventlet.queue.Queue call",
            "9:1 eventlet.greenthread.sleep call",
            "10:1 eventlet.green.threading.Thread call",
            "11:1 greenlet.getcurrent call",
            "12:1 eventlet.greenthread.spawn call",
        ]))

    def test_dotted_import_binds_the_top_package(self):
        self.assertEqual(sites("""
            import eventlet.green.socket
            eventlet.green.socket.socket()
            eventlet.Timeout
            """), sorted([
            "1:8 eventlet.green.socket import",
            "2:1 eventlet.green.socket.socket call",
            "3:1 eventlet.timeout.Timeout reference",
        ]))

    def test_multi_line_from_import_has_one_site_per_name(self):
        self.assertEqual(sites("""
            from eventlet import (
                event,
                Timeout as T,
            )
            """), ["2:5 eventlet.event import", "3:5 eventlet.timeout.Timeout import"])

    def test_star_import_is_one_site_at_the_module_and_binds_nothing(self):
        self.assertEqual(sites("""
            from eventlet.green import *
            if x:  from  \\
                eventlet import *
            socket.socket()
            spawn(f)
            """), ["1:6 eventlet.green import", "3:5 eventlet import"])

    def test_relative_and_lookalike_imports_are_not_tracked(self):
        self.assertEqual(sites("""
            from . import eventlet
            from .eventlet import spawn
            import eventlet_utils
            from oslo_service import eventlet_backdoor
            from nova.utils import eventlet as ev
            eventlet.spawn(f)
            spawn(f)
            ev.spawn(f)
            """), [])

    def test_imports_in_functions_and_blocks_bind_there(self):
        self.assertEqual(sites("""
            try:
                import eventlet
            except ImportError:
                eventlet = None
            def f():
                from eventlet import tpool
                return tpool.execute(g)
            def h():
                return tpool.execute(g)
            eventlet.sleep()
            """), sorted([
            "2:12 eventlet import",
            "6:26 eventlet.tpool import",
            "7:12 eventlet.tpool.execute call",
            "10:1 eventlet.greenthread.sleep call",
        ]))


class Scoping(unittest.TestCase):
    def test_local_bindings_shadow_the_module_import(self):
        self.assertEqual(sites("""
            import eventlet
            from eventlet import greenthread
            def a(eventlet):
                eventlet.spawn()
            def b():
                eventlet = None
                eventlet.sleep()
            def c():
                for greenthread in threads:
                    greenthread.wait()
            def d():
                import greenthread
                greenthread.x()
            def e():
                with x() as eventlet, y() as (a, greenthread):
                    eventlet.x(); greenthread.y()
            def f():
                try: pass
                except E as eventlet: eventlet.args
            lambda eventlet: eventlet.spawn()
            def g():
                eventlet.spawn()
            """), sorted([
            "1:8 eventlet import",
            "2:22 eventlet.greenthread import",
            "22:5 eventlet.greenthread.spawn call",
        ]))

    def test_the_first_tracked_binding_wins_wherever_it_is(self):
        self.assertEqual(sites("""
            def f():
                spawn(g)
                x = 1
                from eventlet import spawn
            sleep()
            sleep = None
            from eventlet import sleep
            """), sorted([
            "2:5 eventlet.greenthread.spawn call",
            "4:26 eventlet.greenthread.spawn import",
            "5:1 eventlet.greenthread.sleep call",
            "7:22 eventlet.greenthread.sleep import",
        ]))

    def test_global_sends_the_binding_to_the_module(self):
        self.assertEqual(sites("""
            backdoor = None
            def load():
                global backdoor
                from eventlet import backdoor
            def use():
                backdoor.backdoor_server()
            backdoor.x
            """), sorted([
            "4:26 eventlet.backdoor import",
            "6:5 eventlet.backdoor.backdoor_server call",
            "7:1 eventlet.backdoor.x reference",
        ]))

    def test_global_lookup_skips_a_local_binding(self):
        self.assertEqual(sites("""
            import eventlet
            def f():
                global eventlet
                eventlet = None
                eventlet.sleep()
            """), ["1:8 eventlet import", "5:5 eventlet.greenthread.sleep call"])

    def test_nonlocal_binds_in_the_enclosing_function(self):
        self.assertEqual(sites("""
            def outer():
                hub = None
                def inner():
                    nonlocal hub
                    from eventlet import hubs as hub
                inner()
                return hub.get_hub()
            """), ["5:30 eventlet.hubs import", "7:12 eventlet.hubs.get_hub call"])

    def test_nested_functions_see_the_enclosing_function(self):
        self.assertEqual(sites("""
            def outer():
                from eventlet import queue
                def inner():
                    return queue.Queue()
                return lambda: queue.LightQueue()
            """), sorted([
            "2:26 eventlet.queue import",
            "4:16 eventlet.queue.Queue call",
            "5:20 eventlet.queue.LightQueue call",
        ]))

    @unittest.skipIf(sys.version_info < (3, 10), "match needs Python 3.10")
    def test_match_captures_are_local(self):
        self.assertEqual(sites("""
            import eventlet
            def f(x):
                match x:
                    case [eventlet, *rest]:
                        eventlet.spawn()
            """), ["1:8 eventlet import"])

    def test_class_body_is_not_visible_from_its_methods(self):
        self.assertEqual(sites("""
            class C:
                from eventlet import queue
                q = queue.Queue
                def m(self, default=queue.LifoQueue):
                    return queue.Queue()
                class D(queue.Queue):
                    pass
                qs = [x for x in queue.xs if queue]
            """), sorted([
            "2:26 eventlet.queue import",
            "3:9 eventlet.queue.Queue reference",
            "4:25 eventlet.queue.LifoQueue reference",
            "6:13 eventlet.queue.Queue base-class",
            "8:22 eventlet.queue.xs reference",
        ]))

    def test_decorators_and_defaults_are_evaluated_outside(self):
        self.assertEqual(sites("""
            import eventlet
            @eventlet.wrap
            def f(eventlet=eventlet.Timeout, *, t: eventlet.T = 1):
                return eventlet
            """), sorted([
            "1:8 eventlet import",
            "2:2 eventlet.wrap decorator",
            "3:16 eventlet.timeout.Timeout reference",
            "3:40 eventlet.T reference",
        ]))

    def test_comprehension_variables_stay_in_the_comprehension(self):
        self.assertEqual(sites("""
            from eventlet import greenthread
            def f(ts):
                waits = [greenthread.wait() for greenthread in ts]
                greenthread.sleep()
                [x for x in greenthread.ts]
            """), sorted([
            "1:22 eventlet.greenthread import",
            "4:5 eventlet.greenthread.sleep call",
            "5:17 eventlet.greenthread.ts reference",
        ]))


class Aliases(unittest.TestCase):
    def test_alias_assignments_bind_and_their_value_is_a_use(self):
        self.assertEqual(sites("""
            import eventlet
            spawn = eventlet.spawn
            pool_cls = eventlet.GreenPool
            spawn(f)
            pool_cls(10).spawn(g)
            n: int = eventlet.x
            n.y
            a = b = eventlet.y
            a.z
            """), sorted([
            "1:8 eventlet import",
            "2:9 eventlet.greenthread.spawn reference",
            "3:12 eventlet.greenpool.GreenPool reference",
            "4:1 eventlet.greenthread.spawn call",
            "5:1 eventlet.greenpool.GreenPool call",
            "6:10 eventlet.x reference",
            "8:9 eventlet.y reference",
        ]))

    def test_an_alias_may_use_a_later_binding(self):
        self.assertEqual(sites("""
            def f():
                return sleep(0)
            sleep = greenthread.sleep
            from eventlet import greenthread
            """), sorted([
            "2:12 eventlet.greenthread.sleep call",
            "3:9 eventlet.greenthread.sleep reference",
            "4:22 eventlet.greenthread import",
        ]))


class UseKinds(unittest.TestCase):
    def test_kinds(self):
        self.assertEqual(sites("""
            import eventlet
            @eventlet.decorate(1)
            class S(eventlet.wsgi.Server):
                pass
            with eventlet.Timeout(5):
                pass
            with eventlet.timeout.Timeout(1), eventlet.x:
                pass
            try:
                pass
            except eventlet.Timeout:
                pass
            except (OSError, eventlet.StopServe):
                pass
            eventlet.sleep
            """), sorted([
            "1:8 eventlet import",
            "2:2 eventlet.decorate decorator",
            "3:9 eventlet.wsgi.Server base-class",
            "5:6 eventlet.timeout.Timeout with",
            "7:6 eventlet.timeout.Timeout with",
            "7:35 eventlet.x with",
            "11:8 eventlet.timeout.Timeout except",
            "13:18 eventlet.convenience.StopServe except",
            "15:1 eventlet.greenthread.sleep reference",
        ]))


class Mocks(unittest.TestCase):
    def test_patch_object_is_one_site_at_its_first_argument(self):
        self.assertEqual(sites("""
            import mock, unittest
            import fixtures
            from unittest.mock import patch
            import eventlet
            from eventlet import greenthread as gt
            @mock.patch.object(eventlet, 'spawn')
            def t(self, m):
                with patch.object(gt, 'sleep'), mock.patch.object(
                        eventlet.greenpool.GreenPool, 'spawn_n', autospec=True):
                    self.useFixture(fixtures.MockPatchObject(eventlet, 'sleep'))
                    mock.patch.object(os, 'fork')
                    mock.patch.multiple(eventlet, spawn=None)
                    unittest.mock.patch.object(gt, 'spawn_after')
            """), sorted([
            "4:8 eventlet import",
            "5:22 eventlet.greenthread import",
            "6:20 eventlet.greenthread.spawn mock",
            "8:23 eventlet.greenthread.sleep mock",
            "9:13 eventlet.greenpool.GreenPool.spawn_n mock",
            "10:50 eventlet.greenthread.sleep mock",
            "12:29 eventlet reference",
            "13:36 eventlet.greenthread.spawn_after mock",
        ]))


class Strings(unittest.TestCase):
    def test_dotted_path_strings(self):
        self.assertEqual(sites('''
            """Module docstring: eventlet.spawn"""
            import mock
            @mock.patch('nova.utils.eventlet.sleep')
            def t(self):
                """eventlet.greenthread.sleep"""
                'eventlet.spawn'
                self.assertRaises(x, 'eventlet.greenlet.getcurrent')
                log(f'eventlet.{x}', f'eventlet.spawn{y}', 'eventlet', 'eventlet.', 'use eventlet.spawn')
                return "greenlet.getcurrent", b'eventlet.spawn', 'eventlet.spawn\\n'
            class C:
                """eventlet.Timeout"""
                p = 'eventlet.green.os.getpid'
            '''), sorted([
            "3:13 eventlet.greenthread.sleep string",
            "7:26 greenlet.getcurrent string",
            "12:9 eventlet.green.os.getpid string",
        ]))


class DynamicImports(unittest.TestCase):
    def test_literal_dynamic_imports(self):
        self.assertEqual(sites("""
            import importlib
            from importlib import import_module
            from oslo_utils import importutils
            ev = __import__('eventlet.green.socket')
            th = importlib.import_module('eventlet.green.threading')
            tp = import_module('eventlet.tpool')
            eventlet = importutils.try_import('eventlet')
            hubs = importutils.import_module("eventlet.hubs")
            importlib.import_module('nova.eventlet.x')
            other.import_module('eventlet.queue')
            ev.green; th.Thread(); tp.execute(); eventlet.spawn(); hubs.get_hub()
            """), sorted([
            "4:17 eventlet.green.socket import",
            "5:30 eventlet.green.threading import",
            "6:20 eventlet.tpool import",
            "7:35 eventlet import",
            "8:34 eventlet.hubs import",
            "9:25 eventlet.x string",
            "10:21 eventlet.queue string",
            "11:1 eventlet.green reference",
            "11:11 eventlet.green.threading.Thread call",
            "11:24 eventlet.tpool.execute call",
            "11:38 eventlet.greenthread.spawn call",
            "11:56 eventlet.hubs.get_hub call",
        ]))


class Positions(unittest.TestCase):
    def test_columns_count_code_points_and_lines_follow_the_tokenizer(self):
        source = "s = 'é€'; import eventlet\r\nx = '\u2028'\rif 1:\x0c eventlet.sleep()\n"
        records = usage_oracle.scan_source(source.encode("utf-8"))
        self.assertEqual(sorted(records), [
            (1, 18, "eventlet", "import"),
            (3, 8, "eventlet.greenthread.sleep", "call"),
        ])

    def test_latin1_source(self):
        source = "# -*- coding: latin-1 -*-\nt = 'é'; import eventlet\n".encode("latin-1")
        self.assertEqual(usage_oracle.scan_source(source), [(2, 17, "eventlet", "import")])


class Canonical(unittest.TestCase):
    def test_reexports(self):
        c = usage_oracle.canonical
        self.assertEqual(c("eventlet.Timeout.cancel"), "eventlet.timeout.Timeout.cancel")
        self.assertEqual(c("eventlet.TimeoutError"), "eventlet.timeout.Timeout")
        self.assertEqual(c("eventlet.listen"), "eventlet.convenience.listen")
        self.assertEqual(c("eventlet.monkey_patch"), "eventlet.patcher.monkey_patch")
        self.assertEqual(c("eventlet.getcurrent"), "greenlet.getcurrent")
        self.assertEqual(c("eventlet.greenthread.getcurrent"), "greenlet.getcurrent")
        self.assertEqual(c("eventlet.greenio.GreenPipe"), "eventlet.greenio.py3.GreenPipe")
        self.assertEqual(c("eventlet.spawner"), "eventlet.spawner")
        self.assertEqual(c("eventlet.green.socket"), "eventlet.green.socket")


class Tree(unittest.TestCase):
    def test_walk_skips_folders_counts_syntax_errors_and_sorts(self):
        with tempfile.TemporaryDirectory() as root:
            files = {
                "b.py": "import eventlet\n",
                "a/x.py": "x = 1\nfrom eventlet import sleep\n",
                "a/bad.py": "import eventlet\ndef (:\n",
                "a/plain.py": "def (:\n",
                ".tox/t.py": "import eventlet\n",
                "build/t.py": "import eventlet\n",
                "pkg.egg-info/t.py": "import eventlet\n",
                "notes.txt": "import eventlet\n",
            }
            for rel, text in files.items():
                os.makedirs(os.path.join(root, os.path.dirname(rel)), exist_ok=True)
                with open(os.path.join(root, rel), "w") as f:
                    f.write(text)
            errors = io.StringIO()
            rows, n, with_usage, failed = usage_oracle.scan_tree(root, errors)
        self.assertEqual((n, with_usage, failed), (4, 2, 2))
        self.assertEqual([(r["path"], r["line"], r["symbol"]) for r in rows],
                         [("a/x.py", 2, "eventlet.greenthread.sleep"), ("b.py", 1, "eventlet")])
        self.assertIn("oracle: a/bad.py: syntax error: ", errors.getvalue())
        self.assertIn("oracle: a/plain.py: syntax error: ", errors.getvalue())


def project(files, depth=2):
    """'path:line symbol layer' of each record of a small tree of dedented files, sorted."""
    with tempfile.TemporaryDirectory() as root:
        for rel, text in files.items():
            os.makedirs(os.path.join(root, os.path.dirname(rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w") as f:
                f.write(textwrap.dedent(text).lstrip("\n"))
        rows, *_ = indirect_layer.scan_project(root, io.StringIO(), 1, depth)
    return [f"{r['path']}:{r['line']} {r['symbol']} {r['layer']}"
            for r in sorted(rows, key=lambda r: (r["path"], r["line"], r["symbol"], r["layer"]))]


def indirect(files, depth=2):
    return [r.rsplit(" ", 1)[0] for r in project(files, depth) if r.endswith(" indirect")]


class Facades(unittest.TestCase):
    FACADE = {
        "proj/__init__.py": "",
        "proj/concurrency.py": """
            import eventlet
            from eventlet import spawn
            from eventlet.timeout import Timeout as timeout_class
            from eventlet import timeout
            """,
    }

    def test_every_way_of_reaching_a_facade_name(self):
        self.assertEqual(indirect(dict(self.FACADE, **{"proj/a.py": """
            from proj.concurrency import spawn
            from proj import concurrency
            import proj.concurrency
            import proj.concurrency as c
            spawn(f)
            concurrency.eventlet.sleep(1)
            proj.concurrency.timeout_class
            c.spawn(f)
            def g():
                from .concurrency import spawn as go
                go(f)
            """})), [
            "proj/a.py:1 eventlet.greenthread.spawn",
            "proj/a.py:5 eventlet.greenthread.spawn",
            "proj/a.py:6 eventlet.greenthread.sleep",
            "proj/a.py:7 eventlet.timeout.Timeout",
            "proj/a.py:8 eventlet.greenthread.spawn",
            "proj/a.py:10 eventlet.greenthread.spawn",
            "proj/a.py:11 eventlet.greenthread.spawn",
        ])

    def test_facades_of_facades_star_imports_and_all(self):
        self.assertEqual(indirect(dict(self.FACADE, **{
            "proj/compat.py": """
                from proj.concurrency import spawn as go
                from proj import concurrency
                Pool = concurrency.eventlet.GreenPool
                __all__ = ["go", "Pool"]
                """,
            "proj/user.py": """
                from proj.compat import *
                from proj.compat import Pool
                go(f)
                Pool()
                """})), [
            "proj/compat.py:1 eventlet.greenthread.spawn",
            "proj/compat.py:3 eventlet.greenpool.GreenPool",
            "proj/user.py:2 eventlet.greenpool.GreenPool",
            "proj/user.py:3 eventlet.greenthread.spawn",
            "proj/user.py:4 eventlet.greenpool.GreenPool",
        ])

    def test_local_aliases_defaults_and_annotations_follow_python_scoping(self):
        self.assertEqual(indirect(dict(self.FACADE, **{"proj/b.py": """
            from proj import concurrency
            from proj.concurrency import timeout
            def f(x=timeout.Timeout, y: timeout.Timeout = None):
                nap = concurrency.eventlet.sleep
                nap(1)
            def h(concurrency):
                concurrency.spawn(f)
            def k(pool, fast):
                size = concurrency.eventlet.sleep
                if fast:
                    size = pool.size
                queue(size)
            del timeout
            """})), [
            "proj/b.py:2 eventlet.timeout",
            "proj/b.py:3 eventlet.timeout.Timeout",
            "proj/b.py:3 eventlet.timeout.Timeout",
            "proj/b.py:4 eventlet.greenthread.sleep",
            "proj/b.py:5 eventlet.greenthread.sleep",
            "proj/b.py:9 eventlet.greenthread.sleep",
        ])

    def test_direct_records_keep_their_layer_and_match_the_direct_oracle(self):
        rows = project(dict(self.FACADE, **{"proj/a.py": "from proj.concurrency import spawn\n"}))
        self.assertEqual([r for r in rows if r.endswith(" direct")], [
            "proj/concurrency.py:1 eventlet direct",
            "proj/concurrency.py:2 eventlet.greenthread.spawn direct",
            "proj/concurrency.py:3 eventlet.timeout.Timeout direct",
            "proj/concurrency.py:4 eventlet.timeout direct",
        ])


class Accessors(unittest.TestCase):
    def test_a_function_returning_eventlet_or_a_submodule(self):
        self.assertEqual(indirect({
            "proj/__init__.py": "",
            "proj/utils.py": """
                def get_eventlet():
                    import eventlet
                    return eventlet
                def get_hubs():
                    from eventlet import hubs
                    return hubs
                """,
            "proj/run.py": """
                from proj import utils
                def main():
                    eventlet = utils.get_eventlet()
                    eventlet.patcher.original("threading")
                    utils.get_eventlet().hubs.use_hub()
                    utils.get_hubs().get_hub()
                    utils.get_eventlet
                """}), [
            "proj/run.py:3 eventlet",
            "proj/run.py:4 eventlet.patcher.original",
            "proj/run.py:5 eventlet.hubs.use_hub",
            "proj/run.py:6 eventlet.hubs.get_hub",
        ])


class Values(unittest.TestCase):
    def test_functions_returning_eventlet_objects_and_a_default_pool(self):
        self.assertEqual(indirect({
            "proj/__init__.py": "",
            "proj/pools.py": """
                import eventlet
                _POOL = eventlet.GreenPool()
                def _pool():
                    return eventlet.GreenPool()
                def spawn(f, *a):
                    return _pool().spawn(f, *a)
                def get_pool():
                    return _POOL
                def go(f):
                    _POOL.spawn_n(f)
                def maybe():
                    if FAST:
                        return eventlet.event.Event()
                    return threading.Event()
                """,
            "proj/user.py": """
                from proj import pools
                pools.spawn(f)
                pools.get_pool().waitall()
                pools._POOL.free()
                pools.eventlet.sleep = fake
                pools._POOL.size = 2
                pools.spawn = fake
                pools.maybe().wait()
                def local():
                    import eventlet
                    pool = eventlet.GreenPool()
                    pool.spawn(f)
                """}), [
            "proj/pools.py:6 eventlet.greenpool.GreenPool.spawn",
            "proj/pools.py:8 eventlet.greenpool.GreenPool",
            "proj/pools.py:10 eventlet.greenpool.GreenPool.spawn_n",
            "proj/user.py:2 eventlet.greenpool.GreenPool.spawn",
            "proj/user.py:3 eventlet.greenpool.GreenPool.waitall",
            "proj/user.py:4 eventlet.greenpool.GreenPool.free",
            "proj/user.py:5 eventlet.greenthread.sleep",
            "proj/user.py:6 eventlet.greenpool.GreenPool",
            "proj/user.py:8 eventlet.event.Event",
        ])

    def test_an_eventlet_object_stored_on_self_in_the_same_class(self):
        self.assertEqual(indirect({
            "proj/server.py": """
                import eventlet
                class Server:
                    def __init__(self):
                        self.pool = None
                        self.pool = eventlet.GreenPool()
                    def start(self, f):
                        self.pool.spawn(f)
                        self.family = eventlet.green.socket.AF_INET
                        return self.pool, self.family
                class Other:
                    def start(self, f):
                        self.pool.spawn(f)
                """}), [
            "proj/server.py:7 eventlet.greenpool.GreenPool.spawn",
            "proj/server.py:9 eventlet.greenpool.GreenPool",
        ])


class Wrappers(unittest.TestCase):
    FILES = {
        "proj/__init__.py": "",
        "proj/utils.py": """
            import eventlet
            def spawn(f, *a, **kw):
                ctx = get()
                return eventlet.spawn(f, *a, **kw)
            def spawn_n(f, *a, **kw):
                ctx = get()
                eventlet.spawn_n(f, *a, **kw)
            def poll(interval):
                while True:
                    eventlet.sleep(interval)
            def patch():
                if WINDOWS:
                    eventlet.monkey_patch(os=False)
                else:
                    eventlet.monkey_patch()
            def later(f):
                return spawn(f)
            def much_later(f):
                return later(f)
            def main():
                eventlet.sleep(0)
            def tidy(x):
                work(x)
                eventlet.sleep(0)
            def yield_now():
                "Let the others run."
                eventlet.sleep(0)
            """,
        "proj/user.py": """
            from proj import utils
            from proj.utils import spawn
            utils.spawn(f)
            utils.spawn_n(f)
            utils.poll(1)
            utils.patch()
            utils.later(f)
            utils.much_later(f)
            utils.main()
            original = utils.spawn
            original(f)
            utils.tidy(1)
            utils.yield_now()
            """,
        "proj.egg-info/entry_points.txt": "[console_scripts]\nrun = proj.utils:main\n",
    }

    def test_wrappers_return_or_end_with_the_call_or_patch(self):
        self.assertEqual(indirect(self.FILES), [
            "proj/user.py:3 eventlet.greenthread.spawn",
            "proj/user.py:4 eventlet.greenthread.spawn_n",
            "proj/user.py:6 eventlet.patcher.monkey_patch",
            "proj/user.py:7 eventlet.greenthread.spawn",
            "proj/user.py:10 eventlet.greenthread.spawn",
            "proj/user.py:11 eventlet.greenthread.spawn",
            "proj/user.py:13 eventlet.greenthread.sleep",
            "proj/utils.py:17 eventlet.greenthread.spawn",
            "proj/utils.py:19 eventlet.greenthread.spawn",
        ])

    def test_wrapper_depth_bounds_the_levels_followed(self):
        sites = indirect(self.FILES, depth=3)
        self.assertIn("proj/user.py:8 eventlet.greenthread.spawn", sites)
        self.assertNotIn("proj/user.py:8 eventlet.greenthread.spawn", indirect(self.FILES, depth=2))
        self.assertEqual([s for s in indirect(self.FILES, depth=0) if s.startswith("proj/user.py")], [])


class FacadeStrings(unittest.TestCase):
    def test_mock_targets_through_the_projects_modules(self):
        self.assertEqual(project({
            "proj/__init__.py": "",
            "proj/concurrency.py": "from eventlet import sleep\n",
            "proj/run.py": "import eventlet\nfrom eventlet import wsgi\n",
            "proj/reaper.py": "from proj.concurrency import sleep\n",
            "proj/cmd/__init__.py": "",
            "proj/cmd/eventlet/__init__.py": "",
            "proj/cmd/eventlet/server.py": "def main(): pass\n",
            "proj/tests.py": """
                import mock
                from proj import concurrency
                mock.patch('proj.run.wsgi.server')
                mock.patch('proj.run.eventlet')
                mock.patch('proj.reaper.sleep')
                mock.patch('proj.cmd.eventlet.server.main')
                mock.patch('proj.run.eventlet.sleep')
                mock.patch.object(concurrency, 'sleep')
                mock.patch('proj.run.os')
                """}), [
            "proj/concurrency.py:1 eventlet.greenthread.sleep direct",
            "proj/reaper.py:1 eventlet.greenthread.sleep indirect",
            "proj/run.py:1 eventlet direct",
            "proj/run.py:2 eventlet.wsgi direct",
            "proj/tests.py:3 eventlet.wsgi.server indirect",
            "proj/tests.py:4 eventlet direct",
            "proj/tests.py:5 eventlet.greenthread.sleep indirect",
            "proj/tests.py:7 eventlet.greenthread.sleep direct",
            "proj/tests.py:8 eventlet.greenthread.sleep indirect",
        ])


class Compare(unittest.TestCase):
    def test_layers_are_scored_apart_and_disagreements_listed(self):
        import compare
        oracle = [
            {"path": "a.py", "line": 1, "symbol": "eventlet", "layer": "direct"},
            {"path": "a.py", "line": 2, "symbol": "eventlet.greenthread.sleep", "layer": "direct"},
            {"path": "b.py", "line": 3, "symbol": "eventlet.greenthread.spawn", "layer": "indirect", "construct": "wrapper"},
            {"path": "b.py", "line": 4, "symbol": "eventlet.greenthread.sleep", "layer": "indirect", "construct": "facade"},
            {"path": "c.py", "line": 5, "symbol": "eventlet.greenthread.sleep", "layer": "indirect", "construct": "facade"},
        ]
        via = [{"name": "proj.utils.spawn"}]
        report = {"findings": [
            {"path": "a.py", "line": 1, "symbol": "eventlet", "usage": "import"},
            {"path": "a.py", "line": 9, "symbol": "eventlet.greenthread.sleep", "usage": "call"},
            {"path": "a.py", "line": 9, "symbol": "eventlet", "usage": "pattern"},
            {"path": "b.py", "line": 3, "symbol": "eventlet.greenthread.spawn", "usage": "call", "via": via},
            {"path": "b.py", "line": 4, "symbol": "eventlet.greenthread", "usage": "reference", "via": via},
        ]}
        c = compare.compare(oracle, report)
        self.assertEqual((c["direct"]["precision"], c["direct"]["recall"]), (0.5, 0.5))
        self.assertEqual((c["indirect"]["precision"], c["indirect"]["recall"]), (0.5, 0.3333))
        self.assertEqual(c["indirect"]["recallByConstruct"]["wrapper"]["recall"], 1.0)
        self.assertEqual(c["files"]["missing"], ["c.py"])
        self.assertEqual(c["missedDirect"], ["a.py:2 eventlet.greenthread.sleep"])
        self.assertEqual(c["extraDirect"], ["a.py:9 eventlet.greenthread.sleep"])
        self.assertEqual(c["indirectSymbolDisagreements"],
                         ["b.py:4 oracle eventlet.greenthread.sleep, scanner eventlet.greenthread"])


if __name__ == "__main__":
    unittest.main()
