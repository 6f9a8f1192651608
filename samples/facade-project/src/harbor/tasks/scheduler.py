"""Periodic jobs, written against the harbor 2 names."""
from harbor.compat import Pool, nap, spawn


def every(interval, job):
    while True:
        job()
        nap(interval)


def schedule(interval, job):
    spawn(every, interval, job)


def fan_out(jobs):
    pool = Pool(len(jobs))
    for job in jobs:
        pool.spawn(job)
    pool.waitall()
