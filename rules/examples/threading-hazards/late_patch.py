# match: EVT001
import eventlet

# match: EVT100
# ok: EVH300
eventlet.monkey_patch()

import threading
