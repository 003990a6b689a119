import logging
from typing import NamedTuple

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

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
    """Follows the queries of one request, to tell after a failed query whether anything was saved.

    A write inside a transaction is pending until the transaction ends; a write outside one (autocommit)
    is saved at once. Commits do not pass through here, so a transaction that was still pending when the
    database failed is known to be rolled back only if the failure came from one of its queries."""

    WRITES = ("INSERT", "UPDATE", "DELETE")

    def __init__(self):
        self.saved = False
        self.pending = False
        self.last_query_failed = False

    def __call__(self, execute, sql, params, many, context):
        in_transaction = context["connection"].in_atomic_block
        if self.pending and not in_transaction:
            self.saved, self.pending = True, False
        try:
            result = execute(sql, params, many, context)
        except (OperationalError, InterfaceError):
            self.last_query_failed = True
            raise
        self.last_query_failed = False
        if sql.lstrip()[:6].upper() in self.WRITES:
            if in_transaction:
                self.pending = True
            else:
                self.saved = True
        return result

    @property
    def nothing_saved(self):
        return not self.saved and (not self.pending or self.last_query_failed)


class DatabaseProblem(NamedTuple):
    """What went wrong with the database, in the words the person reads."""

    name: str
    title: str
    loading: str
    not_saved: str
    maybe_saved: str
    if_it_goes_on: str


LOST = DatabaseProblem(
    "connection lost",
    _("The database connection was lost"),
    _("This page could not be loaded. Please try again in a moment."),
    _("Your change was not saved. Please try again in a moment."),
    _(
        "Part of what you did may have been saved before the connection was lost. "
        "Reload the page to see what is there now before you try again."
    ),
    _("If it keeps happening, the platform may be down for a while: please come back later."),
)
BUSY = DatabaseProblem(
    "busy",
    _("The database is busy"),
    _("The database was too busy to load this page in time. Please try again in a moment."),
    _("The database was too busy to complete your change in time. Nothing was saved. Please try again in a moment."),
    _(
        "The database was too busy to complete your change in time. Part of it may have been saved: "
        "reload the page to see what is there now before you try again."
    ),
    _("If it keeps happening, the platform is under heavy load: please come back a little later."),
)
COLLIDED = DatabaseProblem(
    "collided with another change",
    _("Another change got in the way"),
    _("This page could not be loaded because of a change being saved at the same moment. Please try again."),
    _(
        "Your change collided with another one being saved at the same moment and could not be completed. "
        "Nothing was saved. Please try again."
    ),
    _(
        "Your change collided with another one being saved at the same moment and could not be completed. "
        "Part of it may have been saved: reload the page to see what is there now before you try again."
    ),
    _("If it keeps happening, please come back a little later."),
)

# PostgreSQL answered but gave up on the statement; any other OperationalError means the connection is gone.
BY_SQLSTATE = {
    "40P01": COLLIDED,  # deadlock_detected
    "40001": COLLIDED,  # serialization_failure
    "57014": BUSY,  # query_canceled: statement_timeout, or cancelled by an administrator
    "55P03": BUSY,  # lock_not_available: lock_timeout, NOWAIT
}


def sqlstate(error):
    # Django raises its own OperationalError from the driver's, which carries the SQLSTATE.
    return getattr(error.__cause__, "pgcode", None)


def database_error(request, error, tracker=None):
    """503 with a page (or, for htmx, an alert the page shows; for the API, JSON) that says what happened to
    the database and to the person's change, rendered without touching the database."""
    problem = BY_SQLSTATE.get(sqlstate(error), LOST)
    was_saving = request.method not in ("GET", "HEAD", "OPTIONS")
    nothing_saved = tracker.nothing_saved if tracker is not None else not was_saving
    logger.error(
        "Database %s during %s %s (%s, SQLSTATE %s; %s)",
        problem.name,
        request.method,
        request.path,
        error.__class__.__name__,
        sqlstate(error),
        "nothing saved" if nothing_saved else "something may have been saved",
        exc_info=error,
    )
    if not was_saving:
        message = problem.loading
    else:
        message = problem.not_saved if nothing_saved else problem.maybe_saved
    context = {"title": problem.title, "message": message, "if_it_goes_on": problem.if_it_goes_on}
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": str(message)}, status=503)
    elif request.headers.get("HX-Request") == "true":
        response = HttpResponse(render_to_string("includes/database_error.html", context), status=503)
        response["HX-Reswap"] = "none"
    else:
        response = HttpResponse(render_to_string("503.html", context), status=503)
    response["Retry-After"] = "10"
    response["Cache-Control"] = "no-store"
    return response


class DatabaseErrorMiddleware:
    """A database that is lost, refuses the connection or gives up on a statement (deadlock, timeout) answers
    503 with a clear page instead of a server error.

    Whatever transaction was open is rolled back by Django; the next request opens a new connection if needed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.database_writes = WriteTracker()
        with connection.execute_wrapper(request.database_writes):
            return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return database_error(request, exception, getattr(request, "database_writes", None))
        return None
