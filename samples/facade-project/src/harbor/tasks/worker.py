"""Workers that run jobs from a queue."""
import queue

from harbor import concurrency
from harbor import concurrency as conc


class Worker(object):
    def __init__(self, size=10):
        self.jobs = queue.Queue()
        self.pool = concurrency.GreenPool(size)

    def submit(self, job):
        self.pool.spawn_n(job)

    def run(self):
        while True:
            job = self.jobs.get()
            with concurrency.Timeout(30):
                job()
            concurrency.sleep(0)

    def start_background(self):
        return concurrency.start(self.run)


def fire_and_forget(job):
    conc.spawn_n(job)


def heartbeat(beat):
    go = concurrency.spawn
    return go(beat)


def shadowed(spawn):
    """A parameter named like the facade's name is not the facade."""
    return spawn()
