from unittest import mock

import futurist
from futurist import GreenThreadPoolExecutor
from oslo_service import loopingcall
from oslo_service import service
from oslo_service import threadgroup
from oslo_service import wsgi

# match: EVT660
launcher = service.launch(CONF, RPCService(), workers=4, restart_method='mutate')
# match: EVT660
launcher = service.ProcessLauncher(CONF, restart_method='mutate')
# match: EVT660
launcher = service.ServiceLauncher(CONF)
# ok: EVT660
launcher.wait()
# match: EVT663
@mock.patch('oslo_service.service.launch')
def test_launch(mock_launch):
    pass


# ok: EVT663
@mock.patch('oslo_service.loopingcall.FixedIntervalLoopingCall')
def test_heartbeat(mock_call):
    pass


# ok: EVT660, EVT661, EVT662
class RPCService(service.Service):
    def start(self):
        super().start()
        # match: EVT661
        self.server = wsgi.Server(CONF, 'api', self.app, host='0.0.0.0', port=6385)
        # ok: EVT661
        self.loader = wsgi.Loader(CONF)
        # ok: EVT660, EVT661, EVT662
        self.tg = threadgroup.ThreadGroup()
        # ok: EVT660, EVT661, EVT662
        self.timer = loopingcall.FixedIntervalLoopingCall(self.heartbeat)


# match: EVT662
executor = futurist.GreenThreadPoolExecutor(max_workers=100)
# match: EVT662
executor = GreenThreadPoolExecutor(max_workers=100)
# ok: EVT662
executor = futurist.ThreadPoolExecutor(max_workers=8)
# ok: EVT662
rejected = futurist.RejectedSubmission


# match: EVT663
@mock.patch('oslo_service.wsgi.Server', autospec=True)
def test_serves(mock_server):
    pass


# match: EVT663
@mock.patch.object(futurist, 'GreenThreadPoolExecutor', autospec=True)
def test_green_executor(mock_executor):
    pass
