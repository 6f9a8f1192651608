"""Calls to the upstream services through eventlet's green HTTP modules."""
import json
import os

from eventlet.green.http import client as http_client
from eventlet.green.urllib import request

FEED_HOST = os.environ.get("CHATBOARD_FEED_HOST", "feeds.example.org")
AUDIT_URL = os.environ.get("CHATBOARD_AUDIT_URL", "http://audit.internal/events")


def latest_headlines(limit=10):
    conn = http_client.HTTPSConnection(FEED_HOST, timeout=5)
    try:
        conn.request("GET", "/v1/headlines?limit=%d" % limit)
        response = conn.getresponse()
        return response.read()
    finally:
        conn.close()


def record_event(kind, payload):
    data = json.dumps({"kind": kind, "payload": payload}).encode("utf-8")
    req = request.Request(AUDIT_URL, data=data,
                          headers={"Content-Type": "application/json"})
    with request.urlopen(req, timeout=5) as response:
        return response.status
