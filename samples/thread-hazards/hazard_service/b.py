import threading

from hazard_service import workers

_registry_lock = threading.RLock()


def start():
    workers.start(range(10))
