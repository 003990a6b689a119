"""Delivering 1,000 notifications through a real Celery worker, against 1,000 no-op tasks.

Usage (PostgreSQL and Redis; a database of its own, which this script empties):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/citiesgrow_notifications_bench \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/notifications.py

It migrates the database, loads the demo network, creates 1,000 people, starts an
SMTP server (aiosmtpd, in this process) and one `celery worker` subprocess (prefork,
2 processes, like docker-compose) on a queue of its own, then measures on the same
worker and Redis:

1. 1,000 no-op tasks: from the first publish until all have run;
2. notify() of one event to the 1,000 people with instant e-mail: the time to write
   the 1,000 notifications and outbox rows (rendered mails) in one transaction, and
   from the commit until the worker has marked all 1,000 sent.

The ratio says what the outbox costs per mail over Celery's own overhead: claim,
SMTP conversation, mark sent — two short transactions and one SMTP connection each.
"""

import logging
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citiesgrow.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("EMAIL_URL", "locmem://")
QUEUE = f"bench-{uuid.uuid4().hex[:10]}"
os.environ["CELERY_TASK_DEFAULT_QUEUE"] = QUEUE

import django  # noqa: E402

django.setup()

import redis  # noqa: E402
from aiosmtpd.controller import Controller  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from accounts.models import User  # noqa: E402
from bench.noop import noop  # noqa: E402
from mentoring.demo import load_demo_network  # noqa: E402
from mentoring.models import Pairing  # noqa: E402
from notifications.models import Notification, OutboundEmail  # noqa: E402
from notifications.services import notify  # noqa: E402

N = 1000
UNUSABLE = make_password(None)


class CountingHandler:
    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.count += 1
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_worker(smtp_port, log):
    env = {**os.environ, "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}", "CELERY_TASK_DEFAULT_QUEUE": QUEUE}
    command = [sys.executable, "-m", "celery", "-A", "citiesgrow", "worker", "--include", "bench.noop"]
    command += ["--concurrency=2", "--loglevel=WARNING", "-Q", QUEUE, "-n", f"{QUEUE}@%h"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    return process


def wait(condition, what, seconds=600):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            sys.exit(f"Timed out waiting for {what}")
        time.sleep(0.02)


def prepare():
    call_command("migrate", verbosity=0)
    Notification.objects.all().delete()
    OutboundEmail.objects.all().delete()
    User.objects.filter(email__endswith="@bench.example").delete()
    load_demo_network()
    users = User.objects.bulk_create(
        User(email=f"person{n}@bench.example", name=f"Bench person {n}", password=UNUSABLE) for n in range(N)
    )
    return users, Pairing.objects.select_related("mentor_city", "implementing_city").first()


def main():
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    if not os.environ.get("CELERY_BROKER_URL"):
        sys.exit("Set CELERY_BROKER_URL to a Redis broker.")
    from citiesgrow.celery import app

    app.conf.task_always_eager = False
    app.conf.task_default_queue = QUEUE
    users, pairing = prepare()
    handler = CountingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    counter = redis.Redis.from_url(os.environ["CELERY_BROKER_URL"])
    key = f"{QUEUE}:done"
    log = open(ROOT / "bench" / f"{QUEUE}.log", "wb")  # noqa: SIM115
    worker = start_worker(port, log)
    try:
        # Warm up: the worker is ready when it has run a first task.
        noop.delay(key)
        wait(lambda: counter.get(key) == b"1", "the worker to start", seconds=60)
        counter.delete(key)

        start = time.perf_counter()
        for _ in range(N):
            noop.delay(key)
        wait(lambda: int(counter.get(key) or 0) >= N, "the no-op tasks")
        noop_seconds = time.perf_counter() - start

        start = time.perf_counter()
        with transaction.atomic():
            notify(recipients=users, event="visit.planned", target=pairing, context={"summary": "A bench visit."})
        committed = time.perf_counter()
        wait(lambda: OutboundEmail.objects.filter(status="sent").count() >= N, "the mails")
        delivered = time.perf_counter()
        assert handler.count == N, handler.count
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        controller.stop()
        counter.delete(key)
        log.close()
        (ROOT / "bench" / f"{QUEUE}.log").unlink(missing_ok=True)

    write_seconds, deliver_seconds = committed - start, delivered - committed
    print(f"| measure ({N:,} each, one worker with 2 processes) | seconds | per item (ms) | per second |")
    print("|---|---|---|---|")
    for label, seconds in [
        ("no-op tasks: publish and run", noop_seconds),
        ("notify(): write notifications and outbox rows (one transaction)", write_seconds),
        ("e-mails: from commit until all marked sent", deliver_seconds),
    ]:
        print(f"| {label} | {seconds:.2f} | {1000 * seconds / N:.2f} | {N / seconds:,.0f} |")
    print(f"\nRatio, e-mail delivery / no-op task: {deliver_seconds / noop_seconds:.1f}×")


if __name__ == "__main__":
    main()
