from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from mentoring.models import Membership, Role
from notifications.services import queue_email

from .models import Invitation, User


class InvitationUnusable(Exception):
    """The invitation was already used, revoked or has expired."""


def _check_scope(*, role, city, organisation):
    if role in Role.city_roles():
        if city is None or organisation is not None:
            raise ValidationError({"city": "A city role needs a city (and no organisation)."})
    elif role in Role.organisation_roles():
        if organisation is None or city is not None:
            raise ValidationError({"organisation": "This role needs an organisation (and no city)."})
        if role == Role.COORDINATOR and organisation.kind != "coordinator":
            raise ValidationError({"organisation": "Coordinator staff belong to a coordinator organisation."})
        if role == Role.EXPERT_PARTNER and organisation.kind != "expert_partner":
            raise ValidationError({"organisation": "An expert partner belongs to an expert partner organisation."})
    else:
        raise ValidationError({"role": "Unknown role."})


def _mail_invitation(invitation):
    """Write the invitation's e-mail to the outbox, in the caller's transaction.

    Always sent (no preferences apply). Each expiry date is a mail of its own,
    so sending again writes a new one."""
    queue_email(
        to=invitation.email,
        event="account.invitation",
        target=invitation,
        context={
            "invitation": invitation,
            "accept_url": settings.SITE_URL + reverse("accounts:accept_invitation", args=[invitation.key]),
        },
        dedupe_key=f"invitation:{invitation.pk}:{invitation.expires_at.isoformat()}",
    )


def invite_person(*, email, role, city=None, organisation=None, invited_by):
    """Create an invitation and its e-mail in one transaction; the mail is sent once it commits."""
    email = email.strip().lower()
    _check_scope(role=role, city=city, organisation=organisation)
    now = timezone.now()
    with transaction.atomic():
        invitation = Invitation.objects.create(
            email=email,
            role=role,
            city=city,
            organisation=organisation,
            invited_by=invited_by,
            created_at=now,
            expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
        )
        _mail_invitation(invitation)
    return invitation


def resend_invitation(*, invitation):
    """Send a pending invitation again with a fresh expiry date."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at or invitation.revoked_at:
            raise InvitationUnusable("Only an invitation that was not accepted or revoked can be sent again.")
        invitation.expires_at = timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)
        invitation.sent_at = None
        invitation.save(update_fields=["expires_at", "sent_at"])
        _mail_invitation(invitation)
    return invitation


def revoke_invitation(*, invitation):
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at:
            raise InvitationUnusable("This invitation was already accepted.")
        if not invitation.revoked_at:
            invitation.revoked_at = timezone.now()
            invitation.save(update_fields=["revoked_at"])
    return invitation


def usable_invitation(key):
    """The invitation behind a link, or InvitationUnusable with the reason; None if unknown."""
    invitation = Invitation.objects.select_related("city", "organisation").filter(key=key).first()
    if invitation is None:
        return None
    _raise_if_unusable(invitation)
    return invitation


def _raise_if_unusable(invitation):
    if invitation.accepted_at:
        raise InvitationUnusable("This invitation has already been used. Sign in with your e-mail address instead.")
    if invitation.revoked_at:
        raise InvitationUnusable("This invitation was withdrawn. Ask the EUROCITIES team for a new one.")
    if invitation.expires_at <= timezone.now():
        raise InvitationUnusable("This invitation has expired. Ask the EUROCITIES team to send it again.")


def grant_role(*, user, role, city=None, organisation=None):
    membership, _ = Membership.objects.get_or_create(user=user, role=role, city=city, organisation=organisation)
    if role == Role.COORDINATOR and not user.is_staff:
        user.is_staff = True
        user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    return membership


def accept_invitation(*, invitation, name=None, password=None, user=None):
    """Turn an invitation into a person with its role.

    A new person gets an account with a verified e-mail address (the link
    reached them there); an existing person, signed in as the invited address,
    gains the role. Atomic: a link is used at most once, even when clicked twice."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        _raise_if_unusable(invitation)
        if user is None:
            if User.objects.filter(email__iexact=invitation.email).exists():
                raise InvitationUnusable("An account with this e-mail address exists already: sign in to accept.")
            user = User.objects.create_user(email=invitation.email, password=password, name=name)
        elif user.email.lower() != invitation.email.lower():
            raise InvitationUnusable(f"This invitation is for {invitation.email}; you are signed in as {user.email}.")
        EmailAddress.objects.update_or_create(
            user=user, email=invitation.email, defaults={"verified": True, "primary": True}
        )
        grant_role(user=user, role=invitation.role, city=invitation.city, organisation=invitation.organisation)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


def choose_language(*, user, language):
    """Keep the interface language a person chose; an unknown code changes nothing."""
    if language not in dict(settings.LANGUAGES) or user.language == language:
        return
    user.language = language
    user.save(update_fields=["language"])
