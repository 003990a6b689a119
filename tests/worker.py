"""A real Celery worker against Redis, and a real SMTP server that captures what it sends."""

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

from citiesgrow.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent


class CapturingHandler:
    """Captures every message. Tests may make it slow (`delay`, seconds per message,
    after the message is captured and before it is acknowledged) or refuse
    addresses (`refuse`, a set of addresses answered with 550)."""

    def __init__(self):
        self.messages = []
        self.delay = 0
        self.refuse = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address.lower() in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(envelope)
        if self.delay:
            await asyncio.sleep(self.delay)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    handler = CapturingHandler()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        handler.port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    yield handler
    controller.stop()


def _database_url():
    db = connection.settings_dict
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{host}:{port}/{db['NAME']}"


def spawn_worker(queue, smtp_port, log):
    """A `celery worker` process reading `queue`, mailing through the SMTP server on `smtp_port`."""
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "SITE_URL": "http://testserver",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "citiesgrow",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"{queue}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


@pytest.fixture
def celery_worker(transactional_db, smtp_server, tmp_path, settings):
    """Start `celery worker` as its own process on a queue of this test's own.

    The worker reads and writes the test database, so the test uses
    transactional_db: what the test commits, the worker sees. Mails are
    rendered when they are written, so this process uses the worker's SITE_URL."""
    if not os.environ.get("CELERY_BROKER_URL"):
        pytest.fail("CELERY_BROKER_URL must point at Redis for the worker tests (make test sets it).")
    settings.SITE_URL = "http://testserver"
    queue = f"test-{uuid.uuid4().hex[:12]}"
    log = tmp_path / "worker.log"
    process = spawn_worker(queue, smtp_server.port, log)
    process.queue = queue
    previous_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    celery_app.conf.task_always_eager = False
    try:
        wait_until_ready(process, log)
        process.smtp = smtp_server
        process.log = log
        yield process
    finally:
        celery_app.conf.task_default_queue = previous_queue
        stop_worker(process)


def stop_worker(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until_ready(process, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"The Celery worker exited early:\n{log.read_text()}")
        if "ready." in log.read_text():
            return
        time.sleep(0.2)
    pytest.fail(f"The Celery worker did not start in {seconds}s:\n{log.read_text()}")


def wait_for(condition, seconds=30, message="condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"Timed out after {seconds}s waiting for {message}")
