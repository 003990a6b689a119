from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST
from rules.contrib.views import permission_required

from pagecache import kept_per_viewer

from . import selectors, services
from .events import EVENTS
from .forms import PreferencesForm
from .models import Notification, OutboundEmail, Preference


@login_required
@kept_per_viewer
def inbox(request):
    page = selectors.inbox_page(request.user, request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page})


@login_required
@require_POST
def mark_read(request, pk):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    services.mark_read(user=request.user, notification=notification)
    if request.htmx:
        notification.refresh_from_db()
        return render(request, "notifications/_notification_read.html", {"notification": notification})
    return redirect("notifications:inbox")


@login_required
@require_POST
def mark_all_read(request):
    count = services.mark_all_read(user=request.user)
    messages.success(
        request,
        ngettext("%(count)d notification marked as read.", "%(count)d notifications marked as read.", count)
        % {"count": count},
    )
    return redirect("notifications:inbox")


@login_required
def preferences(request):
    current = dict(Preference.objects.filter(user=request.user).values_list("event", "delivery"))
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        services.set_preferences(
            user=request.user, choices={event: delivery for event, delivery in form.cleaned_data.items() if delivery}
        )
        messages.success(request, gettext("Your notification settings are saved."))
        return redirect("notifications:preferences")
    always = [event for event in EVENTS.values() if event.always_email]
    return render(request, "notifications/preferences.html", {"form": form, "always": always})


@login_required
@permission_required("notifications.see_outbox", raise_exception=True)
def outbox(request):
    status = request.GET.get("status", "")
    if status not in OutboundEmail.Status.values:
        status = ""
    counts = selectors.outbox_counts()
    return render(
        request,
        "notifications/outbox.html",
        {
            "page": selectors.outbox_page(status, request.GET.get("page")),
            "status": status,
            "statuses": [(value, label, counts[value]) for value, label in OutboundEmail.Status.choices],
        },
    )


@login_required
@permission_required("notifications.resend_email", raise_exception=True)
@require_POST
def resend_email(request, pk):
    email = get_object_or_404(OutboundEmail, pk=pk)
    try:
        services.resend_email(email=email)
        messages.success(request, gettext("The e-mail to %(email)s is queued again.") % {"email": email.to_email})
    except ValidationError as reason:
        messages.error(request, " ".join(reason.messages))
    return redirect("notifications:outbox")
