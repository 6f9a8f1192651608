"""harbor-server: the console script."""
import logging

from harbor import concurrency

concurrency.patch_if_enabled()

from harbor.tasks import worker  # noqa: E402  (after patching, on purpose)

LOG = logging.getLogger(__name__)


def main():
    logging.basicConfig(level=logging.INFO)
    LOG.info("harbor-server on %s threads", "green" if concurrency.green() else "native")
    w = worker.Worker()
    w.start_background().join()
    return 0
