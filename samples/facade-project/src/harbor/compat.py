"""Old import paths, kept for plugins written against harbor 2."""
from harbor import concurrency
from harbor.concurrency import sleep as nap
from harbor.concurrency import spawn

__all__ = ["spawn", "nap", "Pool"]

Pool = concurrency.GreenPool
