"""Creating and revoking personal API tokens."""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from .models import PersonalToken, hash_token

TOKEN_PREFIX = "cg_"  # noqa: S105 - a marker that makes leaked tokens easy to find, not a secret  # nosec B105
MAX_ACTIVE_TOKENS = 10


@transaction.atomic
def create_token(*, user, name):
    """A new token for `user`. Returns (token, raw): `raw` is shown once and never stored."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": gettext("Give the token a name, so you recognise it later.")})
    active = PersonalToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True)
    if active.count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(
            {"name": gettext("You have %(count)s active tokens: revoke one first.") % {"count": MAX_ACTIVE_TOKENS}}
        )
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PersonalToken.objects.create(user=user, name=name[:100], token_hash=hash_token(raw), prefix=raw[:10])
    return token, raw


def revoke_token(*, token, by):
    """Revoke a token of `by`'s own. Idempotent: revoking twice keeps the first date."""
    if token.user_id != by.pk:
        raise ValidationError(gettext("You can revoke only your own tokens."))
    PersonalToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    token.refresh_from_db(fields=["revoked_at"])
    return token


def touch_token(token, *, every_seconds=60):
    """Record when a token was last used, at most once a minute (no write on every request)."""
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= every_seconds:
        PersonalToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
