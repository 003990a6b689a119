from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def deliverable_storage():
    return storages["deliverables"]


def deliverable_path(instance, filename):
    # One name per deliverable, whatever the rendering: a new rendering overwrites the file.
    return f"deliverables/{instance.kind}/{instance.kind}-{instance.object_id}-{instance.language}.pdf"


class Deliverable(models.Model):
    """A PDF of a subject (a visit report, a pairing, the programme…) in one language.

    The row is the state of record of its rendering: a Celery worker loads it by
    id, renders, stores the file and records what it rendered."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RENDERING = "rendering", _("Rendering")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    kind = models.CharField(max_length=40)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    language = models.CharField(max_length=10, default="en")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    file = models.FileField(storage=deliverable_storage, upload_to=deliverable_path, max_length=300, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    checksum = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True)
    source_version = models.CharField(
        max_length=64, blank=True, help_text=_("The version of the subject the file was rendered from.")
    )
    requested_version = models.CharField(
        max_length=64, blank=True, help_text=_("The version of the subject when the rendering was requested.")
    )
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0, help_text=_("Renderings started since the last request."))
    render_seconds = models.FloatField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "object_id", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "language"], name="deliverable_one_per_subject_language"
            ),
            models.CheckConstraint(
                name="deliverable_status_known", condition=Q(status__in=["queued", "rendering", "ready", "failed"])
            ),
            models.CheckConstraint(
                name="deliverable_ready_has_file",
                condition=~Q(status="ready") | (~Q(file="") & ~Q(checksum="") & Q(page_count__isnull=False)),
            ),
        ]
        indexes = [models.Index(fields=["status", "started_at"], name="deliverable_status_started")]

    def __str__(self):
        return f"{self.kind} of {self.content_type.model} {self.object_id} ({self.language}): {self.status}"

    @property
    def is_pending(self):
        return self.status in (self.Status.QUEUED, self.Status.RENDERING)

    @property
    def has_file(self):
        return bool(self.file) and self.checksum != ""


class PairingProfile(models.Model):
    """What the infographic of a pairing says about its two cities, a line per point."""

    pairing = models.OneToOneField("mentoring.Pairing", on_delete=models.CASCADE, related_name="profile")
    mentor_strengths = models.TextField(
        _("strengths of the mentor city"),
        blank=True,
        help_text=_("One strength per line; the infographic shows four."),
    )
    implementing_challenges = models.TextField(
        _("challenges of the implementing city"),
        blank=True,
        help_text=_("One challenge per line; the infographic shows four."),
    )
    is_demo = models.BooleanField(default=False, help_text=_("Illustrative demo content, not taken from a source."))
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Profile of {self.pairing}"

    @staticmethod
    def lines(text):
        return [line.strip() for line in text.splitlines() if line.strip()]
