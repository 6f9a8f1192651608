import unittest
from unittest import mock

from harbor import concurrency
from harbor.tasks import worker


class WorkerTest(unittest.TestCase):
    @mock.patch("harbor.concurrency.spawn")
    def test_heartbeat(self, spawn):
        worker.heartbeat(lambda: None)
        concurrency.sleep(0)
        spawn.assert_called_once()
