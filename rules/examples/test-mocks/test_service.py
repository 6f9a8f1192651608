# match: EVT001
import eventlet
from unittest import mock


# match: EVT700
@mock.patch('eventlet.sleep')
def test_sleep(sleep):
    pass


def test_spawn():
    # match: EVT700
    with mock.patch.object(eventlet, 'spawn') as spawn:
        pass
    # match: EVT700
    fixture = fixtures.MockPatch('eventlet.greenthread.sleep')
    # match: EVT700
    stub_out('nova.utils.eventlet.spawn', fake_spawn)
    # ok: EVT700
    mock.patch('time.sleep')


# match: EVT701
TARGET = 'eventlet.greenthread.sleep'
# ok: EVT701
DOCS = 'https://eventlet.net/doc/'
# ok: EVT701
if 'eventlet.net' in url:
    pass
# ok: EVT701
TITLE = 'eventlet'
