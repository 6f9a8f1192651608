import os
import signal

import eventlet
from eventlet import corolocal
from eventlet import tpool

_results = {}
_done = []
pool = eventlet.GreenPool()


def work(item):
    _results[item] = item * 2
    _done.append(item)
    signal.signal(signal.SIGUSR1, lambda *a: None)


def start(items):
    for item in items:
        eventlet.spawn(work, item)
    eventlet.sleep(0)


def current():
    store = corolocal.local()
    return store, eventlet.getcurrent()


def guarded(conn):
    with eventlet.Timeout(10):
        return tpool.execute(conn.query)


def reexec():
    if os.fork() == 0:
        os.execv("/bin/true", ["true"])
