"""A real Celery worker (tests/worker.py) renders what a person asks for; the request never waits.

Killing the worker in the middle of a rendering loses nothing: the task was not acknowledged, so
Redis hands it to the next worker, which renders it once more into the same row and file."""

import os
import signal
import subprocess
import time
import uuid

import pytest

from citiesgrow.celery import app as celery_app
from deliverables import services
from deliverables.models import Deliverable
from mentoring.models import Role
from tests.factories import PairingFactory, VisitFactory, person
from tests.worker import ROOT, _database_url, wait_for, wait_until_ready

pytestmark = pytest.mark.worker


@pytest.fixture
def shared_media(_media, monkeypatch):
    """The worker writes where the test reads (set before the worker starts)."""
    monkeypatch.setenv("MEDIA_ROOT", str(_media))
    return _media


@pytest.fixture
def slow_rendering(monkeypatch):
    """Each rendering waits 4 s, and an unacknowledged task goes back to the queue after 2 s,
    under Redis keys of this test's own (other developers' workers share the Redis)."""
    monkeypatch.setenv("DELIVERABLES_RENDER_DELAY", "4")
    monkeypatch.setenv("CELERY_VISIBILITY_TIMEOUT", "2")
    monkeypatch.setenv("CELERY_UNACKED_KEY_PREFIX", f"test-{uuid.uuid4().hex[:8]}-")


def deliverable_status(pk):
    return Deliverable.objects.values_list("status", flat=True).get(pk=pk)


def test_officer_asks_for_the_infographic_and_a_worker_renders_it(shared_media, celery_worker, client):
    pairing = PairingFactory()
    VisitFactory(pairing=pairing)
    officer = person(Role.CITY_OFFICER, city=pairing.implementing_city)
    client.force_login(officer)

    response = client.post(f"/deliverables/infographic/{pairing.pk}/generate/", headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "Queued" in response.content.decode() or "Rendering" in response.content.decode()
    deliverable = Deliverable.objects.get()
    wait_for(lambda: deliverable_status(deliverable.pk) == "ready", 60, "the worker to render the PDF")
    panel = client.get(f"/deliverables/{deliverable.pk}/status/").content.decode()
    assert "Ready" in panel and "Download the PDF" in panel
    download = client.get(f"/deliverables/{deliverable.pk}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_worker_killed_mid_rendering_leaves_the_pdf_to_the_next_worker(shared_media, slow_rendering, celery_worker):
    pairing = PairingFactory()
    deliverable = services.request_render(subject=pairing, kind="infographic", by=None)
    wait_for(lambda: deliverable_status(deliverable.pk) == "rendering", 60, "the worker to start rendering")

    os.kill(celery_worker.pid, signal.SIGKILL)
    celery_worker.wait(timeout=10)
    assert deliverable_status(deliverable.pk) == "rendering"
    time.sleep(3)  # longer than the visibility timeout: the next worker takes the task back when it starts

    log = celery_worker.log.with_name("second-worker.log")
    second = subprocess.Popen(
        celery_worker.args,
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": _database_url(),
            "CELERY_TASK_DEFAULT_QUEUE": celery_app.conf.task_default_queue,  # the first worker's queue
        },
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_ready(second, log)
        wait_for(lambda: deliverable_status(deliverable.pk) in ("ready", "failed"), 90, "the next worker to render")
    finally:
        second.terminate()
        second.wait(timeout=15)

    deliverable.refresh_from_db()
    assert (deliverable.status, deliverable.error) == ("ready", "")
    assert deliverable.attempts == 2  # rendered once more, by the second worker
    assert Deliverable.objects.count() == 1
    files = list((shared_media / "deliverables" / "infographic").iterdir())
    assert [path.name for path in files] == [f"infographic-{pairing.pk}-en.pdf"]
    assert files[0].read_bytes().startswith(b"%PDF-")
