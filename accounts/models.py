import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone

from mentoring.models import Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Every person needs an e-mail address.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person on the platform. The e-mail address is the login."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("e-mail address", unique=True)
    name = models.CharField("full name", max_length=150)
    language = models.CharField(
        "language",
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text="The interface's and the e-mails' language; empty follows the browser.",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    objects = UserManager()

    class Meta:
        ordering = ["name", "email"]

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email


def new_invitation_key():
    return secrets.token_urlsafe(32)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An e-mailed, single-use link that brings a person onto the platform in
    one role. Following it proves the address, so the e-mail counts as verified."""

    email = models.EmailField("e-mail address")
    role = models.CharField(max_length=32, choices=Role.choices)
    city = models.ForeignKey("mentoring.City", null=True, blank=True, on_delete=models.CASCADE)
    organisation = models.ForeignKey("mentoring.Organisation", null=True, blank=True, on_delete=models.CASCADE)
    key = models.CharField(max_length=64, unique=True, default=new_invitation_key, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                name="invitation_scope_matches_role",
                condition=(
                    Q(role__in=Role.city_roles(), city__isnull=False, organisation__isnull=True)
                    | Q(role__in=Role.organisation_roles(), organisation__isnull=False, city__isnull=True)
                ),
            ),
            models.CheckConstraint(
                name="invitation_expires_after_creation", condition=Q(expires_at__gt=models.F("created_at"))
            ),
        ]

    def __str__(self):
        return f"{self.email} as {self.get_role_display()}"

    @property
    def scope(self):
        return self.city or self.organisation

    @property
    def status(self):
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"
