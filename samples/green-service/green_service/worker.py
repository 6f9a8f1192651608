import logging

import eventlet
from eventlet import greenthread as gt
from eventlet.green import threading

LOG = logging.getLogger(__name__)


class Worker(object):
    def __init__(self):
        self._lock = threading.Lock()
        self._threads = []

    def start(self, count):
        for index in range(count):
            self._threads.append(eventlet.spawn(self._run, index))
        gt.spawn_n(self._heartbeat)

    def _run(self, index):
        with self._lock:
            LOG.info("worker %d running", index)
        eventlet.sleep(0)

    def _heartbeat(self):
        while True:
            gt.sleep(30)
