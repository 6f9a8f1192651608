# match: EVT001
from eventlet import event, lock, semaphore, coros, corolocal
# match: EVT001
import eventlet.queue
# match: EVT001
from eventlet.dagpool import DAGPool
# match: EVT350
done = event.Event()
# ok: EVT350
done.send(result)
# match: EVT351
sem = semaphore.Semaphore(4)
# match: EVT351
guard = lock.Lock()
# ok: EVT351
guard = threading.Lock()
# match: EVT352
q = eventlet.queue.LightQueue()
try:
    item = q.get(timeout=1)
# match: EVT352
except eventlet.queue.Empty:
    pass
# ok: EVT352
q = queue.Queue()
# match: EVT353
pending = coros.metaphore()
# match: EVT354
dag = DAGPool()
# ok: EVT354
dag.spawn('b', ['a'], make_b)
# match: EVT355, EVH103
store = corolocal.local()
# ok: EVT353, EVT355
store = threading.local()
