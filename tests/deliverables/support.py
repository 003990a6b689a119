"""What the deliverables tests share: reading a PDF, and a ready deliverable without rendering."""

import io

import pypdf
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from deliverables.models import Deliverable

FAKE_PDF = b"%PDF-1.7\n% a stand-in for a rendered file\n%%EOF\n"


def pdf_reader(deliverable):
    with deliverable.file.open("rb") as handle:
        return pypdf.PdfReader(io.BytesIO(handle.read()))


def pdf_text(deliverable):
    return "\n".join(page.extract_text() for page in pdf_reader(deliverable).pages)


def ready_deliverable(kind, subject):
    """A deliverable marked ready with a stand-in file, for tests about access rather than rendering."""
    deliverable = Deliverable(
        kind=kind,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        status=Deliverable.Status.READY,
        size=len(FAKE_PDF),
        page_count=1,
        checksum="0" * 64,
        rendered_at=timezone.now(),
    )
    deliverable.file.save("deliverable.pdf", ContentFile(FAKE_PDF), save=False)
    deliverable.save()
    return deliverable
