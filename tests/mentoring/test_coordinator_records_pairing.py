"""The database keeps every city to one pairing per programme, whoever writes to it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from mentoring.models import Pairing, Role
from tests.factories import CityFactory, PairingFactory, ProgrammeFactory, SchemeFactory, enable_totp, person

needs_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")


@pytest.fixture
def pairing(db):
    return PairingFactory(scheme=SchemeFactory(code="A"))


def refused(**fields):
    """The constraint the database names when it refuses the pairing, and its message."""
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        Pairing.objects.create(**fields)
    diag = getattr(error.value.__cause__, "diag", None)
    return f"{diag.constraint_name if diag else ''} {error.value}"


def test_a_city_cannot_mentor_itself(pairing):
    city = CityFactory()

    message = refused(scheme=pairing.scheme, mentor_city=city, implementing_city=city)

    assert "pairing_mentor_is_not_implementing" in message


def test_a_city_mentors_once_per_programme(pairing):
    message = refused(scheme=pairing.scheme, mentor_city=pairing.mentor_city, implementing_city=CityFactory())

    # PostgreSQL's trigger answers first; elsewhere the unique constraint does.
    assert "pairing_city_once_per_programme" in message or "pairing_one_per_mentor_city" in message


def test_a_city_is_implementing_once_per_programme(pairing):
    other_scheme = SchemeFactory(code="B", programme=pairing.programme)

    message = refused(scheme=other_scheme, mentor_city=CityFactory(), implementing_city=pairing.implementing_city)

    assert "pairing_city_once_per_programme" in message or "pairing_one_per_implementing_city" in message


@needs_postgresql
def test_a_mentor_city_cannot_also_implement_in_the_same_programme(pairing):
    other_scheme = SchemeFactory(code="B", programme=pairing.programme)

    message = refused(scheme=other_scheme, mentor_city=CityFactory(), implementing_city=pairing.mentor_city)

    assert "pairing_city_once_per_programme a city is in at most one pairing per programme" in message


@needs_postgresql
def test_an_implementing_city_cannot_also_mentor_in_the_same_programme(pairing):
    message = refused(scheme=pairing.scheme, mentor_city=pairing.implementing_city, implementing_city=CityFactory())

    assert "pairing_city_once_per_programme a city is in at most one pairing per programme" in message


@needs_postgresql
def test_moving_a_pairing_onto_a_taken_city_is_refused(pairing):
    other = PairingFactory(scheme=SchemeFactory(code="B", programme=pairing.programme))
    other.implementing_city = pairing.mentor_city

    with pytest.raises(IntegrityError), transaction.atomic():
        other.save()


def test_the_same_city_may_take_another_role_in_another_programme(pairing):
    next_programme = ProgrammeFactory(name="Next round", slug="next-round", coordinator=pairing.programme.coordinator)

    later = Pairing.objects.create(
        scheme=SchemeFactory(code="A", programme=next_programme),
        mentor_city=pairing.implementing_city,
        implementing_city=pairing.mentor_city,
    )

    assert later.programme == next_programme
    assert Pairing.objects.filter(mentor_city=pairing.implementing_city).count() == 1


def test_a_pairing_takes_its_programme_from_its_scheme(pairing):
    assert pairing.programme == pairing.scheme.programme


@pytest.mark.parametrize(
    "mentor, implementing, field, message",
    [
        ("new", "new same", "implementing_city", "The implementing city must differ from the mentor city."),
        ("pairing.mentor_city", "new", "mentor_city", "This city is already in a pairing of this programme."),
        ("pairing.implementing_city", "new", "mentor_city", "This city is already in a pairing of this programme."),
        ("new", "pairing.mentor_city", "implementing_city", "This city is already in a pairing of this programme."),
    ],
    ids=["mentors itself", "mentor twice", "implementing then mentor", "mentor then implementing"],
)
def test_clean_explains_what_is_wrong(pairing, mentor, implementing, field, message):
    new = CityFactory()
    cities = {"new": new, "new same": new, "pairing.mentor_city": pairing.mentor_city}
    cities["pairing.implementing_city"] = pairing.implementing_city
    candidate = Pairing(scheme=pairing.scheme, mentor_city=cities[mentor], implementing_city=cities[implementing])

    with pytest.raises(ValidationError) as error:
        candidate.full_clean()

    assert error.value.message_dict[field] == [message]


def test_clean_lets_an_existing_pairing_be_saved_again(pairing):
    pairing.note = "Edited"

    pairing.full_clean()


def test_coordinator_sees_the_message_in_the_admin_and_nothing_is_saved(client, pairing):
    coordinator = person(Role.COORDINATOR, organisation=pairing.programme.coordinator)
    enable_totp(coordinator)
    client.force_login(coordinator)

    response = client.post(
        "/admin/mentoring/pairing/add/",
        {
            "scheme": pairing.scheme.pk,
            "mentor_city": CityFactory().pk,
            "implementing_city": pairing.mentor_city.pk,
            "status": "active",
            "confidence": "L",
        },
    )

    assert response.status_code == 200
    assert "This city is already in a pairing of this programme." in response.content.decode()
    assert Pairing.objects.count() == 1
