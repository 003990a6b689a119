"""A submitted practice reaches the expert partner who validates it; its validation and publication reach
the city that submitted it — and nobody else."""

import pytest

from notifications.models import Notification, OutboundEmail
from toolkits import services

from .test_expert_validates_and_publishes_practice import FORM

pytestmark = pytest.mark.django_db


def told(event):
    return {n.recipient for n in Notification.objects.filter(event=event).select_related("recipient")}


def test_a_submitted_practice_goes_to_the_expert_partner_of_the_city_scheme(library):
    network = library.network

    practice = services.submit_practice(by=network["officer"], city=network.implementing_city, fields=dict(FORM))

    assert told("practice.submitted") == {network["expert"]}  # not the other scheme's expert
    notification = Notification.objects.get()
    assert notification.target == practice and notification.actor == network["officer"]
    assert "validate it" in notification.summary
    assert set(OutboundEmail.objects.values_list("to_email", flat=True)) == {network["expert"].email}


def test_validation_and_publication_go_to_the_submitting_city_officers(library):
    network = library.network

    services.validate_practice(practice=library.submitted, by=network["expert"])
    assert told("practice.validated") == {network["officer"]}

    services.publish_practice(practice=library.submitted, by=network["coordinator"])
    assert told("practice.published") == {network["officer"]}
    assert network["other_city_officer"] not in {n.recipient for n in Notification.objects.all()}
    assert OutboundEmail.objects.filter(event="practice.published", to_email=network["officer"].email).exists()
