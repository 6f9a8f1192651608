# match: EVT001
import eventlet
# match: EVT001
from eventlet import backdoor
# match: EVT001
import eventlet.debug
# match: EVT001
from eventlet.asyncio import spawn_for_awaitable
# match: EVT001
from eventlet.hubs import asyncio as asyncio_hub
# match: EVT610
import greenlet
# match: EVT610
from greenlet import GreenletExit
# match: EVT600
server = backdoor.backdoor_server(sock)
# match: EVT601
eventlet.debug.hub_blocking_detection(True, resolution=1)
# match: EVT601
eventlet.debug.hub_exceptions(False)
# ok: EVT601
faulthandler.enable()
# match: EVT611
g = greenlet.greenlet(run)
# ok: EVT611
g.switch()
try:
    loop()
# match: EVT612
except greenlet.GreenletExit:
    cleanup()
# match: EVT613
greenlet.settrace(tracer)
# ok: EVT610, EVT611, EVT612, EVT613
import threading
# match: EVT650
gt = spawn_for_awaitable(fetch(url))
# ok: EVT650
page = gt.wait()
# match: EVT651
hub_class = asyncio_hub.Hub
# ok: EVT600, EVT650, EVT651
task = asyncio.ensure_future(fetch(url))
