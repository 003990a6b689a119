import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import User
from accounts.services import invite_person
from mentoring.models import City, Role

from .support import assert_accessible, visit

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a-long-and-private-passphrase"


def test_invitee_follows_the_mailed_link_sets_a_password_and_sees_the_role(page, demo, live_server, settings):
    settings.SITE_URL = live_server.url
    invite_person(
        email="Pieter.Janssens@Ghent.example",
        role=Role.ADMINISTRATIVE_APPROVER,
        city=City.objects.get(slug="ghent"),
        invited_by=User.objects.get(email="coordinator@eurocities.example"),
    )
    [message] = mail.outbox
    assert message.to == ["pieter.janssens@ghent.example"]
    link = re.search(r"^http://\S+/invitations/\S+/$", message.body, re.MULTILINE).group(0)

    visit(page, link)

    expect(page.get_by_role("heading", level=1)).to_have_text("Join CITIES-GROW")
    expect(page.get_by_role("main")).to_contain_text(
        "You are invited as city administrative approver for Ghent, with the address pieter.janssens@ghent.example."
    )
    page.get_by_label("Your full name").fill("Pieter Janssens")
    page.get_by_label("Choose a password").fill(NEW_PASSWORD)
    page.get_by_label("Repeat the password").fill(NEW_PASSWORD + "!")
    page.get_by_role("button", name="Create my account").click()

    assert_accessible(page)
    expect(page.get_by_label("Repeat the password")).to_have_accessible_description(
        re.compile("The two passwords differ.")
    )
    page.get_by_label("Choose a password").fill(NEW_PASSWORD)
    page.get_by_label("Repeat the password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Create my account").click()

    expect(page).to_have_url("/")
    assert_accessible(page)
    expect(page.get_by_role("status")).to_contain_text("Welcome! You are now city administrative approver for Ghent.")
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    expect(page.get_by_role("main")).to_contain_text("Welcome, Pieter. You are city administrative approver for Ghent.")
    expect(page.get_by_role("heading", name="Ghent, mentoring Riga")).to_be_visible()
    expect(page.get_by_role("button", name="Pieter Janssens")).to_be_visible()

    response = visit(page, link)

    assert response.status == 410
    expect(page.get_by_role("heading", level=1)).to_have_text("This invitation cannot be used")
    expect(page.get_by_role("alert")).to_have_text(
        "This invitation has already been used. Sign in with your e-mail address instead."
    )
    expect(page.get_by_label("Your full name")).to_have_count(0)
