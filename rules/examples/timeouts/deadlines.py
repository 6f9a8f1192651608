# match: EVT001
import eventlet
# match: EVT001
from eventlet import Timeout, timeout
# match: EVT300, EVH106
with eventlet.Timeout(5):
    reply = conn.recv()
try:
    reply = conn.recv()
# match: EVT301
except eventlet.Timeout:
    handle_timeout()
# match: EVT301
self.assertRaises(eventlet.timeout.Timeout, do_test)
# match: EVT302
class ChunkReadTimeout(Timeout):
    pass
# match: EVT303
data = timeout.with_timeout(5, sock.recv, 1024, timeout_value=b'')
# match: EVT304
if eventlet.is_timeout(exc):
    retry()
# ok: EVT300, EVT301, EVT302, EVT303, EVT304
with async_timeout.timeout(5):
    reply = conn.recv()
