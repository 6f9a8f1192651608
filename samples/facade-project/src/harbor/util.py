"""Helpers shared by the tasks and the API."""
import time

from harbor.concurrency import start


def _delayed(func, delay):
    time.sleep(delay)
    return func()


def run_later(func, delay):
    """Call func after delay seconds, in the background."""
    return start(_delayed, func, delay)


def run_soon(func):
    """A wrapper three levels above eventlet: beyond the default depth."""
    return run_later(func, 0)


def elapsed(start_time):
    """Not a use: a parameter, not the facade's start."""
    return time.monotonic() - start_time
