# match: EVT001
from eventlet import patcher
# match: EVT001
from eventlet.green import socket
# match: EVT101
httplib2 = patcher.import_patched('httplib2')
# match: EVT102
threading = patcher.original('threading')
# match: EVT103
if patcher.is_monkey_patched('thread'):
    pass
# match: EVT104, EVT509
ftplib = patcher.inject('ftplib', globals(), ('socket', socket))
# match: EVT105, EVT509
wrapped = patcher.patch_function(func, ('socket', socket))
# match: EVT105
if 'socket' in patcher.already_patched:
    pass
# ok: EVT101, EVT102, EVT103, EVT104, EVT105
importlib.import_module('httplib2')
