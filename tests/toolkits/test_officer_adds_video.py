"""An officer adds a video to the city's practice: a link or an MP4/WebM file, with a transcript."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from citiesgrow import uploads
from toolkits.models import Video
from toolkits.services import VIDEO, add_practice_video

pytestmark = pytest.mark.django_db

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm" + b"\x00" * 64


def test_the_type_is_read_from_the_content():
    assert uploads.sniff(io.BytesIO(MP4), VIDEO.kinds) is uploads.MP4
    assert uploads.sniff(io.BytesIO(WEBM), VIDEO.kinds) is uploads.WEBM
    assert uploads.sniff(io.BytesIO(b"<html><script>"), VIDEO.kinds) is None


def test_officer_uploads_an_mp4_with_a_transcript(client, library, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(library.network["officer"])

    response = client.post(
        reverse("toolkits:practice_add_video", args=[library.submitted.slug]),
        {"title": "Supplier day", "transcript": "A buyer explains.", "file": SimpleUploadedFile("a.mp4", MP4)},
    )

    assert response.status_code == 302
    assert Video.objects.get().file.name.endswith(".mp4")


def test_a_file_that_is_not_a_video_is_refused_whatever_its_name(client, library, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(library.network["officer"])

    response = client.post(
        reverse("toolkits:practice_add_video", args=[library.submitted.slug]),
        {"title": "x", "transcript": "x", "file": SimpleUploadedFile("a.mp4", b"<html>not a video</html>")},
    )

    assert "Upload an MP4 or WebM video" in response.content.decode()
    assert not Video.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, library, settings, tmp_path):
    settings.MEDIA_ROOT, settings.VIDEO_MAX_UPLOAD_BYTES = tmp_path, 50
    client.force_login(library.network["officer"])

    response = client.post(
        reverse("toolkits:practice_add_video", args=[library.submitted.slug]),
        {"title": "x", "transcript": "x", "file": SimpleUploadedFile("a.webm", WEBM)},
    )

    assert "link to it instead" in response.content.decode()
    assert not Video.objects.exists()


def test_a_video_link_needs_a_transcript(client, library):
    client.force_login(library.network["officer"])
    url = reverse("toolkits:practice_add_video", args=[library.submitted.slug])

    client.post(url, {"title": "Film", "url": "https://video.example/1", "transcript": ""})
    assert not Video.objects.exists()

    client.post(url, {"title": "Film", "url": "https://video.example/1", "transcript": "Words spoken."})
    assert Video.objects.get().url == "https://video.example/1"


def test_a_video_refused_after_its_file_was_stored_leaves_no_file(library, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    file = SimpleUploadedFile("a.mp4", MP4)

    # The title is checked with the rest of the video, after its file has been written to storage.
    with pytest.raises(ValidationError):
        add_practice_video(
            practice=library.submitted, by=library.network["officer"], title="", transcript="A buyer.", file=file
        )

    assert not Video.objects.exists()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []
