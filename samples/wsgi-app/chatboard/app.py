"""The WSGI application served by gunicorn or by chatboard.server."""
import json

from eventlet import websocket

from chatboard import upstream

_clients = set()


@websocket.WebSocketWSGI
def chat(ws):
    """Relay every message a client sends to all connected clients."""
    _clients.add(ws)
    try:
        while True:
            message = ws.wait()
            if message is None:
                break
            for client in list(_clients):
                client.send(message)
    finally:
        _clients.discard(ws)


def application(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    if path == "/chat":
        return chat(environ, start_response)
    if path == "/headlines":
        body = upstream.latest_headlines()
    else:
        body = json.dumps({"status": "ok", "clients": len(_clients)}).encode()
    start_response("200 OK", [("Content-Type", "application/json"),
                              ("Content-Length", str(len(body)))])
    return [body]
