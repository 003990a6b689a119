"""HTML of a deliverable (for the browser preview and the PDF alike), and the PDF from that HTML.

WeasyPrint reads nothing from the network: its URL fetcher serves this site's
static files and refuses every other address, and anything that cannot load
(a stylesheet, an image) fails the rendering with the reason, rather than
giving a PDF with holes in it."""

import logging
import mimetypes
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

# Tagged PDF for accessibility (PDF/UA-1: structure tree, MarkInfo, document language and title).
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
# The address the HTML's relative URLs resolve against; only its static files are served.
BASE_URL = "https://deliverables.cities-grow.invalid/"


# One font configuration per thread, kept: a new one per rendering grows a worker's memory by
# ~0.25 MB each time (bench/deliverables.py). The templates declare no @font-face, so sharing is safe.
_fonts = threading.local()


def _font_config():
    if not hasattr(_fonts, "config"):
        _fonts.config = FontConfiguration()
    return _fonts.config


class RenderError(Exception):
    """A rendering that cannot succeed as it is (a template error, an image that does not load)."""


def render_html(snapshot, *, preview=False, generated_at=None):
    """The deliverable's HTML document: the kind's template with the snapshot's data, in the snapshot's language."""
    kind = snapshot.kind
    with translation.override(snapshot.language):
        context = {
            "kind": kind,
            "data": snapshot.data,
            "sections": snapshot.sections,
            "version": snapshot.version,
            "title": kind.title(snapshot.subject),
            "generated_at": generated_at or timezone.now(),
            "preview": preview,
            **kind.decorate(snapshot.data),
        }
        return render_to_string(kind.template, context)


class StaticFilesFetcher(URLFetcher):
    """Serves /static/… from the collected files or the finders; refuses everything else."""

    def __init__(self):
        super().__init__(fail_on_errors=True)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not (url.startswith(BASE_URL) and parts.path.startswith(static_prefix)):
            raise ValueError(f"Deliverables load only this site's static files, not {url}")
        name = unquote(parts.path[len(static_prefix) :])
        path = _static_path(name)
        if path is None:
            raise FileNotFoundError(f"No static file {name}")
        return URLFetcherResponse(url, Path(path).read_bytes(), {"Content-Type": _content_type(name)})


def _static_path(name):
    try:
        if staticfiles_storage.exists(name):
            return staticfiles_storage.path(name)
    except NotImplementedError:  # a storage without local paths: use the finders
        pass
    return finders.find(name)


def _content_type(name):
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


class _ErrorCollector(logging.Handler):
    """WeasyPrint logs what it could not load and carries on; these become the rendering's failure."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.thread = threading.get_ident()
        self.messages = []

    def emit(self, record):
        if record.thread == self.thread:
            self.messages.append(record.getMessage())


@contextmanager
def _weasyprint_errors():
    logger = logging.getLogger("weasyprint")
    collector = _ErrorCollector()
    logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)


def html_to_pdf(html):
    """The PDF of an HTML document and its number of pages. Raises RenderError for what cannot load."""
    try:
        with _weasyprint_errors() as errors:
            document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher()).render(
                font_config=_font_config(), **PDF_OPTIONS
            )
            pdf = document.write_pdf(**PDF_OPTIONS)
    except FatalURLFetchingError as error:  # a BaseException: it must not escape into Celery as such
        cause = error.__cause__
        raise RenderError(f"{error}: {cause}" if cause else str(error)) from None
    if errors:
        raise RenderError("; ".join(errors))
    return pdf, len(document.pages)
