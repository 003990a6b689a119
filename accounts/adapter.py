import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from notifications.services import queue_message


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: people join through an invitation."""

    def is_open_for_signup(self, request):
        return False

    def send_mail(self, template_prefix, email, context):
        """Sign-in mails (password reset, address confirmation) go through the outbox
        like every other mail: delivered by a worker, retried, visible to staff, and
        always sent whatever a person's notification settings say. Written in the
        language kept on the account, else in the one the request is answered in."""
        from .models import User

        request = allauth_context.request
        recipient = User.objects.filter(email__iexact=email).first()
        language = getattr(recipient, "language", "") or translation.get_language()
        with translation.override(language):
            message = self.render_mail(
                template_prefix,
                email,
                {"request": request, "email": email, "current_site": get_current_site(request)} | context,
            )
        html = next((body for body, kind in getattr(message, "alternatives", []) if kind == "text/html"), "")
        if message.content_subtype == "html":
            html, text = message.body, ""
        else:
            text = message.body
        queue_message(
            to=email,
            event="account.security",
            subject=message.subject,
            body_text=text or html,
            body_html=html,
            dedupe_key=f"account:{template_prefix.rsplit('/', 1)[-1]}:{uuid.uuid4().hex}",
            recipient=recipient,
            language=language,
        )
