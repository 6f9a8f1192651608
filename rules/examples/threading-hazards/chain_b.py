import threading

_registry_lock = threading.RLock()
