"""The cleanup worker: one green thread sweeping every bucket in a loop."""
import logging

import eventlet
from eventlet import greenthread

LOG = logging.getLogger(__name__)


class Janitor(object):
    def __init__(self, store, interval=60):
        self.store = store
        self.interval = interval
        self._running = False

    def start(self):
        self._running = True
        return eventlet.spawn(self._loop)

    def stop(self):
        self._running = False

    def sweep_async(self, bucket):
        eventlet.spawn_n(self.store.purge_expired, bucket)

    def schedule_sweep(self, bucket, delay):
        return greenthread.spawn_after(delay, self.store.purge_expired, bucket)

    def wait_until_empty(self, bucket, timeout=5.0, step=0.1):
        waited = 0.0
        while self.store.count(bucket) and waited < timeout:
            eventlet.sleep(step)
            waited += step
        return not self.store.count(bucket)

    def _loop(self):
        while self._running:
            for bucket in self.store.buckets():
                LOG.debug("sweeping %s", bucket)
                self.store.purge_expired(bucket)
            greenthread.sleep(self.interval)
