"""A city officer rates the city on the Charter's commitments at baseline and at the end."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from toolkits import services
from toolkits.models import CharterCommitment, CommitmentRating, Moment
from toolkits.selectors import assessment_rows, self_assessment_profile

pytestmark = pytest.mark.django_db


def test_gap_change_and_partner_difference_are_computed_per_commitment():
    p1, p2, p3 = CharterCommitment.objects.filter(code__in=["P1", "P2", "P3"]).order_by("position")
    own = {Moment.BASELINE: {"P1": (1, ""), "P2": (3, "")}, Moment.END: {"P1": (3, ""), "P3": (2, "")}}
    partner = {"P1": 4, "P2": 2}

    rows = {row.commitment.code: row for row in assessment_rows([p1, p2, p3], own, partner)}

    assert (rows["P1"].change, rows["P1"].gap, rows["P1"].gap_to_partner) == (2, 1, 1)
    # no end rating yet: the latest level is the baseline, and there is no change to show
    assert (rows["P2"].change, rows["P2"].gap, rows["P2"].gap_to_partner) == (None, 1, -1)
    assert (rows["P3"].change, rows["P3"].gap, rows["P3"].gap_to_partner) == (None, 2, None)


def test_officer_saves_the_baseline_and_sees_the_chart_beside_the_mentor(client, network):
    officer, city = network["officer"], network.implementing_city
    services.save_self_assessment(
        city=network.mentor_city,
        programme=network.programme,
        moment=Moment.BASELINE,
        by=network["mentor_officer"],
        ratings={"P1": (4, "Mayor's statement")},
    )
    client.force_login(officer)
    data = {f"{c.code}_level": "" for c in CharterCommitment.objects.all()}
    data.update({"P1_level": "2", "P1_evidence": "A council motion", "B1_level": "1"})

    response = client.post(reverse("toolkits:self_assessment_edit", args=[city.slug, "baseline"]), data)

    assert response.status_code == 302
    assert CommitmentRating.objects.filter(assessment__city=city).count() == 2
    page = client.get(reverse("toolkits:self_assessment", args=[city.slug])).content.decode()
    assert 'role="img"' in page and '<title id="chart-title">' in page and '<desc id="chart-desc">' in page
    assert "A council motion" in page
    assert network.mentor_city.name in page
    profile = self_assessment_profile(city, network.programme, officer)
    p1 = next(row for row in profile.rows if row.commitment.code == "P1")
    assert (p1.baseline, p1.partner, p1.gap_to_partner) == (2, 4, 2)


def test_a_level_outside_1_to_4_is_refused_by_the_form(client, network):
    client.force_login(network["officer"])

    response = client.post(
        reverse("toolkits:self_assessment_edit", args=[network.implementing_city.slug, "end"]), {"P1_level": "5"}
    )

    assert response.status_code == 200
    assert "Choose a maturity level between 1 and 4." in response.content.decode()
    assert not CommitmentRating.objects.exists()


def test_a_level_outside_1_to_4_is_refused_by_the_service_and_the_database(network):
    with pytest.raises(services.ValidationError):
        services.save_self_assessment(
            city=network.implementing_city,
            programme=network.programme,
            moment=Moment.END,
            by=network["officer"],
            ratings={"P1": (0, "")},
        )
    assessment = services.save_self_assessment(
        city=network.implementing_city, programme=network.programme, moment=Moment.END, by=None, ratings={}
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        CommitmentRating.objects.create(
            assessment=assessment, commitment=CharterCommitment.objects.get(code="P1"), level=7
        )


def test_the_mentor_city_sees_but_does_not_edit_its_partners_assessment(client, network):
    client.force_login(network["mentor_officer"])
    city = network.implementing_city

    assert client.get(reverse("toolkits:self_assessment", args=[city.slug])).status_code == 200
    assert client.get(reverse("toolkits:self_assessment_edit", args=[city.slug, "baseline"])).status_code == 403


def test_clearing_a_level_removes_the_rating(network):
    args = {"city": network.implementing_city, "programme": network.programme, "moment": Moment.BASELINE}
    services.save_self_assessment(**args, by=network["officer"], ratings={"E1": (3, "")})

    services.save_self_assessment(**args, by=network["officer"], ratings={"E1": (None, "")})

    assert not CommitmentRating.objects.exists()
