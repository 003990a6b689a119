import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from mentoring import services
from mentoring.models import Attachment, Participant, Role
from tests.factories import CityFactory, OrganisationFactory, VisitFactory, person

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.fixture
def visit(network):
    return VisitFactory(pairing=network.pairing)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_people_of_both_cities_the_expert_and_eurocities_take_part(network, visit):
    for name in ("officer", "mentor_officer", "expert", "coordinator"):
        services.add_participant(visit=visit, by=network["officer"], user=network[name])
    labels = sorted(Participant.objects.values_list("organisation", flat=True))
    assert f"{network.implementing_city} (implementing city)" in labels
    assert f"{network.mentor_city} (mentor city)" in labels
    assert len(labels) == 4


def test_an_officer_of_another_city_takes_part_only_as_a_guest(network, visit):
    outsider = network["other_city_officer"]
    with pytest.raises(ValidationError) as error:
        services.add_participant(visit=visit, by=network["coordinator"], user=outsider)
    assert "Add them as a guest" in error.value.message_dict["user"][0]
    assert not Participant.objects.exists()

    guest = services.add_participant(
        visit=visit, by=network["coordinator"], guest_name=outsider.name, organisation=str(network.other_city)
    )
    assert guest.is_guest and guest.name == outsider.name


def test_a_guest_needs_an_organisation_and_a_person_is_added_once(network, visit):
    with pytest.raises(ValidationError) as error:
        services.add_participant(visit=visit, by=network["officer"], guest_name="Petra Schmid")
    assert "organisation" in error.value.message_dict
    services.add_participant(visit=visit, by=network["officer"], user=network["expert"])
    with pytest.raises(ValidationError):
        services.add_participant(visit=visit, by=network["officer"], user=network["expert"])


def test_an_expert_of_another_scheme_is_not_part_of_the_visit(network, visit):
    with pytest.raises(ValidationError):
        services.add_participant(visit=visit, by=network["officer"], user=network["other_expert"])
    lone_expert = person(Role.EXPERT_PARTNER, organisation=OrganisationFactory())
    with pytest.raises(ValidationError):
        services.add_participant(visit=visit, by=network["officer"], user=lone_expert)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("agenda.pdf", PDF_BYTES, "application/pdf"),
        ("photo.png", PNG_BYTES, "image/png"),
        ("photo.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 16, "image/jpeg"),
        ("notes.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_officer_attaches_files_of_the_allowed_types(network, visit, name, content, content_type):
    attachment = services.add_attachment(
        visit=visit, by=network["officer"], file=SimpleUploadedFile(name, content), title=""
    )
    assert attachment.content_type == content_type
    assert attachment.title == name
    assert attachment.size == len(content)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ\x90\x00", "Upload a PDF, DOCX"),
        ("fake.pdf", b"<html><script>alert(1)</script>", "its content is not a PDF file"),
        ("fake.docx", PDF_BYTES, "its content is not a DOCX file"),
        ("sheet.xlsx", docx_bytes(), "its content is not a XLSX file"),
        ("broken.pptx", b"PK\x03\x04 not really a zip", "its content is not a PPTX file"),
        ("noextension", PDF_BYTES, "Upload a PDF, DOCX"),
    ],
)
def test_a_file_of_the_wrong_type_is_refused(network, visit, name, content, message):
    with pytest.raises(ValidationError) as error:
        services.add_attachment(visit=visit, by=network["officer"], file=SimpleUploadedFile(name, content))
    assert message in error.value.message_dict["file"][0]
    assert not Attachment.objects.exists()


def test_a_file_over_the_size_limit_is_refused(network, visit, settings):
    settings.VISIT_ATTACHMENT_MAX_BYTES = 1024
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * 2048)
    with pytest.raises(ValidationError) as error:
        services.add_attachment(visit=visit, by=network["officer"], file=big)
    assert "the limit is 1.0\xa0KB" in error.value.message_dict["file"][0]
    assert not Attachment.objects.exists()


def test_a_file_with_a_very_long_name_is_stored_under_a_shorter_one(network, visit):
    """Found by tests/fuzz: a 300-character name was over the file system's limit (a server error)."""
    name = "Minutes of the study visit to Munich " * 8 + ".pdf"

    attachment = services.add_attachment(
        visit=visit, by=network["officer"], file=SimpleUploadedFile(name, PDF_BYTES), title=""
    )

    stored = attachment.file.name.rsplit("/", 1)[-1]
    assert stored.startswith("Minutes_of_the_study_visit_to_Munich") and stored.endswith(".pdf")
    assert len(stored) <= 120
    assert attachment.title == name[:200]
    assert attachment.file.read() == PDF_BYTES


def offered(client, visit):
    return {
        str(user) for user in client.get(visit.get_absolute_url()).context["participant_form"].fields["user"].queryset
    }


@pytest.mark.parametrize("who", ["officer", "mentor_officer", "coordinator"])
def test_the_picker_offers_the_pairings_people_not_yet_taking_part_whatever_the_networks_size(
    client, network, visit, who
):
    client.force_login(network[who])
    for _ in range(5):
        person(Role.CITY_OFFICER, city=CityFactory())
        person(Role.EXPERT_PARTNER, organisation=OrganisationFactory())
    services.add_participant(visit=visit, by=network["officer"], user=network["political_approver"])

    assert offered(client, visit) == {
        str(network[name]) for name in ("officer", "mentor_officer", "administrative_approver", "expert", "coordinator")
    }
