"""relay: forwards messages from one queue to another.

Runs on green threads by default; set MYSVC_USE_EVENTLET=0 to run on
native threads.
"""
import os
import sys

if os.environ.get("MYSVC_USE_EVENTLET", "1") == "1":
    import eventlet
    import eventlet.hubs

    if sys.version_info >= (3, 12):
        # The classic hubs break on new interpreters: ride on asyncio instead.
        eventlet.hubs.use_hub("asyncio")
    eventlet.monkey_patch()
else:
    import threading

    threading.current_thread().name = "relay-main"
