from celery import shared_task

from notifications.services import deliver_pending_for

from .models import Invitation


@shared_task
def send_invitation_email(invitation_id):
    """Kept for messages queued before invitations went through the outbox:
    delivers the invitation's pending outbox mail (a no-op when it was sent)."""
    invitation = Invitation.objects.filter(pk=invitation_id).first()
    if invitation is not None:
        deliver_pending_for(invitation)
