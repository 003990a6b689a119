"""PDF deliverables: platform overhead, worker scaling, worker memory.

Usage (PostgreSQL and Redis, a database of its own that this script empties):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/citiesgrow_bench CELERY_BROKER_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python bench/deliverables.py

1. A visit-report PDF through the platform (load the row, collect the data, hash it, render the
   template, WeasyPrint, store the file, record it: what the worker runs) against raw WeasyPrint on
   the same HTML, interleaved in the same run; the ratio of the medians.
2. Every deliverable of the demo programme, rendered by real `celery worker` processes (prefork) with
   1 and then 2 worker processes, from "render all" (forced) until every row is ready; rounds alternate.
3. The resident memory of a real worker (solo pool) after 10 and after 200 renderings.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citiesgrow.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")
MEDIA = Path(tempfile.mkdtemp(prefix="bench-deliverables-"))
os.environ["MEDIA_ROOT"] = str(MEDIA)
QUEUE = f"bench-{uuid.uuid4().hex[:8]}"
os.environ["CELERY_TASK_DEFAULT_QUEUE"] = QUEUE

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from weasyprint import HTML  # noqa: E402

from deliverables import registry, services  # noqa: E402
from deliverables.demo import load_demo_profiles  # noqa: E402
from deliverables.models import Deliverable  # noqa: E402
from deliverables.rendering import BASE_URL, PDF_OPTIONS, StaticFilesFetcher, render_html  # noqa: E402
from mentoring.demo import load_demo_network  # noqa: E402
from mentoring.models import Programme, VisitReport  # noqa: E402

ROUNDS = 15
COPIES = ("en", "x1", "x2", "x3", "x4")


def setup():
    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    load_demo_network()
    load_demo_profiles()


def overhead():
    report = VisitReport.objects.filter(submitted_at__isnull=False).order_by("pk").first()
    deliverable = services.request_render(subject=report, kind="visit_report", by=None)  # eager: no broker here
    kind = registry.get_kind("visit_report")
    html = render_html(registry.snapshot(kind, report))
    platform, raw = [], []
    for _ in range(ROUNDS):
        Deliverable.objects.filter(pk=deliverable.pk).update(status="queued", attempts=0)
        started = time.perf_counter()
        services.render_deliverable(deliverable_id=deliverable.pk)
        platform.append(time.perf_counter() - started)
        started = time.perf_counter()
        HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher()).write_pdf(**PDF_OPTIONS)
        raw.append(time.perf_counter() - started)
    deliverable.refresh_from_db()
    p, r = statistics.median(platform), statistics.median(raw)
    print(
        f"1. visit report ({deliverable.page_count} pages): "
        f"platform {p * 1000:.0f} ms, raw WeasyPrint {r * 1000:.0f} ms"
    )
    print(f"   ratio {p / r:.3f} (median of {ROUNDS}, interleaved)")


def start_worker(pool, concurrency):
    env = {**os.environ, "CELERY_TASK_DEFAULT_QUEUE": QUEUE}
    log = MEDIA / f"worker-{pool}-{concurrency}.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "citiesgrow", "worker", f"--pool={pool}", f"--concurrency={concurrency}",
         "--loglevel=WARNING", "-Q", QUEUE, "--without-gossip", "--without-mingle", "--without-heartbeat",
         "-n", f"{QUEUE}-{concurrency}@%h"],
        cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    time.sleep(6)  # the worker and its pool start
    return process


def stop(process):
    process.terminate()
    process.wait(timeout=30)


def wait_all_ready(expected, seconds=600):
    deadline = time.monotonic() + seconds
    while Deliverable.objects.filter(status="ready").count() < expected:
        if time.monotonic() > deadline:
            raise SystemExit("Timed out waiting for the renderings")
        time.sleep(0.05)


def render_everything(programme, languages=("en",)):
    """Request every deliverable of the programme (forced), in each of `languages`: copies of the same
    work under other language codes give the workers enough to share for a measurement."""
    subjects = [(kind, subject) for kind in registry.kinds() for subject in kind.subjects_of_programme(programme)]
    for language in languages:
        for kind, subject in subjects:
            services.request_render(subject=subject, kind=kind.slug, by=None, force=True, language=language)
    return Deliverable.objects.count()


def scaling():
    from citiesgrow.celery import app

    app.conf.task_always_eager = False
    app.conf.task_default_queue = QUEUE
    programme = Programme.objects.get()
    timings = {1: [], 2: []}
    for _ in range(3):
        for concurrency in (1, 2):
            worker = start_worker("prefork", concurrency)
            started = time.perf_counter()
            count = render_everything(programme, languages=COPIES)
            wait_all_ready(count)
            timings[concurrency].append(time.perf_counter() - started)
            stop(worker)
    one, two = statistics.median(timings[1]), statistics.median(timings[2])
    print(
        f"2. {count} renderings (the demo programme's deliverables × {len(COPIES)}): "
        f"1 process {one:.2f} s, 2 processes {two:.2f} s"
    )
    rounds = f"1 → {[round(t, 2) for t in timings[1]]}, 2 → {[round(t, 2) for t in timings[2]]}"
    print(f"   speedup {one / two:.2f} (median of 3 alternating rounds: {rounds})")
    print(f"   load average during the run: {os.getloadavg()}")


def rss_kb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def memory():
    programme = Programme.objects.get()
    worker = start_worker("solo", 1)
    try:
        done = 0
        readings = {}
        Deliverable.objects.exclude(language="en").delete()
        for target in (10, 200):
            while done < target:
                count = render_everything(programme)
                wait_all_ready(count)
                done += count
            readings[target] = (done, rss_kb(worker.pid))
    finally:
        stop(worker)
    (n1, first), (n2, last) = readings[10], readings[200]
    print(f"3. worker RSS after {n1} renderings {first / 1024:.0f} MB, after {n2} {last / 1024:.0f} MB")
    print(f"   ratio {last / first:.3f}")


if __name__ == "__main__":
    setup()
    overhead()
    scaling()
    memory()
