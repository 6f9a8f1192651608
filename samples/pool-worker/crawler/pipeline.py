"""Producer/consumer pipeline on a GreenPool, plus a GreenPile health check."""
import argparse
import logging

import eventlet
import eventlet.queue
from eventlet.greenpool import GreenPile
from eventlet.queue import LightQueue

from crawler import fetch

LOG = logging.getLogger(__name__)
_DONE = object()


def _producer(urls, work, consumers):
    for url in urls:
        work.put(url)
    for _ in range(consumers):
        work.put(_DONE)


def _consumer(work, results):
    while True:
        url = work.get()
        if url is _DONE:
            return
        results.put(fetch.fetch_one(url))


def run(urls, workers=8):
    work = eventlet.queue.Queue(maxsize=workers * 4)
    results = LightQueue()
    pool = eventlet.GreenPool(workers + 1)
    pool.spawn(_producer, urls, work, workers)
    for _ in range(workers):
        pool.spawn(_consumer, work, results)
    pool.waitall()
    return [results.get() for _ in range(results.qsize())]


def fingerprint_all(urls, concurrency=20):
    pool = eventlet.GreenPool(concurrency)
    return dict(pool.imap(fetch.fetch_one, urls))


def check_alive(urls, concurrency=4):
    pile = GreenPile(concurrency)
    for url in urls:
        pile.spawn(fetch.probe, url)
    return [body is not None for body in pile]


def main(argv=None):
    parser = argparse.ArgumentParser(prog="pool-worker")
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--workers", type=int, default=8)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    for url, digest in run(args.urls, args.workers):
        print(url, digest or "unavailable")
