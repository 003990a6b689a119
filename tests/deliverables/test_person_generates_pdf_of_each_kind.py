"""Each kind of deliverable renders into a tagged A4 PDF with the programme, the date, page numbers
and fonts that carry every European language's letters."""

import hashlib

import pytest
from django.utils import dateformat, timezone

from deliverables import services
from deliverables.demo import load_demo_profiles
from deliverables.models import Deliverable
from mentoring.models import Pairing, Programme, VisitReport

from .support import pdf_reader, pdf_text


@pytest.fixture
def programme(demo):
    load_demo_profiles()
    return Programme.objects.get()


@pytest.fixture
def render(django_capture_on_commit_callbacks):
    def render(kind, subject):
        with django_capture_on_commit_callbacks(execute=True):
            deliverable = services.request_render(subject=subject, kind=kind, by=None)
        deliverable.refresh_from_db()
        assert deliverable.status == Deliverable.Status.READY, deliverable.error
        return deliverable

    return render


def pairing(implementing):
    return Pairing.objects.select_related("mentor_city", "implementing_city").get(implementing_city__slug=implementing)


def assert_common_parts(deliverable):
    text = pdf_text(deliverable)
    pages = deliverable.page_count
    assert len(pdf_reader(deliverable).pages) == pages
    for number in range(1, pages + 1):
        assert f"Page {number} of {pages}" in text
    assert text.count("CITIES-GROW · EUROCITIES · generated on") == pages
    assert dateformat.format(timezone.localdate(), "j F Y") in text
    with deliverable.file.open("rb") as handle:
        content = handle.read()
    assert deliverable.size == len(content)
    assert deliverable.checksum == hashlib.sha256(content).hexdigest()
    return text


def assert_tagged_with_embedded_european_fonts(deliverable):
    reader = pdf_reader(deliverable)
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a pypdf BooleanObject
    assert catalog["/Lang"] == "en"
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font["/FontDescriptor"]
            )
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]  # embedded
            fonts.add(font["/BaseFont"].split("+")[-1])
    assert fonts and all(name.startswith(("Noto-Sans", "DejaVu-Sans")) for name in fonts), fonts


def test_officer_generates_the_visit_report_with_agenda_participants_and_answers(programme, render):
    report = VisitReport.objects.get(visit__pairing=pairing("athens"), visit__kind="study_visit")

    deliverable = render("visit_report", report)

    text = assert_common_parts(deliverable)
    for expected in [
        "Visit report: Study visit to Munich",
        "Munich (München) mentors Athens (Αθήνα)",
        "Agenda",
        "Participants",
        "Recommendations and answers",
        "Recommendation 1",
        "Athens: Adopt.",
    ]:
        assert expected in text, expected
    for item in report.visit.agenda_items.all():
        assert item.title.split()[0] in text
    assert deliverable.page_count >= 2
    assert deliverable.file.name == f"deliverables/visit_report/visit_report-{report.pk}-en.pdf"
    assert_tagged_with_embedded_european_fonts(deliverable)


@pytest.mark.parametrize(
    "implementing, names",
    [("gdansk", ["Helsinki", "Gdańsk"]), ("riga", ["Ghent", "Rīga"]), ("athens", ["München", "Αθήνα"])],
)
def test_officer_generates_the_one_page_infographic_of_the_pairing(programme, render, implementing, names):
    subject = pairing(implementing)

    deliverable = render("infographic", subject)

    text = assert_common_parts(deliverable)
    assert deliverable.page_count == 1
    for expected in [
        *names,
        f"Strengths of {subject.mentor_city.name}",
        f"Challenges of {subject.implementing_city.name}",
        "Timeline of the visits",
        "Key actions: recommendations taken up",
        "illustrative demo content",
    ]:
        assert expected in text, expected
    assert_tagged_with_embedded_european_fonts(deliverable)


def test_coordinator_generates_the_interim_report_with_every_pairing_and_its_figures(programme, render):
    deliverable = render("interim_report", programme)

    text = assert_common_parts(deliverable)
    for expected in [
        "Interim report: progress of the pairings",
        "Visits per pairing",
        "Recommendation uptake per pairing",
        "Recommendation uptake per scheme",
        "München",
        "Αθήνα",
        "Gdańsk",
        "Rīga",
        "Λευκωσία",
        "8 pairings in 4 thematic schemes",
        "Munich → Athens",
        "All pairings",
    ]:
        assert expected in text, expected
    assert deliverable.page_count >= 2
    assert_tagged_with_embedded_european_fonts(deliverable)
