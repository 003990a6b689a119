"""A small HTTP load generator, and gunicorn serving the site for it to load.

The generator is asyncio over plain sockets (no HTTP library): each virtual user sends one GET at a time
with its cookies, waits for the whole response, and sends the next, until the time is up. It
costs little CPU, which matters when it shares the machine with the server it measures.
"""

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUEST_TIMEOUT = 60


@dataclass(frozen=True)
class Target:
    path: str
    session: str = ""  # the value of the sessionid cookie; empty for an anonymous visitor
    csrf: str = ""  # the csrftoken cookie a browser keeps after its first page


@dataclass
class Result:
    duration: float
    latencies: list = field(default_factory=list)  # seconds, of every answered request
    statuses: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)  # connection errors and timeouts, by kind

    @property
    def requests(self):
        return len(self.latencies) + sum(self.failures.values())

    @property
    def errors(self):
        """Connection errors, timeouts and every answer that is not 2xx or 3xx."""
        return sum(self.failures.values()) + sum(n for status, n in self.statuses.items() if not 200 <= status < 400)

    @property
    def per_second(self):
        return self.requests / self.duration

    def percentile(self, p):
        """The p-th percentile latency in milliseconds (nearest rank)."""
        if not self.latencies:
            return None
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]

    @property
    def median(self):
        return 1000 * statistics.median(self.latencies) if self.latencies else None


async def _get(host, port, target):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        cookies = "; ".join(
            f"{name}={value}" for name, value in [("sessionid", target.session), ("csrftoken", target.csrf)] if value
        )
        cookie = f"Cookie: {cookies}\r\n" if cookies else ""
        writer.write(
            f"GET {target.path} HTTP/1.1\r\nHost: {host}:{port}\r\n{cookie}Connection: close\r\n\r\n".encode("ascii")
        )
        await writer.drain()
        status_line = await reader.readline()
        while await reader.read(65536):
            pass
    finally:
        writer.close()
    return int(status_line.split()[1])


async def _user(host, port, targets, offset, deadline, result):
    n = offset
    while time.perf_counter() < deadline:
        target = targets[n % len(targets)]
        n += 1
        start = time.perf_counter()
        try:
            status = await asyncio.wait_for(_get(host, port, target), REQUEST_TIMEOUT)
        except (OSError, TimeoutError, ValueError, IndexError) as error:
            result.failures[type(error).__name__] += 1
            continue
        result.latencies.append(time.perf_counter() - start)
        result.statuses[status] += 1


async def _load(base_url, targets, concurrency, duration):
    host, port = base_url.removeprefix("http://").rstrip("/").split(":")
    start = time.perf_counter()
    result = Result(duration=duration)
    await asyncio.gather(*(_user(host, int(port), targets, n, start + duration, result) for n in range(concurrency)))
    result.duration = time.perf_counter() - start
    return result


def run_load(base_url, targets, *, concurrency, duration):
    """`concurrency` virtual users request `targets` in turn (each from another starting point) for
    `duration` seconds. Requests still under way at the end are waited for and counted."""
    return asyncio.run(_load(base_url, list(targets), concurrency, duration))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn_server(*, workers, env=None, settings="bench.settings", log=None):
    """gunicorn serving the site (sync workers, as in the Dockerfile) on a free local port; yields its
    base URL once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "citiesgrow.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--backlog",
            "2048",
            "--timeout",
            str(REQUEST_TIMEOUT),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {}), "DJANGO_SETTINGS_MODULE": settings},
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with status {process.returncode}")
            try:
                if asyncio.run(_get("127.0.0.1", port, Target("/healthz"))) == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer /healthz within 60 s")
            time.sleep(0.2)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
