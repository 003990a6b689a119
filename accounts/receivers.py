from django.dispatch import receiver

from notifications.models import OutboundEmail
from notifications.signals import email_sent

from .models import Invitation


@receiver(email_sent, sender=OutboundEmail)
def record_invitation_sent(sender, email, **kwargs):
    """The outbox sent an invitation: show it as sent on the staff's invitation list."""
    if email.event == "account.invitation" and email.target_id:
        Invitation.objects.filter(pk=email.target_id, sent_at__isnull=True).update(sent_at=email.sent_at)
