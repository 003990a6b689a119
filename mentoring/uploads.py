"""What an uploaded file really is, judged by its first bytes, not by its name."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

EXTENSIONS = {
    "pdf": PDF,
    "png": PNG,
    "jpg": JPEG,
    "jpeg": JPEG,
    "docx": DOCX,
    "xlsx": XLSX,
    "pptx": PPTX,
}
ALLOWED_LABEL = _("PDF, DOCX, XLSX, PPTX, PNG or JPEG")

# An Office Open XML file is a zip with [Content_Types].xml and its application's folder.
OOXML_FOLDERS = {DOCX: "word/", XLSX: "xl/", PPTX: "ppt/"}


def sniff(file):
    """The content type the file's bytes show, or None."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(file) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError):
            return None
        finally:
            file.seek(0)
        if "[Content_Types].xml" in names:
            for content_type, folder in OOXML_FOLDERS.items():
                if any(name.startswith(folder) for name in names):
                    return content_type
    return None


def check_upload(file, *, field="file"):
    """Return the file's content type, or raise ValidationError at `field` for a file of the wrong kind or size."""
    limit = settings.VISIT_ATTACHMENT_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            {
                field: gettext("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
            }
        )
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    claimed = EXTENSIONS.get(extension)
    if claimed is None:
        raise ValidationError({field: gettext("Upload a %(kinds)s file.") % {"kinds": ALLOWED_LABEL}})
    actual = sniff(file)
    if actual != claimed:
        raise ValidationError(
            {
                field: gettext(
                    "The file's name says .%(extension)s, but its content is not a %(kind)s file. "
                    "Upload a %(kinds)s file."
                )
                % {"extension": extension, "kind": extension.upper(), "kinds": ALLOWED_LABEL}
            }
        )
    return actual
