"""Role, staff and two-factor changes are recorded from model signals, so every path that makes them is
covered: the services, the admin's forms, inlines and bulk deletes, management commands and the shell.
The actor is whoever the audit context names (the signed-in person, or who a service acts for).

Refused passwords and second-factor codes, sign-ins with a recovery code and replaced recovery codes
come from Django's and allauth's authentication signals: the sign-in page, the admin's and asking for
the password again before a sensitive change alike. A throttled attempt is refused before any
password is checked, so it writes nothing: the throttle bounds how fast the log can grow."""

from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from mentoring.models import Membership

from .context import current_actor
from .models import Action
from .services import record

User = get_user_model()

MEMBERSHIP_FIELDS = ("user_id", "role", "city_id", "organisation_id")
USER_FLAGS = ("is_staff", "is_superuser", "is_active")


def _earlier(instance, update_fields, fields):
    """The row's stored values of `fields` before this save, or None for a new row or an unrelated save."""
    if instance._state.adding or instance.pk is None:
        return None
    names = {name.removesuffix("_id") for name in fields} | set(fields)
    if update_fields is not None and not names & set(update_fields):
        return None
    return type(instance)._base_manager.filter(pk=instance.pk).values(*fields).first()


def _membership(membership):
    return {
        "role": membership.role,
        "city": str(membership.city) if membership.city_id else None,
        "organisation": str(membership.organisation) if membership.organisation_id else None,
    }


@receiver(pre_save, sender=Membership)
def _remember_membership(sender, instance, raw, update_fields, **kwargs):
    if not raw:
        instance._audit_earlier = _earlier(instance, update_fields, MEMBERSHIP_FIELDS)


@receiver(post_save, sender=Membership)
def _record_membership_saved(sender, instance, created, raw, **kwargs):
    if raw:
        return
    earlier = instance.__dict__.pop("_audit_earlier", None)
    if created:
        record(Action.MEMBERSHIP_CREATED, actor=current_actor(), target=instance.user, **_membership(instance))
        return
    if earlier is None or all(earlier[name] == getattr(instance, name) for name in MEMBERSHIP_FIELDS):
        return
    before = Membership(**{name: earlier[name] for name in MEMBERSHIP_FIELDS})
    previous = _membership(before)
    if before.user_id != instance.user_id:
        previous["person"] = str(before.user)
    record(
        Action.MEMBERSHIP_CHANGED,
        actor=current_actor(),
        target=instance.user,
        **_membership(instance),
        previous=previous,
    )


@receiver(post_delete, sender=Membership)
def _record_membership_removed(sender, instance, **kwargs):
    record(Action.MEMBERSHIP_REMOVED, actor=current_actor(), target=instance.user, **_membership(instance))


@receiver(pre_save, sender=User)
def _remember_flags(sender, instance, raw, update_fields, **kwargs):
    if not raw:
        instance._audit_earlier = _earlier(instance, update_fields, USER_FLAGS)


@receiver(post_save, sender=User)
def _record_flags(sender, instance, created, raw, **kwargs):
    if raw:
        return
    earlier = instance.__dict__.pop("_audit_earlier", None)
    if created:
        earlier = {"is_staff": False, "is_superuser": False, "is_active": True}
    if earlier is None:
        return
    changed = {
        flag: [earlier[flag], getattr(instance, flag)]
        for flag in USER_FLAGS
        if earlier[flag] != getattr(instance, flag)
    }
    staff = {flag: change for flag, change in changed.items() if flag != "is_active"}
    if any(new for _, new in staff.values()):
        record(Action.STAFF_GRANTED, actor=current_actor(), target=instance, **staff)
    elif staff:
        record(Action.STAFF_REVOKED, actor=current_actor(), target=instance, **staff)
    if "is_active" in changed:
        action = Action.USER_REACTIVATED if instance.is_active else Action.USER_DEACTIVATED
        record(action, actor=current_actor(), target=instance)


@receiver(post_delete, sender=User)
def _record_user_deleted(sender, instance, **kwargs):
    record(Action.USER_DELETED, actor=current_actor(), target=instance, email=instance.email)


@receiver(post_save, sender=Authenticator)
def _record_mfa_enabled(sender, instance, created, raw, **kwargs):
    if created and not raw and instance.type == Authenticator.Type.TOTP:
        record(Action.MFA_ENABLED, actor=current_actor(), target=instance.user)


@receiver(post_delete, sender=Authenticator)
def _record_mfa_disabled(sender, instance, **kwargs):
    if instance.type == Authenticator.Type.TOTP:
        record(Action.MFA_DISABLED, actor=current_actor(), target=instance.user)


@receiver(user_login_failed)
def _record_sign_in_refused(sender, credentials, request=None, **kwargs):
    address = str(credentials.get("email") or credentials.get("username") or "")[:254]
    person = User._default_manager.filter(email__iexact=address).first() if address else None
    record(Action.SIGN_IN_REFUSED, actor=current_actor(), target=person, request=request, email=address)


@receiver(mfa_signals.authentication_failed)
def _record_code_refused(sender, request, user, authenticator, reauthentication=False, **kwargs):
    record(
        Action.MFA_CODE_REFUSED,
        actor=current_actor(),
        target=user,
        request=request,
        reauthentication=reauthentication,
    )


@receiver(mfa_signals.authenticator_used)
def _record_recovery_code_used(sender, request, user, authenticator, **kwargs):
    if authenticator.type == Authenticator.Type.RECOVERY_CODES:
        stored = Authenticator.objects.get(pk=authenticator.pk)  # the instance given may predate the code's use
        codes_left = len(stored.wrap().get_unused_codes())
        record(Action.RECOVERY_CODE_USED, actor=user, target=user, request=request, codes_left=codes_left)


@receiver(mfa_signals.authenticator_reset)
def _record_recovery_codes_replaced(sender, request, user, authenticator, **kwargs):
    if authenticator.type == Authenticator.Type.RECOVERY_CODES:
        record(Action.RECOVERY_CODES_REPLACED, actor=user, target=user, request=request)
