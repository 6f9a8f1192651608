"""Run a batch of callables on green threads, a bounded number at a time."""
import logging

import eventlet
from eventlet import event
from eventlet import greenthread
from eventlet.semaphore import Semaphore

LOG = logging.getLogger(__name__)


class Batch(object):
    """Collects green threads so they can be waited for or cancelled."""

    def __init__(self, limit=10):
        self._slots = Semaphore(limit)
        self._threads = []
        self.finished = event.Event()

    def _guarded(self, func, *args):
        with self._slots:
            return func(*args)

    def add(self, func, *args):
        thread = eventlet.spawn(self._guarded, func, *args)
        self._threads.append(thread)
        return thread

    def add_later(self, delay, func, *args):
        thread = eventlet.spawn_after(delay, self._guarded, func, *args)
        self._threads.append(thread)
        return thread

    def fire_and_forget(self, func, *args):
        greenthread.spawn_n(self._guarded, func, *args)

    def results(self):
        values = []
        for thread in self._threads:
            if isinstance(thread, greenthread.GreenThread):
                values.append(thread.wait())
        self.finished.send(len(values))
        return values

    def cancel(self):
        for thread in self._threads:
            eventlet.kill(thread)
        self._threads = []


def poll_until(predicate, interval=0.5, attempts=20):
    """Call predicate until it is true, yielding to other green threads."""
    for attempt in range(attempts):
        if predicate():
            return True
        LOG.debug("not ready after %d attempts", attempt + 1)
        eventlet.sleep(interval)
    return False
