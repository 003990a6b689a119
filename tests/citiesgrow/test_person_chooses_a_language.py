"""A person reads the platform in English, French or German, chosen in the page footer."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.test import Client
from django.utils import translation

LANGUAGE_URL = "/language/"


def choose(client, language, next_page="/"):
    return client.post(LANGUAGE_URL, {"language": language, "next": next_page})


def test_every_page_offers_the_three_languages_in_their_own_names(client, db):
    page = client.get("/").content.decode()

    assert '<html lang="en">' in page
    assert 'lang="fr"' in page and "Français" in page
    assert 'lang="de"' in page and "Deutsch" in page


def test_a_visitor_who_chooses_french_reads_the_site_in_french(client, db):
    response = choose(client, "fr", next_page="/library/")

    assert response.status_code == 302 and response["Location"] == "/library/"
    page = client.get("/library/")
    assert page["Content-Language"] == "fr"
    assert '<html lang="fr">' in page.content.decode()
    assert "Bibliothèque" in page.content.decode()


def test_a_browser_that_asks_for_german_gets_german(db):
    page = Client(headers={"accept-language": "de-DE,de;q=0.9,en;q=0.5"}).get("/")

    assert page["Content-Language"] == "de"
    assert "Zum Hauptinhalt springen" in page.content.decode()


def test_a_signed_in_persons_choice_follows_them_to_another_device(client, network):
    officer = network["officer"]
    client.force_login(officer)

    choose(client, "de")

    officer.refresh_from_db()
    assert officer.language == "de"
    other_device = Client(headers={"accept-language": "fr"})
    other_device.force_login(officer)
    page = other_device.get("/")
    assert page["Content-Language"] == "de"
    assert "Meine Arbeit" in page.content.decode()


def test_an_unknown_language_changes_nothing(client, network):
    officer = network["officer"]
    client.force_login(officer)

    response = choose(client, "xx")

    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.language == ""
    assert client.get("/")["Content-Language"] == "en"


def test_the_switcher_does_not_send_people_to_another_site(client, db):
    response = choose(client, "fr", next_page="https://evil.example/")

    assert response["Location"] == "/"


@pytest.mark.parametrize(
    "language, date, short_date, number",
    [
        ("en", "7 November 2018", "7 Nov 2018", "1,234.5"),
        ("fr", "7 novembre 2018", "7 nov. 2018", "1\u202f234,5"),
        ("de", "7. November 2018", "7. Nov. 2018", "1.234,5"),
    ],
)
def test_dates_and_numbers_are_written_the_way_the_language_writes_them(language, date, short_date, number):
    template = Template('{{ day|date:"DATE_FORMAT" }}|{{ day|date:"SHORT_DATE_FORMAT" }}|{{ amount|floatformat:"1g" }}')
    context = Context({"day": datetime.date(2018, 11, 7), "amount": Decimal("1234.5")})

    with translation.override(language):
        assert template.render(context) == f"{date}|{short_date}|{number}"
