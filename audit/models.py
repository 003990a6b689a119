from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """An audit entry is never changed or removed once written."""


class Action(models.TextChoices):
    MEMBERSHIP_CREATED = "membership.created", _("Role granted")
    MEMBERSHIP_CHANGED = "membership.changed", _("Role changed")
    MEMBERSHIP_REMOVED = "membership.removed", _("Role removed")
    STAFF_GRANTED = "user.staff_granted", _("Made staff")
    STAFF_REVOKED = "user.staff_revoked", _("Staff access removed")
    USER_DEACTIVATED = "user.deactivated", _("Account deactivated")
    USER_REACTIVATED = "user.reactivated", _("Account reactivated")
    USER_DELETED = "user.deleted", _("Account deleted")
    INVITATION_SENT = "invitation.sent", _("Invitation sent")
    INVITATION_RESENT = "invitation.resent", _("Invitation sent again")
    INVITATION_REVOKED = "invitation.revoked", _("Invitation withdrawn")
    MFA_ENABLED = "mfa.enabled", _("Two-factor authentication turned on")
    MFA_DISABLED = "mfa.disabled", _("Two-factor authentication turned off")
    SIGN_IN_REFUSED = "signin.refused", _("Sign-in refused: wrong password")
    MFA_CODE_REFUSED = "mfa.code_refused", _("Two-factor code refused")
    RECOVERY_CODE_USED = "mfa.recovery_code_used", _("Signed in with a recovery code")
    RECOVERY_CODES_REPLACED = "mfa.recovery_codes_replaced", _("Recovery codes replaced")
    PLAN_CHANGES_REQUESTED = "plan.changes_requested", _("Plan returned for changes")
    PLAN_RECOMMENDED = "plan.recommended", _("Plan recommended")
    PLAN_APPROVED = "plan.approved", _("Plan approved")
    PLAN_ENDORSED = "plan.endorsed", _("Plan endorsed")
    TOOLKIT_PUBLISHED = "toolkit.published", _("Toolkit published")
    PRACTICE_VALIDATED = "practice.validated", _("Good practice validated")
    PRACTICE_PUBLISHED = "practice.published", _("Good practice published")
    EXPORT_DOWNLOADED = "export.downloaded", _("Data exported")
    TOKEN_CREATED = "token.created", _("API token created")
    TOKEN_REVOKED = "token.revoked", _("API token revoked")


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit entries cannot be changed.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("Audit entries cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Audit entries cannot be deleted.")


class AuditEntry(models.Model):
    """One sensitive action: who, when, from where, on what. Append-only: the model, its
    queryset and (on PostgreSQL) a trigger refuse to change or delete a written entry.

    The actor's e-mail address is copied, so an entry still names the person after their
    account is deleted (the foreign key then becomes null, the one change the trigger allows)."""

    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_email = models.EmailField(_("actor's e-mail address"), blank=True)
    action = models.CharField(_("action"), max_length=40, choices=Action.choices)
    target_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    target_id = models.CharField(max_length=64, blank=True)
    target_repr = models.CharField(_("target"), max_length=255, blank=True)
    details = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [
            models.Index(fields=["-at", "-id"], name="audit_newest_first"),
            models.Index(fields=["action", "-at"], name="audit_action_at"),
            models.Index(fields=["target_type", "target_id"], name="audit_target"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_email or '—'} {self.action} {self.target_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit entries cannot be deleted.")
