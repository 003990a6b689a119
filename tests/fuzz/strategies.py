"""Hypothesis strategies for what people (and scripts) type into forms: mostly plausible input, with any field
replaced now and then by something hostile — control characters, huge text, markup, SQL, numbers out of range,
impossible dates, choices that do not exist, files that are not what their name says."""

import datetime
import io
import zipfile

from django import forms
from django.core import validators
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import strategies as st

PAYLOADS = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "'; DROP TABLE accounts_user; --",
    "' OR '1'='1",
    "1; SELECT pg_sleep(5)",
    "{{ request.user }}",
    "{% debug %}",
    "%(name)s %s {0}",
    "../../../../etc/passwd",
    "\x00",
    "a\x00b",
    "\u202egnp.exe",
    "\ufeff",
    "🇪🇺👩🏽‍💼",
    "Ωmega ñ ü ß 中文 العربية",
    "   ",
    "\r\n\t",
    "null",
    "None",
    "undefined",
    "[]",
    "{}",
]
NUMBERS = [
    "-1",
    "0",
    "-0",
    "1e309",
    "-1e309",
    "NaN",
    "inf",
    "99999999999999999999999999",
    "-99999999999999999999999999",
    "2147483648",
    "9223372036854775808",
    "0x10",
    "1,5",
    "١٢",
    "²",
    "1_000",
    "12.345678901234567890",
]
DATES = [
    "2018-02-30",
    "2018-13-01",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "-2018-01-01",
    "1/1/2018",
    "2018-01-01T25:00",
    "24:00",
    "25:61",
    "23:59:60",
]
SPECIAL_VALUES = PAYLOADS + NUMBERS + DATES
# The few that broke something once: tried on every query parameter, besides the generated ones.
PROBES = ["", " ", "\x00", "a\x00b", "²", "١٢", "-1", "0", "99999999999999999999999", "1e309", "x" * 5001, "<script>"]


def nasty_text():
    """Text a form must refuse or survive."""
    return st.one_of(
        st.sampled_from(SPECIAL_VALUES),
        st.text(max_size=40),
        st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp", "So", "Mn"]), max_size=20),
        st.tuples(st.sampled_from([201, 301, 1001, 5001, 100_001]), st.sampled_from(["x", "é", "<b>", "🇪🇺"])).map(
            lambda t: t[1] * t[0]
        ),
    )


def plain_text(*, min_size, max_size):
    alphabet = st.characters(categories=["L", "N"], include_characters=" .,-'()&/", codec="utf-8")
    return st.text(alphabet, min_size=min_size, max_size=max_size).filter(lambda s: not min_size or s.strip())


def _pdf():
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _ooxml(folder):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<document/>")
    return buffer.getvalue()


