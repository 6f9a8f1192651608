"""A module whose very file name is markup: <img src=x onerror=alert(1)>."""
import eventlet


def start():
    return eventlet.spawn(lambda: "<script>alert('spawned')</script>")
