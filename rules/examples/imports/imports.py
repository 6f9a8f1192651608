# match: EVT001
import eventlet
# match: EVT001
from eventlet import greenthread as gt
# match: EVT001
import eventlet.green.socket as socket
# ok: EVT001
import asyncio
# ok: EVT001
from eventlet_helpers import pool
# match: EVT002
if eventlet.__version__ < '0.30':
    pass
# ok: EVT002
eventlet_version = asyncio.__name__
