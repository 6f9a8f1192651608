import unittest
from unittest import mock

import eventlet

from hazard_service import workers


class WorkersTest(unittest.TestCase):
    def setUp(self):
        eventlet.monkey_patch()

    def test_start(self):
        gt = eventlet.spawn(workers.work, 1)
        self.assertEqual({}, workers._results)
        gt.wait()

    @mock.patch('eventlet.sleep')
    def test_sleep_mocked(self, sleep):
        workers.start([])
