import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from accounts.models import Invitation
from mentoring.models import Role

INVITATIONS = "/staff/invitations/"


def invite(client, capture, **data):
    with capture(execute=True):
        return client.post(INVITATIONS, data, follow=True)


def error_next_to(response, field):
    """The error text crispy renders right under the field, or ''."""
    match = re.search(
        rf'<div id="id_{field}_error" class="invalid-feedback">(.*?)</div>', response.content.decode(), re.S
    )
    return re.sub(r"<[^>]+>", " ", match.group(1)) if match else ""


def test_staff_invite_a_city_officer_who_gets_a_mail_with_the_link(
    staff_client, network, django_capture_on_commit_callbacks
):
    city = network.implementing_city

    response = invite(
        staff_client,
        django_capture_on_commit_callbacks,
        email="  New.Officer@City.Example ",
        role=Role.CITY_OFFICER,
        city=city.pk,
    )

    assert response.redirect_chain == [(INVITATIONS, 302)]
    page = response.content.decode()
    assert "Invitation sent to new.officer@city.example as City officer." in page
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.city, invitation.organisation) == (
        "new.officer@city.example",
        Role.CITY_OFFICER,
        city,
        None,
    )
    assert invitation.invited_by == network["coordinator"]
    assert invitation.sent_at is not None
    assert "new.officer@city.example" in page and "Pending until" in page

    [message] = mail.outbox
    assert message.to == ["new.officer@city.example"]
    assert "invited" in message.subject
    link = settings.SITE_URL + reverse("accounts:accept_invitation", args=[invitation.key])
    assert link in message.body
    assert f"City officer for {city.name}" in message.body
    assert network["coordinator"].name in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and f'href="{link}"' in html


def test_staff_invite_an_expert_partner_of_an_organisation(staff_client, network, django_capture_on_commit_callbacks):
    response = invite(
        staff_client,
        django_capture_on_commit_callbacks,
        email="analyst@expert.example",
        role=Role.EXPERT_PARTNER,
        organisation=network.expert_org.pk,
    )

    assert "Invitation sent to analyst@expert.example as Expert partner." in response.content.decode()
    assert Invitation.objects.get().organisation == network.expert_org
    [message] = mail.outbox
    assert f"Expert partner for {network.expert_org.name}" in message.body


BAD_INPUT = {
    "nothing filled in": (
        {"email": "", "role": "", "city": "", "organisation": ""},
        {"email": "This field is required.", "role": "This field is required."},
    ),
    "not an e-mail address": (
        {"email": "not-an-address", "role": Role.CITY_OFFICER, "city": "implementing_city"},
        {"email": "Enter a valid email address."},
    ),
    "city role without a city": (
        {"email": "a@b.example", "role": Role.CITY_OFFICER},
        {"city": "A city role needs a city"},
    ),
    "city role with an organisation": (
        {
            "email": "a@b.example",
            "role": Role.POLITICAL_APPROVER,
            "city": "implementing_city",
            "organisation": "expert_org",
        },
        {"city": "A city role needs a city (and no organisation)."},
    ),
    "expert partner of the coordinator organisation": (
        {"email": "a@b.example", "role": Role.EXPERT_PARTNER, "organisation": "coordinator_org"},
        {"organisation": "An expert partner belongs to an expert partner organisation."},
    ),
    "coordinator staff of an expert organisation": (
        {"email": "a@b.example", "role": Role.COORDINATOR, "organisation": "expert_org"},
        {"organisation": "Coordinator staff belong to a coordinator organisation."},
    ),
    "organisation role without an organisation": (
        {"email": "a@b.example", "role": Role.EXPERT_PARTNER},
        {"organisation": "This role needs an organisation"},
    ),
}


@pytest.mark.parametrize("data, errors", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_explained_next_to_the_field_and_creates_nothing(
    staff_client, network, django_capture_on_commit_callbacks, data, errors
):
    data = {
        key: getattr(network, value).pk if value and key in ("city", "organisation") else value
        for key, value in data.items()
    }

    response = invite(staff_client, django_capture_on_commit_callbacks, **data)

    assert response.status_code == 200
    assert response.redirect_chain == []
    for field, message in errors.items():
        assert message in error_next_to(response, field)
    assert Invitation.objects.count() == 0
    assert mail.outbox == []


def test_a_second_pending_invitation_for_the_same_role_is_refused(
    staff_client, network, django_capture_on_commit_callbacks
):
    city = network.implementing_city
    invite(
        staff_client, django_capture_on_commit_callbacks, email="twice@city.example", role="city_officer", city=city.pk
    )
    mail.outbox.clear()

    response = invite(
        staff_client, django_capture_on_commit_callbacks, email="TWICE@city.example", role="city_officer", city=city.pk
    )

    assert "This person already has a pending invitation for this role." in error_next_to(response, "email")
    assert Invitation.objects.count() == 1
    assert mail.outbox == []


def test_the_same_person_may_be_invited_to_another_role(staff_client, network, django_capture_on_commit_callbacks):
    city = network.implementing_city
    invite(
        staff_client, django_capture_on_commit_callbacks, email="two@city.example", role="city_officer", city=city.pk
    )

    response = invite(
        staff_client,
        django_capture_on_commit_callbacks,
        email="two@city.example",
        role="administrative_approver",
        city=city.pk,
    )

    assert "Invitation sent to two@city.example as City administrative approver." in response.content.decode()
    assert Invitation.objects.count() == 2
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    "role",
    ["officer", "mentor_officer", "administrative_approver", "political_approver", "expert", "other_city_officer"],
)
def test_only_coordinator_staff_may_invite(client, network, role, django_capture_on_commit_callbacks):
    client.force_login(network[role])

    assert client.get(INVITATIONS).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            INVITATIONS, {"email": "x@city.example", "role": "city_officer", "city": network.implementing_city.pk}
        )

    assert response.status_code == 403
    assert Invitation.objects.count() == 0
    assert mail.outbox == []
    assert "Invitations" not in client.get("/").content.decode()
