"""Fetch one page, with a deadline, and hash it off the event loop."""
import hashlib
import logging

import eventlet
from eventlet import tpool
from eventlet.green.urllib import request as urlrequest
from eventlet.timeout import with_timeout

LOG = logging.getLogger(__name__)

FETCH_TIMEOUT = 10


def _download(url):
    with eventlet.Timeout(FETCH_TIMEOUT):
        with urlrequest.urlopen(url) as response:
            return response.read()


def _digest(body):
    # hashlib holds the GIL for large bodies; run it in a native thread.
    return hashlib.sha256(body).hexdigest()


def fetch_one(url):
    try:
        body = _download(url)
    except eventlet.Timeout:
        LOG.warning("timed out fetching %s", url)
        return url, None
    except OSError as exc:
        LOG.warning("failed to fetch %s: %s", url, exc)
        return url, None
    return url, tpool.execute(_digest, body)


def probe(url, seconds=2):
    """Return the body, or None when the page is not there within seconds."""
    try:
        return with_timeout(seconds, _download, url, timeout_value=None)
    except (OSError, eventlet.Timeout):
        return None
