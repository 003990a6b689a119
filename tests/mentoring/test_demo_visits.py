import datetime

import pytest

from mentoring.demo import load_demo_network
from mentoring.models import AgendaItem, LearningBrief, Participant, Recommendation, Visit, VisitReport

pytestmark = pytest.mark.django_db


def counts():
    return [m.objects.count() for m in (Visit, AgendaItem, Participant, LearningBrief, VisitReport, Recommendation)]


def test_demo_visits_load_twice_without_duplicates(demo):
    before = counts()
    load_demo_network()
    assert counts() == before
    assert before[0] == 5


def test_demo_has_the_published_visit_dates(demo):
    athens = Visit.objects.filter(pairing__implementing_city__slug="athens")
    assert {(v.kind, v.starts_on, v.ends_on, v.host_city.slug) for v in athens} == {
        ("study_visit", datetime.date(2017, 10, 23), datetime.date(2017, 10, 25), "munich"),
        ("mentoring_visit", datetime.date(2018, 5, 8), datetime.date(2018, 5, 10), "athens"),
    }
    dresden = Visit.objects.get(pairing__implementing_city__slug="dresden")
    assert (dresden.starts_on, dresden.ends_on, dresden.host_city.slug) == (
        datetime.date(2018, 6, 11),
        datetime.date(2018, 6, 13),
        "dresden",
    )
    lisbon = Visit.objects.get(pairing__implementing_city__slug="lisbon")
    assert lisbon.days == 2 and "Illustrative" in lisbon.dates_note
    assert "Illustrative" in Visit.objects.get(pairing__implementing_city__slug="utrecht").dates_note
    assert not Visit.objects.filter(pairing__verified=False).exists()


@pytest.mark.parametrize(
    "email",
    ["coordinator@eurocities.example", "officer@athens.example", "expert@mpg.example", "officer@riga.example"],
)
def test_every_visit_page_of_the_demo_renders_for_those_who_may_see_it(demo, client, email):
    from accounts.models import User

    client.force_login(User.objects.get(email=email))
    assert client.get("/calendar/").status_code == 200
    for visit in Visit.objects.all():
        expected = {200, 404}
        for url in (f"/visits/{visit.pk}/", f"/visits/{visit.pk}/brief/", f"/visits/{visit.pk}/report/"):
            assert client.get(url).status_code in expected, url
        assert client.get(visit.pairing.get_absolute_url()).status_code in expected
        assert client.get(visit.pairing.scheme.get_absolute_url()).status_code == 200
