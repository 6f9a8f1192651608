# match: EVT001
import eventlet
# match: EVT100
eventlet.monkey_patch()
# match: EVT100
eventlet.monkey_patch(thread=False)
# match: EVT100
eventlet.monkey_patch(socket=True)
# ok: EVT100
gevent_monkey.patch_all()
