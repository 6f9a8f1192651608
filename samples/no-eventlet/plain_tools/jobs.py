import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def run_all(jobs, workers=4):
    # Migrated off eventlet: native threads only.
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda job: job(), jobs))


def ticker(stop: threading.Event, out: queue.Queue):
    while not stop.is_set():
        out.put(time.monotonic())
        time.sleep(0.1)
