# match: EVT001
import eventlet
# match: EVT001
from eventlet import greenthread
# match: EVT610
import greenlet
# match: EVT200
gt = eventlet.spawn(process, item)
# ok: EVT200
result = gt.wait()
# match: EVT201
greenthread.spawn_n(heartbeat)
# match: EVT202
timer = eventlet.spawn_after(30, expire, key)
# ok: EVT202
timer.cancel()
# match: EVT203
eventlet.sleep(0.5)
# match: EVT203, EVH105
greenthread.sleep(0)
# ok: EVT203
time.sleep(1)
# match: EVT204
greenthread.kill(gt)
# match: EVT204
greenthread.cancel(gt)
# ok: EVT204
os.kill(pid, signal.SIGTERM)
# match: EVT205
class Job(greenthread.GreenThread):
    pass
# ok: EVT205
class Worker(threading.Thread):
    pass
# match: EVT206, EVH104
me = eventlet.getcurrent()
# match: EVT206, EVH104
key = id(greenlet.getcurrent())
# ok: EVT206
me = threading.current_thread()
# match: EVT207
timer = eventlet.exc_after(10, RuntimeError('too slow'))
# ok: EVT207
timer = threading.Timer(10, expire)
# match: EVT208
greenthread.spawn.assert_called_once_with(worker)
# ok: EVT200, EVT201, EVT208
executor.submit(process, item)
