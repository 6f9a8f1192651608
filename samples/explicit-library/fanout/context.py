"""Per-green-thread request context, for log records and outgoing headers."""
from eventlet import corolocal

_store = corolocal.local()


def set_request_id(request_id):
    _store.request_id = request_id


def get_request_id(default=None):
    return getattr(_store, "request_id", default)


def clear():
    _store.__dict__.clear()
