"""Unit tests for janitor.worker; every green call is mocked out."""
import unittest
from unittest import mock

import eventlet
import fixtures
import testtools
from eventlet import greenthread

from janitor import worker


class FakeStore(object):
    def __init__(self):
        self.purged = []
        self.counts = {}

    def buckets(self):
        return ["logs", "tmp"]

    def count(self, bucket):
        return self.counts.get(bucket, 0)

    def purge_expired(self, bucket):
        self.purged.append(bucket)
        self.counts[bucket] = 0


class TestJanitorSpawning(unittest.TestCase):

    @mock.patch.object(eventlet, "spawn")
    def test_start_spawns_the_loop(self, mock_spawn):
        janitor = worker.Janitor(FakeStore())
        janitor.start()
        mock_spawn.assert_called_once_with(janitor._loop)

    def test_sweep_async_uses_spawn_n(self):
        store = FakeStore()
        with mock.patch("janitor.worker.eventlet.spawn_n") as mock_spawn_n:
            worker.Janitor(store).sweep_async("logs")
        mock_spawn_n.assert_called_once_with(store.purge_expired, "logs")

    @mock.patch.object(greenthread, "spawn_after")
    def test_schedule_sweep_defers(self, mock_spawn_after):
        store = FakeStore()
        worker.Janitor(store).schedule_sweep("tmp", 30)
        mock_spawn_after.assert_called_once_with(30, store.purge_expired, "tmp")

    @mock.patch("eventlet.sleep")
    def test_wait_until_empty_polls(self, mock_sleep):
        store = FakeStore()
        store.counts["logs"] = 3
        mock_sleep.side_effect = lambda seconds: store.purge_expired("logs")
        self.assertTrue(worker.Janitor(store).wait_until_empty("logs"))
        mock_sleep.assert_called_once_with(0.1)


class TestJanitorLoop(testtools.TestCase):

    def setUp(self):
        super().setUp()
        fixture = fixtures.MockPatch("eventlet.greenthread.sleep")
        self.sleep = self.useFixture(fixture).mock

    def test_loop_sweeps_every_bucket_then_sleeps(self):
        store = FakeStore()
        janitor = worker.Janitor(store, interval=5)
        janitor._running = True
        self.sleep.side_effect = lambda seconds: janitor.stop()
        janitor._loop()
        self.assertEqual(["logs", "tmp"], store.purged)
        self.sleep.assert_called_once_with(5)
