"""`make run` (SQLite, tasks in-process): every deliverable of the demo programme can be generated
from the staff page and downloaded. Runs on whatever DATABASE_URL says, SQLite included."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from actionplans.models import ActionPlan
from deliverables.models import Deliverable
from mentoring.models import Pairing, Programme, VisitReport
from tests.factories import enable_totp
from toolkits.models import Toolkit

pytestmark = pytest.mark.django_db


def test_coordinator_renders_all_and_downloads_every_demo_deliverable(client, django_capture_on_commit_callbacks):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # twice: idempotent
    coordinator = User.objects.get(email="coordinator@eurocities.example")
    enable_totp(coordinator)
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/staff/deliverables/render-all/", follow=True)

    plans, toolkits = ActionPlan.objects.count(), Toolkit.objects.filter(scheme__programme__isnull=False).count()
    assert (plans, toolkits) == (8, 4)
    expected = 1 + Pairing.objects.count() + VisitReport.objects.count() + plans + toolkits
    assert f"{expected} deliverables queued for rendering" in response.content.decode()
    assert Deliverable.objects.filter(status="ready").count() == expected == Deliverable.objects.count()
    for deliverable in Deliverable.objects.all():
        download = client.get(f"/deliverables/{deliverable.pk}/download/")
        assert download.status_code == 200
        assert b"".join(download.streaming_content).startswith(b"%PDF-")
    page = client.get("/staff/deliverables/").content.decode()
    assert page.count("<td>Ready</td>") == expected

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post("/staff/deliverables/render-all/", follow=True)

    assert callbacks == []
    assert "0 deliverables queued for rendering; the others are up to date." in response.content.decode()
    assert Programme.objects.count() == 1