GOOD_FILES = [
    ("agenda.pdf", "application/pdf", _pdf()),
    ("photo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32),
    ("photo.jpg", "image/jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 32),
    ("notes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ooxml("word/")),
    ("clip.mp4", "video/mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 32),
    ("clip.webm", "video/webm", b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01webm" + b"\x00" * 32),
]
BAD_FILES = [
    ("agenda.pdf", "application/pdf", b"<html><script>alert(1)</script></html>"),
    ("empty.pdf", "application/pdf", b""),
    ("setup.exe", "application/octet-stream", b"MZ\x90\x00\x03" + b"\x00" * 64),
    ("notes.docx", "application/zip", b"PK\x03\x04 not really a zip"),
    ("../../../etc/passwd.pdf", "application/pdf", _pdf()),
    ("a" * 300 + ".pdf", "application/pdf", _pdf()),
    ("clip.mp4", "video/mp4", b"not a video at all"),
    ('名前 with spaces;".png', "image/png", b"\x89PNG\r\n\x1a\n"),
]


def uploaded(files):
    return st.sampled_from(files).map(lambda f: SimpleUploadedFile(f[0], f[2], content_type=f[1]))


def _choice_values(field):
    values = []
    for value, label in field.choices:
        if isinstance(label, list | tuple):
            values.extend(str(v) for v, _ in label)
        else:
            values.append(str(value))
    return [v for v in values if v != ""] or [""]


def _limits(field, low, high):
    """The range of a number field, from its own bounds or its (model's) validators."""
    for validator in field.validators:
        if isinstance(validator, validators.MinValueValidator):
            low = max(low, validator.limit_value)
        elif isinstance(validator, validators.MaxValueValidator):
            high = min(high, validator.limit_value)
    return low, high


def plausible(field):
    """A value the field would accept on its own (the form may still refuse the combination)."""
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", ""])
    if isinstance(field, forms.ModelMultipleChoiceField):
        pks = [str(pk) for pk in field.queryset.values_list("pk", flat=True)[:30]]
        return st.lists(st.sampled_from(pks), unique=True, max_size=3) if pks else st.just([])
    if isinstance(field, forms.ModelChoiceField):
        pks = [str(pk) for pk in field.queryset.values_list("pk", flat=True)[:30]]
        return st.sampled_from(pks) if pks else st.just("")
    if isinstance(field, forms.MultipleChoiceField):
        return st.lists(st.sampled_from(_choice_values(field)), unique=True, max_size=3)
    if isinstance(field, forms.ChoiceField):
        return st.sampled_from(_choice_values(field))
    if isinstance(field, forms.FileField):
        return uploaded(GOOD_FILES)
    if isinstance(field, forms.DateField):
        return st.dates(datetime.date(2017, 1, 1), datetime.date(2020, 12, 31)).map(datetime.date.isoformat)
    if isinstance(field, forms.TimeField):
        return st.times().map(lambda t: t.strftime("%H:%M"))
    widget_choices = [str(value) for value, _ in getattr(field.widget, "choices", []) if value != ""]
    if widget_choices:
        return st.sampled_from(widget_choices)
    if isinstance(field, forms.DecimalField):
        digits = (field.max_digits or 12) - (field.decimal_places or 0)
        top = min(10**digits - 1, 10**9)
        low = field.min_value if field.min_value is not None else -top
        return st.decimals(low, field.max_value or top, places=field.decimal_places or 0).map(str)
    if isinstance(field, forms.IntegerField):
        low, high = _limits(field, -1000, 100_000)
        return st.integers(low, high).map(str)
    if isinstance(field, forms.EmailField):
        return st.from_regex(r"[a-z]{1,12}\.[a-z]{1,12}@[a-z]{2,12}\.example", fullmatch=True)
    if isinstance(field, forms.URLField):
        return st.sampled_from(
            ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://vimeo.com/123", "https://example.org/a?b=c"]
        )
    max_length = min(field.max_length or 300, 300)
    return plain_text(min_size=1 if field.required else 0, max_size=max_length)


def hostile(field):
    """A value the field should refuse, or at least survive."""
    if isinstance(field, forms.FileField):
        return uploaded(BAD_FILES)
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return st.lists(nasty_text(), min_size=1, max_size=3)
    if isinstance(field, forms.IntegerField | forms.DecimalField):
        return st.one_of(st.sampled_from(NUMBERS), st.integers(-(10**30), 10**30).map(str), nasty_text())
    if isinstance(field, forms.DateField | forms.TimeField):
        return st.one_of(st.sampled_from(DATES), nasty_text())
    return nasty_text()


@st.composite
def form_input(draw, form):
    """(data, files) for binding `form`'s class: each field plausible, hostile, empty or missing."""
    hostile_fields = draw(st.booleans())
    data, files = {}, {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        how = draw(st.sampled_from(["plausible", "hostile", "empty", "missing"])) if hostile_fields else "plausible"
        if how == "missing":
            continue
        if how == "empty":
            value = ""
        else:
            value = draw(plausible(field) if how == "plausible" else hostile(field))
        if isinstance(value, SimpleUploadedFile):
            files[key] = value
        else:
            data[key] = value
    return data, files
