# match: EVT001
import eventlet
import unittest


class SchedulingTest(unittest.TestCase):
    def setUp(self):
        # match: EVT100, EVH200
        eventlet.monkey_patch()

    def test_order(self):
        # match: EVT200, EVH201
        gt = eventlet.spawn(self.work)
        self.assertEqual([], self.done)
        # match: EVT200
        # ok: EVH201
        gt = eventlet.spawn(self.work)
        gt.wait()
        self.assertEqual([1], self.done)
        # match: EVT201, EVH201
        eventlet.spawn_n(self.work)
        assert not self.done


def helper():
    # match: EVT100
    # ok: EVH200
    eventlet.monkey_patch()
