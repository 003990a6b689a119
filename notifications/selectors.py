"""Reads of notifications and the outbox."""

from django.core.paginator import Paginator
from django.db.models import Count

from .models import Notification, OutboundEmail


def group_by_target(notifications):
    """[(first notification of the group, [notifications])], groups and items newest first."""
    groups = {}
    for notification in sorted(notifications, key=lambda n: (n.created_at, n.pk), reverse=True):
        groups.setdefault((notification.target_type_id, notification.target_id), []).append(notification)
    return [(items[0], items) for items in groups.values()]


def unread_count(user):
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def inbox_page(user, page_number, per_page=50):
    """One page of a person's notifications, newest first, grouped by target."""
    notifications = Notification.objects.filter(recipient=user).select_related("actor")
    page = Paginator(notifications, per_page).get_page(page_number)
    page.groups = group_by_target(page.object_list)
    return page


def outbox_page(status, page_number, per_page=50):
    emails = OutboundEmail.objects.select_related("recipient").defer("body_text", "body_html")
    if status:
        emails = emails.filter(status=status)
    return Paginator(emails, per_page).get_page(page_number)


def outbox_counts():
    counts = dict.fromkeys(OutboundEmail.Status.values, 0)
    for row in OutboundEmail.objects.order_by().values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts
