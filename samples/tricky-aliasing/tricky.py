"""Every awkward way one module can reach eventlet.

Text such as eventlet.spawn(worker) in this docstring is documentation only.
"""
from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

import eventlet as ev
from eventlet import greenthread as gt
import eventlet.green.socket
from eventlet import (  # the green primitives the dispatcher relies on
    GreenPool,  # bounded concurrency
    # Semaphore used to be imported here too
    Queue as GreenQueue,
)
from eventlet.timeout import \
    with_timeout
import greenlet

try:
    from eventlet.green import zmq
except ImportError:  # pyzmq is optional: run without the message bus
    zmq = None

if TYPE_CHECKING:
    from eventlet.greenthread import GreenThread

LOG = logging.getLogger(__name__)

green_threading = importlib.import_module("eventlet.green.threading")
evt = __import__("eventlet")

spawn = ev.spawn
IDLE_HOOKS = [ev.sleep]  # eventlet-scan: ignore
backdoor = None


@ev.wrap_is_timeout
class UpstreamTimeout(Exception):
    """Raised when the upstream service does not answer in time."""


class RequestTimeout(eventlet.Timeout):
    """A Timeout that carries the request it interrupted."""

    def __init__(self, seconds, request_id):
        super().__init__(seconds)
        self.request_id = request_id


class Dispatcher(object):
    pool_class = GreenPool
    pause = staticmethod(gt.sleep)

    def __init__(self, size=100):
        self.pool = self.pool_class(size)
        self.inbox = GreenQueue()
        self.stopped = green_threading.Event()

    def dispatch(self, func, *args):
        self.pause(0)  # let queued green threads run first
        return self.pool.spawn(func, *args)


def run_with(eventlet, func):
    """`eventlet` here is any object with spawn(), e.g. a test double."""
    return eventlet.spawn(func)


def wait_all(threads: list[GreenThread]):
    results = []
    for gt in threads:  # loop variable shadows the greenthread alias
        results.append(gt.wait())
    return results


def start_listener(port):
    # eventlet.convenience is imported late so importing this module stays cheap.
    from eventlet import convenience
    return convenience.listen(("127.0.0.1", port))


def _load_backdoor():
    global backdoor
    from eventlet import backdoor


def open_backdoor(port=3000):
    _load_backdoor()
    sock = ev.listen(("127.0.0.1", port))
    return ev.spawn(backdoor.backdoor_server, sock)


def start_heartbeat(beat, interval=30):
    return spawn(beat, interval)


def start_all(funcs):
    return list(map(lambda func: gt.spawn(func), funcs))


def fire(func):
    evt.spawn_n(func)  # eventlet-scan: ignore[EVT201]


def fetch_banner(host, port):
    sock = eventlet.green.socket.socket()
    try:
        with ev.Timeout(1):
            sock.connect((host, port))
            return sock.recv(128)
    except (OSError, ev.Timeout):
        LOG.warning("no banner from %s:%s (eventlet.Timeout)", host, port)
        return b""
    finally:
        sock.close()


def consume(queue, handler):
    LOG.debug("consumer %r started", ev.getcurrent())
    while True:
        try:
            handler(queue.get())
        except (ValueError, greenlet.GreenletExit):
            return


def publish(topic, payload, seconds=5):
    if zmq is None:
        return False
    context = zmq.Context.instance()
    sender = context.socket(zmq.PUB)
    sender.connect("tcp://127.0.0.1:5556")
    return with_timeout(seconds, sender.send_multipart, [topic, payload])
