from functools import wraps

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from mentoring.selectors import current_programme

from . import registry, selectors, services
from .models import Deliverable
from .rendering import render_html


def _kind(slug):
    try:
        return registry.get_kind(slug)
    except LookupError:
        raise Http404("No such kind of deliverable.") from None


class _SignInFirst(Exception):
    """A visitor asked for something that is not public: they may have it once signed in."""


def _refusal(request):
    return Http404("Not found.") if request.user.is_authenticated else _SignInFirst()


def _public_where_the_subject_is(view):
    """The view answers visitors for a public subject (an endorsed plan, a published toolkit) and sends them
    to sign in for anything else, without saying whether it exists."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _SignInFirst:
            return redirect_to_login(request.get_full_path())

    return wrapper


def _subject(request, kind, object_id):
    """The subject, or 404 for one the person may not see (outsiders cannot probe what exists)."""
    try:
        subject = kind.get_subject(object_id)
    except ObjectDoesNotExist:
        raise _refusal(request) from None
    if not rules.has_perm(kind.permission, request.user, subject):
        raise _refusal(request)
    return subject


def _deliverable(request, pk):
    deliverable = Deliverable.objects.select_related("content_type").filter(pk=pk).first()
    if deliverable is None or not rules.has_perm("deliverables.see_deliverable", request.user, deliverable):
        raise _refusal(request)
    return deliverable


def panel_context(kind, subject, deliverable):
    return {"kind": kind, "subject": subject, "deliverable": deliverable, "panel_id": f"pdf-{kind.slug}-{subject.pk}"}


@login_required
@require_POST
def generate(request, kind, object_id):
    """ "Generate PDF": queue the rendering and answer at once with the panel, which then polls its state."""
    kind = _kind(kind)
    subject = _subject(request, kind, object_id)
    deliverable = services.request_render(subject=subject, kind=kind.slug, by=request.user)
    context = panel_context(kind, subject, deliverable)
    if request.htmx:
        return render(request, "deliverables/includes/panel_state.html", context)
    # Without JavaScript: a page with the panel, to reload until the PDF is ready.
    context.update(allowed=True, title=kind.title(subject), subject_url=kind.subject_url(subject))
    return render(request, "deliverables/generated.html", context)


@_public_where_the_subject_is
def status(request, pk):
    """The panel's state, polled by htmx while the PDF is queued or rendering."""
    deliverable = _deliverable(request, pk)
    kind = _kind(deliverable.kind)
    context = panel_context(kind, deliverable.subject, deliverable)
    return render(request, "deliverables/includes/panel_state.html", context)


@_public_where_the_subject_is
def download(request, pk):
    deliverable = _deliverable(request, pk)
    if not deliverable.has_file:
        raise Http404("This PDF has not been generated yet.")
    kind = _kind(deliverable.kind)
    try:
        handle = deliverable.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file of this PDF is missing; generate it again.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{kind.filename(deliverable.subject)}.pdf",
        content_type="application/pdf",
    )
    response["X-Content-SHA256"] = deliverable.checksum
    return response


@_public_where_the_subject_is
def preview(request, kind, object_id):
    """The deliverable's HTML in the browser: the same template the PDF is rendered from."""
    kind = _kind(kind)
    subject = _subject(request, kind, object_id)
    html = render_html(registry.snapshot(kind, subject), preview=True)
    return HttpResponse(html)


def _require_staff(request):
    if not rules.has_perm("deliverables.manage", request.user):
        raise PermissionDenied


@login_required
def staff_list(request):
    _require_staff(request)
    programme = current_programme()
    rows = selectors.programme_deliverables(programme) if programme else []
    counts = {}
    for _, _, deliverable in rows:
        state = deliverable.status if deliverable else "none"
        counts[state] = counts.get(state, 0) + 1
    return render(
        request,
        "deliverables/staff_list.html",
        {
            "programme": programme,
            "rows": rows,
            "counts": counts,
            "pending": counts.get("queued", 0) + counts.get("rendering", 0),
        },
    )


@login_required
def render_all(request):
    _require_staff(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    programme = current_programme()
    if programme is None:
        raise Http404("No programme.")
    queued = services.render_all(programme=programme, by=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d deliverable queued for rendering; the others are up to date.",
            "%(count)d deliverables queued for rendering; the others are up to date.",
            queued,
        )
        % {"count": queued},
    )
    return redirect("deliverables:staff")
