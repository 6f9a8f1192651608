# match: EVT001
import eventlet.hubs
# match: EVT001
from eventlet import hubs, tpool
# match: EVT001
from eventlet.hubs import timer, poll
# match: EVT550
eventlet.hubs.use_hub('poll')
# match: EVT552
hub = hubs.get_hub()
# ok: EVT552
hub.schedule_call_global(5, callback)
# match: EVT553
hubs.trampoline(fd, read=True, timeout=10)
# match: EVT554
t = timer.Timer(5, callback)
# ok: EVT554
t.schedule()
# match: EVT555
poll.Hub.sleep = sleep_wrapper
# match: EVT555
isinstance(err, eventlet.hubs.HubError)
# match: EVT580, EVH110
data = tpool.execute(compress, chunk)
# ok: EVT580
data = loop.run_in_executor(None, compress, chunk)
# match: EVT581, EVH110
conn = tpool.Proxy(libvirt.open(uri))
# match: EVT582
tpool.set_num_threads(40)
# match: EVT582
tpool.killall()
# ok: EVT550, EVT552, EVT553, EVT554, EVT555, EVT580, EVT581, EVT582
selectors.DefaultSelector().select(timeout=10)
