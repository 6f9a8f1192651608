# match: EVT001
import eventlet
import os
# match: EVT001
from eventlet import corolocal, greenthread, tpool
# match: EVT001
from eventlet.green import threading as green_threading
import multiprocessing
import signal
import time

_cache = {}
_seen = []
_total = 0
LIMIT = 10

# match: EVT250, EVH100
pool = eventlet.GreenPool()
# match: EVT250, EVH101
big = eventlet.GreenPool(1000)
# match: EVT250, EVH101
sized = eventlet.GreenPool(size=500)
# match: EVT250
# ok: EVH100, EVH101
small = eventlet.GreenPool(8)
# match: EVT250
# ok: EVH100, EVH101
configured = eventlet.GreenPool(CONF.workers)
# match: EVT251, EVH100
pile = eventlet.GreenPile()


def worker(item):
    global _total
    # match: EVH109
    _cache[item] = True
    # match: EVH109
    _seen.append(item)
    # match: EVH109
    _total += 1
    with _lock:
        # ok: EVH109
        _cache.pop(item, None)
    local = {}
    # ok: EVH109
    local[item] = 1
    # match: EVH108
    signal.signal(signal.SIGTERM, handler)


def not_spawned(item):
    # ok: EVH109
    _cache[item] = False
    # ok: EVH108
    signal.signal(signal.SIGHUP, handler)


def start(items):
    for item in items:
        # match: EVT200, EVH102
        eventlet.spawn(worker, item)
    # match: EVT200
    # ok: EVH102
    eventlet.spawn(worker, None)
    for item in items:
        # match: EVT250
        # ok: EVH102
        pool.spawn(worker, item)
    # match: EVT201, EVH102
    threads = [greenthread.spawn_n(worker, i) for i in items]


def start_nested(items):
    def record(item):
        # match: EVH109
        _seen.remove(item)

    # match: EVT201
    greenthread.spawn_n(record, items[0])


def identity():
    # match: EVT355, EVH103
    store = corolocal.local()
    # match: EVT206, EVH104
    me = eventlet.getcurrent()
    # match: EVT502, EVH104
    ident = green_threading.get_ident()
    # match: EVT502
    # ok: EVH104
    lock = green_threading.Lock()
    # ok: EVH103
    native = threading.local()


def yields():
    # match: EVT203, EVH105
    eventlet.sleep(0)
    # match: EVT203, EVH105
    eventlet.sleep()
    # match: EVT203, EVH105
    greenthread.sleep(seconds=0)
    # match: EVH105
    time.sleep(0)
    # match: EVT203
    # ok: EVH105
    eventlet.sleep(1)
    # ok: EVH105
    asyncio.sleep(0)


def deadlines(conn):
    # match: EVT300, EVH106
    with eventlet.Timeout(5):
        conn.recv()
    try:
        conn.recv()
    # match: EVT301
    # ok: EVH106
    except eventlet.Timeout:
        pass
    # match: EVT300
    # ok: EVH106
    raise eventlet.Timeout()
    # match: EVH107
    signal.alarm(5)
    # ok: EVH107
    signal.getsignal(signal.SIGALRM)


def offload(conn):
    # match: EVT580, EVH110
    tpool.execute(conn.lookup, "x")
    # match: EVT581, EVH110
    proxy = tpool.Proxy(conn)
    # match: EVT582
    # ok: EVH110
    tpool.set_num_threads(4)


def children():
    # match: EVH111
    pid = os.fork()
    # match: EVH111
    proc = multiprocessing.Process(target=run)
    # match: EVH111
    ctx = multiprocessing.get_context("fork")
    # ok: EVH111
    ctx = multiprocessing.get_context("spawn")
    # ok: EVH111
    os.getpid()
