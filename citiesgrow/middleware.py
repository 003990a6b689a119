import logging

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    """Every page may load scripts, styles and images from this site only: no
    inline script, no third party."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


class WriteTracker:
    """Follows the queries of one request, to tell after a lost connection whether anything was saved.

    A write inside a transaction is pending until the transaction ends; a write outside one (autocommit)
    is saved at once. Commits do not pass through here, so a transaction that was still pending when the
    connection dropped is known to be rolled back only if the failure came from one of its queries."""

    WRITES = ("INSERT", "UPDATE", "DELETE")

    def __init__(self):
        self.saved = False
        self.pending = False
        self.last_query_lost_connection = False

    def __call__(self, execute, sql, params, many, context):
        in_transaction = context["connection"].in_atomic_block
        if self.pending and not in_transaction:
            self.saved, self.pending = True, False
        try:
            result = execute(sql, params, many, context)
        except (OperationalError, InterfaceError):
            self.last_query_lost_connection = True
            raise
        self.last_query_lost_connection = False
        if sql.lstrip()[:6].upper() in self.WRITES:
            if in_transaction:
                self.pending = True
            else:
                self.saved = True
        return result

    @property
    def nothing_saved(self):
        return not self.saved and (not self.pending or self.last_query_lost_connection)


def database_unavailable(request, error, tracker=None):
    """503 with a page (or, for htmx, an alert the page shows) that renders without touching the database."""
    was_saving = request.method not in ("GET", "HEAD", "OPTIONS")
    nothing_saved = tracker.nothing_saved if tracker is not None else not was_saving
    logger.error(
        "Database connection lost during %s %s (%s; %s)",
        request.method,
        request.path,
        error.__class__.__name__,
        "nothing saved" if nothing_saved else "something may have been saved",
        exc_info=error,
    )
    context = {"nothing_saved": nothing_saved, "was_saving": was_saving}
    if request.path.startswith("/api/"):
        message = render_to_string("includes/connection_lost_message.html", context).strip()
        response = JsonResponse({"detail": message}, status=503)
    elif request.headers.get("HX-Request") == "true":
        response = HttpResponse(render_to_string("includes/connection_lost.html", context), status=503)
        response["HX-Reswap"] = "none"
    else:
        response = HttpResponse(render_to_string("503.html", context), status=503)
    response["Retry-After"] = "10"
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A lost or refused database connection answers 503 with a clear page instead of a server error.

    Whatever transaction was open is rolled back by Django; the next request opens a new connection."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.database_writes = WriteTracker()
        with connection.execute_wrapper(request.database_writes):
            return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return database_unavailable(request, exception, getattr(request, "database_writes", None))
        return None
