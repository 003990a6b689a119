"""A file is written to storage before the row that names it; when the transaction then fails (the database
connection drops before the row is written), the file is deleted again instead of staying in storage,
unreachable and never cleaned up. The connection is terminated from a second connection
(tests/faults/dropped.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection

from actionplans import services as plan_services
from actionplans.models import Decision, PlanState
from mentoring import services as visit_services
from mentoring.models import Attachment
from tests.actionplans.plans import PDF, decision, plan_in_state
from tests.factories import VisitFactory

from .dropped import DropConnection

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("terminates a PostgreSQL backend")
    settings.MEDIA_ROOT = tmp_path


def _stored(settings):
    return [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]


def _while_dropping(before, act):
    drop = DropConnection(before)
    with pytest.raises(DatabaseError), connection.execute_wrapper(drop):
        act()
    assert drop.dropped, f"no query matched {before!r}"
    connection.close()  # as at the end of a request: the next query opens a new connection


def test_a_signed_approval_whose_connection_drops_leaves_no_pdf(network, settings):
    plan = plan_in_state(network, PlanState.RECOMMENDED)
    document = SimpleUploadedFile("signed.pdf", PDF, content_type="application/pdf")

    _while_dropping(
        r'^INSERT INTO "actionplans_decision"',
        lambda: plan_services.record_approval(
            plan=plan, by=network["administrative_approver"], document=document, **decision()
        ),
    )

    assert not Decision.objects.filter(plan=plan).exists()
    assert _stored(settings) == []

    # Tried again, the approval and its PDF are kept.
    document.seek(0)
    approval = plan_services.record_approval(
        plan=plan, by=network["administrative_approver"], document=document, **decision()
    )
    assert _stored(settings) == [settings.MEDIA_ROOT / approval.document.name]


def test_a_visit_attachment_whose_connection_drops_leaves_no_file(network, settings):
    visit = VisitFactory(pairing=network.pairing)
    file = SimpleUploadedFile("agenda.pdf", PDF)

    _while_dropping(
        r'^INSERT INTO "mentoring_attachment"',
        lambda: visit_services.add_attachment(visit=visit, by=network["officer"], file=file),
    )

    assert not Attachment.objects.exists()
    assert _stored(settings) == []
