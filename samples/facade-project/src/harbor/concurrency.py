"""The one place that knows about eventlet: everything else imports from here."""
import os
import threading

import eventlet
from eventlet import greenpool, patcher
from eventlet.timeout import Timeout

__all__ = ["spawn", "spawn_n", "sleep", "GreenPool", "Timeout", "start", "green"]

spawn = eventlet.spawn
spawn_n = eventlet.spawn_n
sleep = eventlet.sleep
GreenPool = greenpool.GreenPool


def green():
    """True when the process runs on green threads."""
    return patcher.is_monkey_patched("thread")


def start(func, *args, **kwargs):
    """Run func in the background: a green thread, or a native one when unpatched."""
    if green():
        return eventlet.spawn(func, *args, **kwargs)
    thread = threading.Thread(target=func, args=args, kwargs=kwargs, daemon=True)
    thread.start()
    return thread


def patch_if_enabled():
    """Patch the standard library unless HARBOR_USE_THREADS=1 asks for native threads."""
    if os.environ.get("HARBOR_USE_THREADS") != "1":
        eventlet.monkey_patch()
