"""Bad input on the visit pages: a clear message at the field, nothing saved, never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mentoring.models import Attachment, Participant, Visit
from tests.factories import RecommendationFactory, VisitFactory, VisitReportFactory


def plan(client, network, **data):
    fields = {"kind": "study_visit", "host": "mentor", "starts_on": "2017-10-23", "ends_on": "2017-10-25"}
    return client.post(reverse("mentoring:visit_plan", args=[network.pairing.pk]), {**fields, **data})


def test_officer_plans_a_visit_through_the_page(client, network):
    client.force_login(network["officer"])
    response = plan(client, network, topics="Partnerships")
    visit = Visit.objects.get()
    assert response.status_code == 302 and response["Location"] == visit.get_absolute_url()
    assert visit.created_by == network["officer"]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"starts_on": "2017-10-25", "ends_on": "2017-10-23"},
            "ends_on",
            "The last day cannot be before the first day.",
        ),
        ({"starts_on": "2019-06-01", "ends_on": "2019-06-02"}, "starts_on", "Visits take place within"),
        ({"host": "implementing"}, "host", "A study visit is hosted by the mentor city"),
        ({"starts_on": "not a date"}, "starts_on", "Enter a valid date."),
    ],
)
def test_bad_visit_dates_and_host_are_shown_at_the_field(client, network, data, field, message):
    client.force_login(network["officer"])
    response = plan(client, network, **data)
    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert any(message in error for error in errors)
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Visit.objects.exists()


def test_an_outsider_is_not_offered_as_participant_and_refused_with_the_reason_at_the_field(client, network):
    visit = VisitFactory(pairing=network.pairing)
    client.force_login(network["coordinator"])
    outsider = network["other_city_officer"]
    assert outsider.name not in client.get(visit.get_absolute_url()).content.decode()

    response = client.post(reverse("mentoring:participant_add", args=[visit.pk]), {"participant-user": outsider.pk})

    assert response.status_code == 200
    assert response.context["participant_form"].errors["user"] == [
        "Choose someone of the two cities, the expert partner or EUROCITIES who does not take part yet."
    ]
    assert not Participant.objects.exists()


def test_a_disguised_file_is_refused_at_the_field(client, network):
    visit = VisitFactory(pairing=network.pairing)
    client.force_login(network["officer"])
    upload = SimpleUploadedFile("minutes.pdf", b"MZ\x90\x00 this is a program", content_type="application/pdf")
    response = client.post(reverse("mentoring:attachment_add", args=[visit.pk]), {"attachment-file": upload})
    assert response.status_code == 200
    assert "its content is not a PDF file" in response.context["attachment_form"].errors["file"][0]
    assert not Attachment.objects.exists()


def test_a_file_over_the_limit_is_refused_at_the_field(client, network, settings):
    settings.VISIT_ATTACHMENT_MAX_BYTES = 100
    visit = VisitFactory(pairing=network.pairing)
    client.force_login(network["officer"])
    upload = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n" + b"0" * 200)
    response = client.post(reverse("mentoring:attachment_add", args=[visit.pk]), {"attachment-file": upload})
    assert "the limit is 100" in response.context["attachment_form"].errors["file"][0]
    assert not Attachment.objects.exists()


def test_an_attached_file_is_downloaded_by_the_pairing(client, network):
    visit = VisitFactory(pairing=network.pairing)
    client.force_login(network["officer"])
    content = b"%PDF-1.4\n%%EOF\n"
    client.post(
        reverse("mentoring:attachment_add", args=[visit.pk]),
        {"attachment-file": SimpleUploadedFile("programme.pdf", content), "attachment-title": "Programme"},
    )
    attachment = Attachment.objects.get()
    client.force_login(network["expert"])
    response = client.get(reverse("mentoring:attachment", args=[visit.pk, attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]


def test_an_answer_by_someone_outside_the_implementing_city_is_refused_and_not_saved(client, network):
    report = VisitReportFactory(visit=VisitFactory(pairing=network.pairing), submitted_at=timezone.now())
    recommendation = RecommendationFactory(report=report, number=1)
    client.force_login(network["mentor_officer"])
    response = client.post(
        reverse("mentoring:recommendation_respond", args=[recommendation.pk]),
        {"response": "adopt", "response_reason": "On their behalf"},
    )
    assert response.status_code == 403
    assert f"Only the officers of {network.implementing_city}" in response.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.response == ""


def test_an_answer_without_reason_is_shown_at_the_field(client, network):
    report = VisitReportFactory(visit=VisitFactory(pairing=network.pairing), submitted_at=timezone.now())
    recommendation = RecommendationFactory(report=report, number=1)
    client.force_login(network["officer"])
    response = client.post(reverse("mentoring:recommendation_respond", args=[recommendation.pk]), {"response": "adopt"})
    assert response.status_code == 200
    assert response.context["form"].errors["response_reason"] == ["Give the reason for your answer."]
    recommendation.refresh_from_db()
    assert recommendation.response == ""


def test_an_agenda_item_outside_the_visit_days_is_shown_at_the_field(client, network):
    visit = VisitFactory(pairing=network.pairing)
    client.force_login(network["officer"])
    response = client.post(
        reverse("mentoring:agenda_item_add", args=[visit.pk]),
        {"agenda-day": "2017-12-01", "agenda-starts": "09:00", "agenda-title": "Late"},
    )
    assert response.status_code == 200
    assert "The visit runs from" in response.context["agenda_form"].errors["day"][0]
    assert not visit.agenda_items.exists()
