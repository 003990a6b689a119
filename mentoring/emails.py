from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Membership, Role, VisitReport


def deliver_report_submitted(report_id):
    """Tell the implementing city's officers that a report awaits their answers — once;
    a second run finds the report notified and does nothing."""
    with transaction.atomic():
        report = (
            VisitReport.objects.select_for_update(of=("self",))
            .select_related("visit__pairing__mentor_city", "visit__pairing__implementing_city")
            .filter(pk=report_id, notified_at__isnull=True, submitted_at__isnull=False)
            .first()
        )
        if report is None:
            return False
        pairing = report.visit.pairing
        recipients = list(
            Membership.objects.filter(
                city=pairing.implementing_city, role=Role.CITY_OFFICER, user__is_active=True
            ).values_list("user__email", flat=True)
        )
        if recipients:
            context = {"report": report, "visit": report.visit, "pairing": pairing, "site_url": settings.SITE_URL}
            EmailMessage(
                subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + f"Recommendations to answer: {report.visit.title}",
                body=render_to_string("mentoring/email/report_submitted.txt", context),
                to=recipients,
            ).send()
        report.notified_at = timezone.now()
        report.save(update_fields=["notified_at"])
    return True
