"""The PDFs are the programme's record for the European Commission, in English: a person working in
French or German gets them in English, and their pages show the same infographic in their own language."""

from django.test import Client
from django.utils import translation

from deliverables import registry
from mentoring.models import Pairing


def test_the_preview_of_a_pdf_is_in_english_on_a_french_request(network):
    pairing = Pairing.objects.first()
    client = Client(headers={"accept-language": "fr"})
    client.force_login(network["officer"])

    preview = client.get(f"/deliverables/infographic/{pairing.pk}/preview/").content.decode()

    assert "Timeline of the visits" in preview and f"Visits of {pairing.mentor_city}" in preview
    assert "Calendrier des visites" not in preview


def test_the_pairing_page_shows_the_infographic_in_the_readers_language(network):
    pairing = Pairing.objects.first()
    client = Client(headers={"accept-language": "de"})
    client.force_login(network["officer"])

    page = client.get(pairing.get_absolute_url()).content.decode()

    assert "Zeitleiste der Besuche" in page and "Infografik als PDF" in page


def test_the_version_of_a_subject_does_not_depend_on_the_language_it_is_asked_in(network):
    kind = registry.get_kind("infographic")
    pairing = Pairing.objects.first()

    with translation.override("de"):
        asked_in_german = registry.snapshot(kind, pairing).version

    assert asked_in_german == registry.snapshot(kind, pairing).version
