from oslo_service import backend

# match: EVT556
backend.init_backend(backend.BackendType.THREADING)
# match: EVT556
init_backend(BackendType.THREADING)
# ok: EVT556
default = backend.BackendType.EVENTLET
# ok: EVT556
backend.get_backend()
# ok: EVT556
init_backend_later = True
