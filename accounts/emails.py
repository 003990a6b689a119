from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Invitation


def deliver_invitation(invitation_id):
    """Mail a pending invitation's link once; a second run finds it sent and does nothing."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("city", "organisation", "invited_by")
            .filter(pk=invitation_id, sent_at__isnull=True, accepted_at__isnull=True, revoked_at__isnull=True)
            .first()
        )
        if invitation is None:
            return False
        context = {
            "invitation": invitation,
            "accept_url": settings.SITE_URL + reverse("accounts:accept_invitation", args=[invitation.key]),
        }
        message = EmailMultiAlternatives(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + "You are invited to the CITIES-GROW platform",
            body=render_to_string("accounts/email/invitation.txt", context),
            to=[invitation.email],
        )
        message.attach_alternative(render_to_string("accounts/email/invitation.html", context), "text/html")
        message.send()
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
    return True
