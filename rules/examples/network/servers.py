# match: EVT001
import eventlet
# match: EVT001
from eventlet import convenience, greenio, wsgi, websocket
# match: EVT400
sock = eventlet.listen(('0.0.0.0', 8080))
# ok: EVT400
plain = socket.create_server(('0.0.0.0', 8080))
# match: EVT401
client = eventlet.connect(('example.com', 80))
# ok: EVT401
client = socket.create_connection(('example.com', 80))
# match: EVT402
eventlet.serve(sock, handle, concurrency=100)
# match: EVT402
raise eventlet.StopServe()
# ok: EVT402
server.serve_forever()
# match: EVT403
tls = eventlet.wrap_ssl(sock, certfile=cert, keyfile=key, server_side=True)
# ok: EVT403
tls = ssl.wrap_socket(sock)
# match: EVT404
out = greenio.GreenPipe(fd, 'wb')
# match: EVT404
greenio.shutdown_safe(sock)
# ok: EVT404, EVT405
sock.shutdown(socket.SHUT_RDWR)
# match: EVT405
warnings.simplefilter('ignore', convenience.ReusePortUnavailableWarning)
# match: EVT450
wsgi.server(sock, app, max_size=1000)
# ok: EVT450
wsgiref.simple_server.make_server('', 8080, app)
# match: EVT451
class SwiftHttpProtocol(wsgi.HttpProtocol):
    def get_environ(self, *args, **kwargs):
        return {}
# ok: EVT451
class Handler(http.server.BaseHTTPRequestHandler):
    pass
try:
    serve_forever()
# match: EVT452
except wsgi.ChunkReadError:
    pass
# match: EVT452
limit = wsgi.MAX_HEADER_LINE
# ok: EVT452
limit = http.client._MAXLINE
# match: EVT470
@websocket.WebSocketWSGI
def handle(ws):
    ws.send(ws.wait())
# match: EVT471
ws = websocket.RFC6455WebSocket(sock, environ, version)
# ok: EVT470, EVT471
ws = websockets.connect(uri)
