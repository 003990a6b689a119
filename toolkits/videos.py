"""Uploaded videos: MP4 or WebM only, recognised by their first bytes rather than their name."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext


def sniff_video_type(head):
    """'mp4', 'webm' or None, from the first bytes of a file."""
    # ISO base media (MP4): a box size, then "ftyp" and a brand.
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mp4"
    # Matroska/EBML header; WebM names its DocType "webm" within the first bytes.
    if head[:4] == b"\x1a\x45\xdf\xa3" and b"webm" in head[:64]:
        return "webm"
    return None


def check_video_file(file):
    limit = settings.VIDEO_MAX_UPLOAD_BYTES
    if file.size > limit:
        raise ValidationError(
            gettext("The video is larger than %(limit)s; link to it instead.") % {"limit": filesizeformat(limit)}
        )
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(64)
    file.seek(position)
    if sniff_video_type(head) is None:
        raise ValidationError(gettext("Upload an MP4 or WebM video; this file is neither."))
    return sniff_video_type(head)
