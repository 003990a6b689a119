import pytest

from accounts.models import Invitation
from accounts.services import invite_person
from mentoring.models import Role
from tests.factories import CityFactory, OrganisationFactory, person
from tests.worker import wait_for

pytestmark = pytest.mark.worker


def test_worker_mails_the_invitation_and_records_it(celery_worker):
    coordinator = person(Role.COORDINATOR, organisation=OrganisationFactory(kind="coordinator"))
    ghent = CityFactory(name="Ghent", slug="ghent")

    invitation = invite_person(
        email="New.Officer@Ghent.example", role=Role.CITY_OFFICER, city=ghent, invited_by=coordinator
    )

    wait_for(
        lambda: Invitation.objects.get(pk=invitation.pk).sent_at is not None, message="the worker to send the mail"
    )
    [envelope] = celery_worker.smtp.messages
    assert envelope.rcpt_tos == ["new.officer@ghent.example"]
    body = envelope.content.decode()
    assert "City officer for Ghent" in body
    assert f"http://testserver/invitations/{invitation.key}/" in body


def test_a_task_delivered_twice_sends_one_mail(celery_worker):
    from accounts.tasks import send_invitation_email

    coordinator = person(Role.COORDINATOR, organisation=OrganisationFactory(kind="coordinator"))
    invitation = invite_person(
        email="twice@ghent.example", role=Role.CITY_OFFICER, city=CityFactory(), invited_by=coordinator
    )
    send_invitation_email.delay(invitation.pk)
    send_invitation_email.delay(invitation.pk)

    wait_for(lambda: Invitation.objects.get(pk=invitation.pk).sent_at is not None, message="the mail")
    # Let the worker drain the two extra deliveries.
    wait_for(lambda: celery_worker.log.read_text().count("succeeded") >= 3, message="all three tasks to finish")
    assert len(celery_worker.smtp.messages) == 1
