import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from mentoring import services
from mentoring.models import Visit
from tests.factories import VisitFactory

D = datetime.date


def plan(network, **overrides):
    fields = {
        "pairing": network.pairing,
        "by": network["officer"],
        "kind": Visit.Kind.STUDY,
        "host": Visit.Host.MENTOR,
        "starts_on": D(2017, 10, 23),
        "ends_on": D(2017, 10, 25),
    }
    return services.plan_visit(**{**fields, **overrides})


def test_officer_plans_study_visit_with_default_deadlines(network):
    visit = plan(network, topics="Job centre partnerships")

    assert visit.status == Visit.Status.PLANNED
    assert visit.host_city == network.mentor_city
    assert visit.visiting_city == network.implementing_city
    assert visit.brief_due_on == D(2017, 10, 9)
    assert visit.report_due_on == D(2017, 11, 24)
    assert visit.days == 3


def test_end_before_start_is_refused_at_the_last_day(network):
    with pytest.raises(ValidationError) as error:
        plan(network, starts_on=D(2017, 10, 25), ends_on=D(2017, 10, 23))
    assert "before the first day" in error.value.message_dict["ends_on"][0]
    assert not Visit.objects.exists()


def test_visit_outside_the_programme_is_refused(network):
    with pytest.raises(ValidationError) as error:
        plan(network, starts_on=D(2019, 3, 1), ends_on=D(2019, 3, 2))
    assert "1 February 2017 to 31 January 2019" in error.value.message_dict["starts_on"][0]
    assert not Visit.objects.exists()


def test_study_visit_is_hosted_by_the_mentor_city(network):
    with pytest.raises(ValidationError) as error:
        plan(network, host=Visit.Host.IMPLEMENTING)
    assert "hosted by the mentor city" in error.value.message_dict["host"][0]


@pytest.mark.django_db
def test_database_refuses_end_before_start():
    with pytest.raises(IntegrityError):
        VisitFactory(starts_on=D(2018, 1, 2), ends_on=D(2018, 1, 1))


@pytest.mark.django_db
def test_database_refuses_a_mentoring_visit_hosted_by_the_mentor():
    with pytest.raises(IntegrityError):
        VisitFactory(kind=Visit.Kind.MENTORING, host=Visit.Host.MENTOR)


def test_visit_is_confirmed_then_held_and_cannot_go_back(network):
    visit = plan(network)
    services.change_visit_status(visit=visit, by=network["officer"], status=Visit.Status.CONFIRMED)
    services.change_visit_status(visit=visit, by=network["officer"], status=Visit.Status.HELD)
    with pytest.raises(ValidationError) as error:
        services.change_visit_status(visit=visit, by=network["officer"], status=Visit.Status.PLANNED)
    assert "cannot become planned" in error.value.message_dict["status"][0]
    visit.refresh_from_db()
    assert visit.status == Visit.Status.HELD


def test_a_future_visit_cannot_be_marked_as_held(network):
    programme = network.pairing.scheme.programme
    programme.ends_on = D(2100, 1, 1)
    programme.save()
    visit = plan(network, starts_on=D(2099, 5, 1), ends_on=D(2099, 5, 2))
    with pytest.raises(ValidationError) as error:
        services.change_visit_status(visit=visit, by=network["officer"], status=Visit.Status.HELD)
    assert "from its first day" in error.value.message_dict["status"][0]


def test_agenda_item_must_fall_on_a_day_of_the_visit(network):
    visit = plan(network)
    tz = datetime.UTC
    item = services.add_agenda_item(
        visit=visit,
        by=network["officer"],
        starts_at=datetime.datetime(2017, 10, 23, 9, 30, tzinfo=tz),
        title="Welcome at the job centre",
        place="Job centre",
        speakers="Head of the job centre",
    )
    assert list(visit.agenda_items.all()) == [item]
    with pytest.raises(ValidationError) as error:
        services.add_agenda_item(
            visit=visit, by=network["officer"], starts_at=datetime.datetime(2017, 11, 1, 9, tzinfo=tz), title="Late"
        )
    assert "23 October 2017 to 25 October 2017" in error.value.message_dict["starts_at"][0]
