"""Every way the admin changes a person's roles or access leaves one audit entry, naming the staff member."""

import pytest

from audit.models import Action, AuditEntry
from mentoring.models import Membership, Role
from tests.factories import UserFactory

from .conftest import form_fields, recorded


def change_form(client, url, form_id):
    return form_fields(client.get(url).content.decode(), form_id)


def test_staff_add_a_membership_in_the_admin(staff_client, network):
    newcomer = UserFactory(email="new.officer@city.example")
    data = {"user": newcomer.pk, "role": Role.CITY_OFFICER, "city": network.implementing_city.pk, "_save": "Save"}

    with recorded() as entries:
        response = staff_client.post("/admin/mentoring/membership/add/", data)

    assert response.status_code == 302
    [entry] = entries
    assert entry.action == Action.MEMBERSHIP_CREATED
    assert (entry.actor, entry.actor_email) == (network["coordinator"], network["coordinator"].email)
    assert entry.target_repr == str(newcomer) and entry.target_id == str(newcomer.pk)
    assert entry.details == {"role": "city_officer", "city": str(network.implementing_city), "organisation": None}
    assert entry.ip_address == "127.0.0.1"


def test_staff_change_a_role_in_the_admin(staff_client, network):
    officer = network["officer"]
    membership = Membership.objects.get(user=officer)
    url = f"/admin/mentoring/membership/{membership.pk}/change/"
    data = change_form(staff_client, url, "membership_form")
    data["role"] = Role.ADMINISTRATIVE_APPROVER

    with recorded() as entries:
        response = staff_client.post(url, data)

    assert response.status_code == 302
    [entry] = entries
    assert (entry.action, entry.actor, entry.target_id) == (
        Action.MEMBERSHIP_CHANGED,
        network["coordinator"],
        str(officer.pk),
    )
    assert entry.details["role"] == "administrative_approver"
    assert entry.details["previous"]["role"] == "city_officer"


def test_saving_a_membership_unchanged_is_not_recorded(staff_client, network):
    membership = Membership.objects.get(user=network["officer"])
    url = f"/admin/mentoring/membership/{membership.pk}/change/"
    data = change_form(staff_client, url, "membership_form")
    data["job_title"] = "Head of unit"

    with recorded() as entries:
        assert staff_client.post(url, data).status_code == 302

    assert entries == []


def test_staff_remove_a_membership_in_the_admin(staff_client, network):
    membership = Membership.objects.get(user=network["expert"])

    with recorded() as entries:
        response = staff_client.post(f"/admin/mentoring/membership/{membership.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    [entry] = entries
    assert (entry.action, entry.actor, entry.target_id) == (
        Action.MEMBERSHIP_REMOVED,
        network["coordinator"],
        str(network["expert"].pk),
    )
    assert entry.details == {"role": "expert_partner", "city": None, "organisation": str(network.expert_org)}


def test_staff_remove_memberships_in_bulk_and_each_is_recorded(staff_client, network):
    memberships = Membership.objects.filter(user__in=[network["officer"], network["mentor_officer"]])

    with recorded() as entries:
        staff_client.post(
            "/admin/mentoring/membership/",
            {"action": "delete_selected", "_selected_action": [m.pk for m in memberships], "post": "yes"},
        )

    assert sorted((e.action, e.target_id) for e in entries) == sorted(
        (Action.MEMBERSHIP_REMOVED, str(person.pk)) for person in (network["officer"], network["mentor_officer"])
    )
    assert {e.actor for e in entries} == {network["coordinator"]}


def test_staff_add_a_role_inline_on_the_person_page(staff_client, network):
    officer = network["officer"]
    url = f"/admin/accounts/user/{officer.pk}/change/"
    data = change_form(staff_client, url, "user_form")
    n = int(data["memberships-TOTAL_FORMS"])
    data.update(
        {
            "memberships-TOTAL_FORMS": str(n + 1),
            f"memberships-{n}-role": Role.POLITICAL_APPROVER,
            f"memberships-{n}-city": str(network.implementing_city.pk),
            f"memberships-{n}-user": str(officer.pk),
        }
    )

    with recorded() as entries:
        response = staff_client.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    [entry] = entries
    assert (entry.action, entry.actor, entry.target_id) == (
        Action.MEMBERSHIP_CREATED,
        network["coordinator"],
        str(officer.pk),
    )
    assert entry.details["role"] == "political_approver"


@pytest.mark.parametrize(
    ("flags", "action", "details"),
    [
        (
            {"is_staff": ["on"], "is_superuser": ["on"]},
            Action.STAFF_GRANTED,
            {"is_staff": [False, True], "is_superuser": [False, True]},
        ),
        ({"is_active": []}, Action.USER_DEACTIVATED, {}),
    ],
    ids=["made staff", "deactivated"],
)
def test_staff_change_a_persons_access_on_their_page(staff_client, network, flags, action, details):
    officer = network["officer"]
    url = f"/admin/accounts/user/{officer.pk}/change/"
    data = {**change_form(staff_client, url, "user_form"), **flags}

    with recorded() as entries:
        assert staff_client.post(url, data).status_code == 302

    [entry] = entries
    assert (entry.action, entry.actor, entry.target_id, entry.details) == (
        action,
        network["coordinator"],
        str(officer.pk),
        details,
    )


def test_staff_take_staff_access_away(staff_client, network):
    other = UserFactory(email="second.staff@eurocities.example", is_staff=True)
    url = f"/admin/accounts/user/{other.pk}/change/"
    data = {**change_form(staff_client, url, "user_form"), "is_staff": []}

    with recorded() as entries:
        assert staff_client.post(url, data).status_code == 302

    [entry] = entries
    assert (entry.action, entry.details) == (Action.STAFF_REVOKED, {"is_staff": [True, False]})


def test_deleting_a_person_records_it_and_keeps_their_own_entries(staff_client, network):
    expert = network["expert"]
    staff_client.force_login(expert)
    staff_client.post("/tokens/", {"name": "Portal"})
    own = AuditEntry.objects.get(actor=expert, action=Action.TOKEN_CREATED)
    staff_client.force_login(network["coordinator"])

    with recorded() as entries:
        response = staff_client.post(f"/admin/accounts/user/{expert.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert [(e.action, e.actor) for e in entries] == [
        (Action.MEMBERSHIP_REMOVED, network["coordinator"]),
        (Action.USER_DELETED, network["coordinator"]),
    ]
    assert entries[1].details == {"email": expert.email}
    own = AuditEntry.objects.get(pk=own.pk)
    assert own.actor is None and own.actor_email == expert.email
