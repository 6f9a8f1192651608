"""Neutral concurrency helpers, so callers work the same in both modes."""
import threading
import time

from eventlet import patcher


def green_mode():
    """True when the process was monkey-patched at import time."""
    return patcher.is_monkey_patched("thread")


def start_background(func, *args):
    """Run func in a real OS thread, even in a monkey-patched process."""
    if green_mode():
        # Blocking C calls must not stall the hub: use an unpatched thread.
        real_threading = patcher.original("threading")
        thread = real_threading.Thread(target=func, args=args, daemon=True)
    else:
        thread = threading.Thread(target=func, args=args, daemon=True)
    thread.start()
    return thread


def pause(seconds):
    """Sleep; cooperative when patched, a plain sleep otherwise."""
    time.sleep(seconds)
