"""An implementing city's officer assesses how well another city's practice would fit at home."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from toolkits import services
from toolkits.models import TransferabilityAssessment

pytestmark = pytest.mark.django_db

SCORES = {"legal": 4, "financial": 2, "governance": 5, "skills": 2, "stakeholders": 3}


def form_data(**changes):
    data = {**SCORES, **changes}
    data.update({f"{name}_note": f"About {name}" for name in SCORES})
    return data


def test_officer_assesses_a_practice_and_sees_it_on_the_page(client, library):
    client.force_login(library.network["officer"])

    response = client.post(reverse("toolkits:practice_transferability", args=[library.published.slug]), form_data())

    assert response.status_code == 302
    assessment = TransferabilityAssessment.objects.get()
    assert assessment.city == library.network.implementing_city
    assert assessment.average == pytest.approx(3.2)
    assert assessment.weakest == ["financial", "skills"]
    page = client.get(library.published.get_absolute_url()).content.decode()
    assert f"How well this practice fits {library.network.implementing_city}" in page
    assert "About financial" in page


def test_assessing_again_replaces_the_earlier_assessment(library):
    officer, city = library.network["officer"], library.network.implementing_city
    scores = {name: (score, "") for name, score in SCORES.items()}
    services.assess_transferability(practice=library.published, city=city, by=officer, scores=scores)

    services.assess_transferability(
        practice=library.published, city=city, by=officer, scores={**scores, "legal": (1, "New law")}
    )

    assert TransferabilityAssessment.objects.get().legal == 1


def test_the_assessment_is_shown_to_the_city_and_its_partners_not_to_the_public(client, library):
    scores = {name: (score, "") for name, score in SCORES.items()}
    services.assess_transferability(
        practice=library.published,
        city=library.network.implementing_city,
        by=library.network["officer"],
        scores=scores,
    )
    caption = f"How well this practice fits {library.network.implementing_city}"

    assert caption not in client.get(library.published.get_absolute_url()).content.decode()
    client.force_login(library.network["expert"])
    assert caption in client.get(library.published.get_absolute_url()).content.decode()
    client.force_login(library.network["other_city_officer"])
    assert caption not in client.get(library.published.get_absolute_url()).content.decode()


def test_a_score_outside_1_to_5_is_refused(client, library):
    client.force_login(library.network["officer"])

    response = client.post(
        reverse("toolkits:practice_transferability", args=[library.published.slug]), form_data(legal=6)
    )

    assert response.status_code == 200
    assert not TransferabilityAssessment.objects.exists()
    with pytest.raises(ValidationError):
        services.assess_transferability(
            practice=library.published,
            city=library.network.implementing_city,
            by=library.network["officer"],
            scores={**{n: (3, "") for n in SCORES}, "skills": (0, "")},
        )


def test_a_city_does_not_assess_its_own_practice(library):
    with pytest.raises(PermissionDenied):
        services.assess_transferability(
            practice=library.published,
            city=library.network.other_city,
            by=library.network["other_city_officer"],
            scores={n: (3, "") for n in SCORES},
        )
