"""The no-op task bench/notifications.py compares e-mail delivery with (imported by the bench's worker only)."""

import os

import redis
from celery import shared_task

_counter = None


@shared_task(name="bench.noop")
def noop(key):
    """Does nothing but count itself done (one Redis INCR), so the bench knows when all have run."""
    global _counter
    if _counter is None:
        _counter = redis.Redis.from_url(os.environ["CELERY_BROKER_URL"])
    _counter.incr(key)
