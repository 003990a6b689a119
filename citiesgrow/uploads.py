"""Uploaded files: how large they may be, and what they are, judged by their first bytes rather than their name.

Each upload field says what it accepts with an `Accepts` (next to the service that stores the file, with the
field's own messages); `check()` returns the file's kind or raises the message for the person to read.

A service that stores a file runs in `atomic()` and writes it with `save()`: should its transaction
not commit (a refusal after the file was written, a lost connection, a failed COMMIT), the file is deleted
again rather than left in storage with no row that names it."""

import zipfile
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import formats

# Enough for every signature below: WebM names its DocType within the first 64 bytes.
HEAD_BYTES = 64


@dataclass(frozen=True)
class Kind:
    content_type: str
    extensions: tuple[str, ...]
    signature: Callable[[bytes], bool]
    # An Office Open XML file is a zip with [Content_Types].xml and its application's folder.
    ooxml_folder: str | None = None

    def shown_by(self, head, zip_names):
        if not self.signature(head):
            return False
        return self.ooxml_folder is None or (
            "[Content_Types].xml" in zip_names() and any(name.startswith(self.ooxml_folder) for name in zip_names())
        )


def _zip(head):
    return head.startswith(b"PK\x03\x04")


PDF = Kind("application/pdf", ("pdf",), lambda head: head.startswith(b"%PDF-"))
PNG = Kind("image/png", ("png",), lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"))
JPEG = Kind("image/jpeg", ("jpg", "jpeg"), lambda head: head.startswith(b"\xff\xd8\xff"))
DOCX = Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ("docx",), _zip, "word/")
XLSX = Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",), _zip, "xl/")
PPTX = Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", ("pptx",), _zip, "ppt/")
# ISO base media: a box size, then "ftyp" and a brand.
MP4 = Kind("video/mp4", ("mp4",), lambda head: len(head) >= 12 and head[4:8] == b"ftyp")
# Matroska's EBML header, with the DocType "webm".
WEBM = Kind("video/webm", ("webm",), lambda head: head[:4] == b"\x1a\x45\xdf\xa3" and b"webm" in head)


def sniff(file, kinds):
    """The first of `kinds` that the file's bytes show, or None; the file is left where it was."""
    position = file.tell()
    names = None

    def zip_names():
        nonlocal names
        if names is None:
            file.seek(0)
            try:
                with zipfile.ZipFile(file) as archive:
                    names = archive.namelist()
            except (zipfile.BadZipFile, OSError):
                names = []
        return names

    try:
        file.seek(0)
        head = file.read(HEAD_BYTES)
        return next((kind for kind in kinds if kind.shown_by(head, zip_names)), None)
    finally:
        file.seek(position)


def in_file_sizes(size, limit):
    return {"size": filesizeformat(size), "limit": filesizeformat(limit)}


def in_megabytes(size, limit):
    return {"size": formats.number_format(size / 1e6, 1), "limit": formats.number_format(limit / 1e6, 0)}


@dataclass(frozen=True)
class Accepts:
    """What one upload field takes, and what it says of a file it does not take.

    `too_large` may use %(size)s and %(limit)s (as `sizes` writes them); `not_a_kind` and `wrong_name`
    %(extension)s, %(kind)s (the extension in capitals) and %(kinds)s (`label`). With `wrong_name`, the
    file's name must end in an extension of one of the kinds, and its content must be that kind."""

    kinds: tuple[Kind, ...]
    max_bytes_setting: str
    too_large: str
    not_a_kind: str
    wrong_name: str | None = None
    label: str = ""
    sizes: Callable[[int, int], dict] = in_file_sizes

    @property
    def extensions(self):
        return [extension for kind in self.kinds for extension in kind.extensions]

    def check(self, file, *, field=None):
        """The file's kind, or ValidationError (at `field`, when given) saying why it is refused."""
        limit = getattr(settings, self.max_bytes_setting)
        if file.size > limit:
            raise self._refuse(field, self.too_large % self.sizes(file.size, limit))
        extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
        words = {"extension": extension, "kind": extension.upper(), "kinds": self.label}
        if self.wrong_name is not None:
            named = next((kind for kind in self.kinds if extension in kind.extensions), None)
            if named is None:
                raise self._refuse(field, self.wrong_name % words)
        kind = sniff(file, self.kinds)
        if kind is None or (self.wrong_name is not None and kind is not named):
            raise self._refuse(field, self.not_a_kind % words)
        return kind

    @staticmethod
    def _refuse(field, message):
        return ValidationError({field: message} if field else message)


_written = ContextVar("uploads_written", default=None)


def _note(fieldfile):
    """Note that the current `atomic()` block has written `fieldfile` to storage."""
    files = _written.get()
    if files is not None:
        files.append((fieldfile.storage, fieldfile.name))
    return fieldfile


def save(fieldfile, name, content):
    """Write `content` to storage as `fieldfile` (its row is saved by the caller) and note it, so that the
    current `atomic()` deletes it again should it not commit."""
    fieldfile.save(name, content, save=False)
    return _note(fieldfile)


@contextmanager
def atomic():
    """transaction.atomic() that deletes the files written with `save()` inside it if it does not commit.

    Inside another `atomic()`, the files are handed to the outer block, which decides. Inside a plain
    transaction.atomic() that rolls back later, they stay: the outermost block should be this one."""
    outer = _written.get()
    files = []
    token = _written.set(files)
    try:
        with transaction.atomic():
            yield
    except BaseException:
        for storage, name in files:
            storage.delete(name)
        raise
    finally:
        _written.reset(token)
    if outer is not None:
        outer.extend(files)
