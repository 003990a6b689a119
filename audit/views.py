"""The audit log for coordinator staff: the list, filtered, and its CSV export (itself an audited export)."""

import json

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from rules.contrib.views import permission_required

from citiesgrow import exports

from . import rules as _rules  # noqa: F401 - registers audit.see_log
from . import selectors
from .forms import LogFilterForm
from .models import AuditEntry

COLUMNS = [
    exports.Column(_("When"), lambda e: e.at, "datetime", width=17),
    exports.Column(_("Actor"), lambda e: e.actor_email, width=30),
    exports.Column(_("Action"), lambda e: e.get_action_display(), width=28),
    exports.Column(_("Action code"), lambda e: e.action, width=22),
    exports.Column(_("Target type"), lambda e: e.target_type.name if e.target_type else "", width=16),
    exports.Column(_("Target id"), lambda e: e.target_id, width=9),
    exports.Column(_("Target"), lambda e: e.target_repr, width=40),
    exports.Column(_("Details"), lambda e: json.dumps(e.details, ensure_ascii=False, sort_keys=True), width=60),
    exports.Column(_("IP address"), lambda e: e.ip_address, width=16),
]


def _filtered(request):
    form = LogFilterForm(request.GET or None)
    if not form.is_bound:
        return form, selectors.entries()
    if not form.is_valid():
        return form, AuditEntry.objects.none()
    return form, selectors.entries(**form.cleaned_data)


@login_required
@permission_required("audit.see_log", raise_exception=True)
def log(request):
    form, found = _filtered(request)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {
            "form": form,
            "page": selectors.page_of(found, request.GET.get("page")),
            "query": query.urlencode(),
        },
        status=400 if form.errors else 200,
    )


@login_required
@permission_required("audit.see_log", raise_exception=True)
def export(request):
    form, found = _filtered(request)
    if form.errors:
        error = " ".join(message for messages in form.errors.values() for message in messages)
        return render(request, "dashboards/bad_request.html", {"error": error}, status=400)
    sheet = exports.Sheet("audit-log", COLUMNS, list(found))
    return exports.download([sheet], filename="audit-log", fmt="csv", request=request)
