"""fanout: run many small calls concurrently on green threads.

The library never patches the standard library; callers decide that.
"""

__version__ = "0.4.2"
