"""A city officer submits a practice; the scheme's expert partner validates it; it is published."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from toolkits import services
from toolkits.models import Activity, CharterCommitment, GoodPractice

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Buyers meet migrant entrepreneurs",
    "summary": "Quarterly meetings between the city's buyers and small firms run by migrants.",
    "description": '<p>Buyers explain <strong>tenders</strong>.</p><script>alert("x")</script><style>p{}</style>',
    "language": "en",
    "results": "More bids from small firms.",
    "evidence": "",
    "contact_organisation": "Economic affairs department",
}


def test_officer_submits_a_practice_of_their_city(client, library):
    officer = library.network["officer"]
    client.force_login(officer)
    b1 = CharterCommitment.objects.get(code="B1")

    response = client.post(
        reverse("toolkits:practice_create"),
        {**FORM, "city": library.network.implementing_city.pk, "commitments": [b1.pk]},
    )

    practice = GoodPractice.objects.get(title=FORM["title"])
    assert response.status_code == 302 and response["Location"] == practice.get_absolute_url()
    assert practice.state == GoodPractice.State.SUBMITTED
    assert practice.scheme == library.scheme  # the scheme of the city's pairing
    assert practice.city_name == library.network.implementing_city.name
    assert "<script>" not in practice.description and "alert" not in practice.description
    assert "<style>" not in practice.description
    assert "<strong>tenders</strong>" in practice.description
    assert list(practice.commitments.all()) == [b1]
    # not in the public library yet
    client.logout()
    assert client.get(practice.get_absolute_url()).status_code == 404


def test_officer_cannot_submit_for_another_city(library):
    with pytest.raises(PermissionDenied):
        services.submit_practice(by=library.network["officer"], city=library.network.other_city, fields=dict(FORM))


def test_expert_validates_then_publishes(client, library):
    expert = library.network["expert"]
    client.force_login(expert)
    url = reverse("toolkits:practice_transition", args=[library.submitted.slug, "validate"])

    assert client.post(url).status_code == 302
    library.submitted.refresh_from_db()
    assert library.submitted.state == GoodPractice.State.VALIDATED
    assert library.submitted.validated_by == expert

    client.post(reverse("toolkits:practice_transition", args=[library.submitted.slug, "publish"]))
    library.submitted.refresh_from_db()
    assert library.submitted.state == GoodPractice.State.PUBLISHED
    assert [a.action for a in Activity.objects.filter(practice=library.submitted)] == ["validated", "published"]

    client.logout()
    assert client.get(library.submitted.get_absolute_url()).status_code == 200
    assert library.submitted.title in client.get(reverse("toolkits:library")).content.decode()


@pytest.mark.parametrize("role", ["officer", "mentor_officer", "administrative_approver", "other_expert"])
def test_only_the_schemes_expert_or_a_coordinator_validates(client, library, role):
    client.force_login(library.network[role])

    response = client.post(reverse("toolkits:practice_transition", args=[library.submitted.slug, "validate"]))

    assert response.status_code in (403, 404)
    library.submitted.refresh_from_db()
    assert library.submitted.state == GoodPractice.State.SUBMITTED


def test_coordinator_publishes_a_validated_practice(library):
    coordinator = library.network["coordinator"]
    services.validate_practice(practice=library.submitted, by=library.network["expert"])

    practice = services.publish_practice(practice=library.submitted, by=coordinator)

    assert practice.state == GoodPractice.State.PUBLISHED and practice.published_at


def test_a_practice_cannot_be_published_before_validation(library):
    with pytest.raises(services.TransitionNotAllowed):
        services.publish_practice(practice=library.submitted, by=library.network["coordinator"])


def test_validating_twice_the_second_expert_is_told_it_moved(library):
    services.validate_practice(practice=library.submitted, by=library.network["expert"])

    with pytest.raises(services.TransitionNotAllowed):
        services.validate_practice(practice=library.submitted, by=library.network["coordinator"])


def test_the_officer_no_longer_edits_once_validated(client, library):
    services.validate_practice(practice=library.submitted, by=library.network["expert"])
    client.force_login(library.network["officer"])

    assert client.get(reverse("toolkits:practice_edit", args=[library.submitted.slug])).status_code == 403


def test_an_adapted_practice_shows_both_directions(client, library):
    adapted = services.submit_practice(
        by=library.network["officer"],
        city=library.network.implementing_city,
        fields={**FORM, "adapted_from": library.published},
    )
    services.validate_practice(practice=adapted, by=library.network["expert"])
    services.publish_practice(practice=adapted, by=library.network["expert"])

    original_page = client.get(library.published.get_absolute_url()).content.decode()
    adapted_page = client.get(adapted.get_absolute_url()).content.decode()

    assert adapted.get_absolute_url() in original_page and "Adapted by other cities" in original_page
    assert library.published.get_absolute_url() in adapted_page and "Adapted from" in adapted_page


def test_an_unpublished_adaptation_is_not_listed_on_the_public_original(client, library):
    services.submit_practice(
        by=library.network["officer"],
        city=library.network.implementing_city,
        fields={**FORM, "adapted_from": library.published},
    )

    assert "Adapted by other cities" not in client.get(library.published.get_absolute_url()).content.decode()


def test_adapted_from_takes_the_address_of_a_published_practice(client, library):
    client.force_login(library.network["officer"])

    response = client.post(
        reverse("toolkits:practice_edit", args=[library.submitted.slug]),
        {**FORM, "adapted_from_address": "https://example.org/library/no-such-practice/"},
    )

    assert response.status_code == 200
    assert "No published practice has this address." in response.content.decode()

    client.post(
        reverse("toolkits:practice_edit", args=[library.submitted.slug]),
        {**FORM, "adapted_from_address": library.published.get_absolute_url()},
    )
    library.submitted.refresh_from_db()
    assert library.submitted.adapted_from == library.published


def test_editing_a_practice_updates_its_search_index(library):
    services.update_practice(
        practice=library.submitted, by=library.network["officer"], fields={"title": "Procurement clinics"}
    )

    assert GoodPractice.objects.filter(search_vector="clinic").get() == library.submitted
