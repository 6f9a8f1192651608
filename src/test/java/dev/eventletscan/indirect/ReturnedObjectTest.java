package dev.eventletscan.indirect;

import static dev.eventletscan.indirect.SmallProject.indirect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventletscan.model.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eventlet objects the project makes and hands on: a function returning a new pool, a module-level default pool,
 * and the wrappers around their methods.
 */
class ReturnedObjectTest {
    @TempDir
    Path dir;

    @Test
    void aFunctionReturningAPoolMakesItsMethodsUsesAndWrappersAroundThemWrappers() throws IOException {
        ScanResult r = SmallProject.scan(dir, Map.of(
                "proj/__init__.py", "",
                "proj/pools.py", """
                        import eventlet

                        _POOL = eventlet.GreenPool(8)

                        def _pool():
                            return eventlet.GreenPool()

                        def spawn(f, *a):
                            return _pool().spawn(f, *a)

                        def spawn_default(f):
                            _POOL.spawn_n(f)

                        def wait_all():
                            _POOL.waitall()
                            return None
                        """,
                "proj/jobs.py", """
                        from proj import pools
                        from proj.pools import _POOL

                        def run(task):
                            pools.spawn(task)
                            pools.spawn_default(task)
                            _POOL.free()
                            mine = pools._pool()
                            mine.imap(task, [])
                            return _POOL
                        """));
        assertThat(indirect(r)).containsExactly(
                "proj/jobs.py:5:5 call eventlet.greenpool.GreenPool.spawn via proj.pools.spawn>proj.pools._pool",
                "proj/jobs.py:6:5 call eventlet.greenpool.GreenPool.spawn_n via proj.pools.spawn_default>proj.pools._POOL",
                "proj/jobs.py:7:5 call eventlet.greenpool.GreenPool.free via proj.pools._POOL",
                "proj/jobs.py:8:12 call eventlet.greenpool.GreenPool via proj.pools._pool",
                "proj/jobs.py:9:5 call eventlet.greenpool.GreenPool.imap via proj.pools._pool",
                "proj/pools.py:9:12 call eventlet.greenpool.GreenPool.spawn via proj.pools._pool",
                "proj/pools.py:12:5 call eventlet.greenpool.GreenPool.spawn_n via proj.pools._POOL",
                "proj/pools.py:15:5 call eventlet.greenpool.GreenPool.waitall via proj.pools._POOL");
        assertThat(r.findings()).filteredOn(f -> f.path().equals("proj/jobs.py")).allSatisfy(f -> assertThat(f.category()).isEqualTo("pool"));
    }

    @Test
    void aPoolAClassKeepsOnSelfIsFollowedInItsMethods() throws IOException {
        ScanResult r = SmallProject.scan(dir, Map.of(
                "proj/__init__.py", "",
                "proj/worker.py", """
                        from eventlet import GreenPool

                        class Worker:
                            def __init__(self, size):
                                self.pool = GreenPool(size)
                                self.size = size

                            def submit(self, job):
                                self.pool.spawn_n(job)
                                return self.size

                            def drain(self):
                                self.pool.waitall()

                        class Other:
                            def run(self):
                                self.pool.spawn(print)
                        """));
        assertThat(indirect(r)).containsExactly(
                "proj/worker.py:9:9 call eventlet.greenpool.GreenPool.spawn_n via proj.worker.Worker.pool",
                "proj/worker.py:13:9 call eventlet.greenpool.GreenPool.waitall via proj.worker.Worker.pool");
    }

    @Test
    void aPoolMadeThroughAFacadeAndKeptOnSelfIsFollowedInTheClassesMethods() throws IOException {
        ScanResult r = SmallProject.scan(dir, Map.of(
                "proj/__init__.py", "",
                "proj/concurrency.py", "import eventlet\n\nGreenPool = eventlet.GreenPool\n",
                "proj/worker.py", """
                        from proj import concurrency

                        class Worker:
                            def submit(self, job):
                                self.pool.spawn_n(job)

                            def __init__(self, size):
                                self.pool = concurrency.GreenPool(size)

                            def later(self):
                                self.other = concurrency.GreenPool(1)
                        """,
                "proj/plain.py", """
                        class Plain:
                            def __init__(self):
                                self.pool = make()

                            def go(self):
                                self.pool.spawn(print)
                        """));
        assertThat(indirect(r)).containsExactly(
                "proj/worker.py:5:9 call eventlet.greenpool.GreenPool.spawn_n via proj.worker.Worker.pool>proj.concurrency.GreenPool",
                "proj/worker.py:8:21 call eventlet.greenpool.GreenPool via proj.concurrency.GreenPool",
                "proj/worker.py:11:22 call eventlet.greenpool.GreenPool via proj.concurrency.GreenPool");
    }
}
