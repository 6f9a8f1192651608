"""relay service entry point: python -m relay.service or the relay script."""
import logging
import os
import queue
import sys

from relay import concurrency

LOG = logging.getLogger("relay")


class Relay(object):
    def __init__(self, source, sink, interval=1.0):
        self.source = source
        self.sink = sink
        self.interval = interval
        self.running = False

    def run_forever(self):
        self.running = True
        while self.running:
            try:
                message = self.source.get_nowait()
            except queue.Empty:
                concurrency.pause(self.interval)
                continue
            self.sink.put(message)


def main(argv=None):
    logging.basicConfig(level=logging.INFO)
    mode = "green" if concurrency.green_mode() else "native"
    LOG.info("relay starting on %s threads (source %s)", mode,
             os.environ.get("RELAY_SOURCE", "memory://"))
    relay = Relay(queue.Queue(), queue.Queue())
    concurrency.start_background(relay.run_forever).join()
    return 0


if __name__ == "__main__":
    sys.exit(main())
