import os

# match: EVT901
os.environ.setdefault('EVENTLET_NO_GREENDNS', 'yes')
# match: EVT901
hub = os.environ.get("EVENTLET_HUB")
# ok: EVT901
debug = os.environ.get("PYTHONDEBUG")
# match: EVT911
server = oslo_messaging.get_rpc_server(transport, target, endpoints, executor='eventlet')
# match: EVT911
sio = socketio.Server(async_mode='eventlet')
# match: EVT911
worker_class = 'eventlet'
# ok: EVT911
worker_class = 'gthread'
# ok: EVT911
sio = socketio.Server(async_mode='threading')
