from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    INSTANT = "instant", _("Instant e-mail")
    DIGEST = "digest", _("Daily digest")
    INBOX = "inbox", _("In the inbox only")


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One event, for one person, in their inbox.

    The target (a plan, a pairing, a visit…) is a generic relation; its title and
    URL are copied at creation, so the inbox renders without loading the targets
    and still makes sense if a target is deleted."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    event = models.CharField(max_length=64)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.CharField(max_length=64)
    target = GenericForeignKey("target_type", "target_id")
    target_title = models.CharField(max_length=300)
    target_url = models.CharField(max_length=500, blank=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    context = models.JSONField(default=dict, blank=True)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when the notification went out in an e-mail (instant or digest), in the
    # transaction that wrote that e-mail: a digest never repeats an item.
    emailed_at = models.DateTimeField(null=True, blank=True)
    email = models.ForeignKey(
        to="OutboundEmail", null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"),
            models.Index(
                fields=["recipient", "created_at"],
                condition=Q(delivery="digest", emailed_at__isnull=True),
                name="notification_digest_due",
            ),
        ]

    def __str__(self):
        return f"{self.title} → {self.recipient}"

    @property
    def is_read(self):
        return self.read_at is not None

    @property
    def display_title(self):
        """The title in the reader's language when it is the event's own label (stored in English)."""
        from .events import EVENTS

        spec = EVENTS.get(self.event)
        if spec is not None and self.title == spec.source_label:
            return str(spec.label)
        return self.title


class OutboundEmail(models.Model):
    """The outbox: one e-mail to one address, written in the transaction that causes it.

    A task delivers it; the sweep re-queues what stayed pending or was abandoned
    while sending. Rendered at creation, so delivery needs nothing but this row."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_email = models.EmailField(_("to"))
    subject = models.CharField(max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    event = models.CharField(max_length=64)
    language = models.CharField(max_length=10, default="en")
    # What the mail is about (an invitation, a plan…), so its cause can react when it is sent.
    target_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    target_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    dedupe_key = models.CharField(max_length=200, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outbound e-mail")
        indexes = [
            models.Index(
                fields=["status", "created_at"],
                condition=Q(status__in=["pending", "sending"]),
                name="outbox_undelivered",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="outbox_sent_has_sent_at", condition=~Q(status="sent") | Q(sent_at__isnull=False)
            ),
            models.CheckConstraint(
                name="outbox_sending_has_claimed_at", condition=~Q(status="sending") | Q(claimed_at__isnull=False)
            ),
        ]

    def __str__(self):
        return f"{self.subject} → {self.to_email}"


class Preference(models.Model):
    """How one person wants one kind of event: instant e-mail, daily digest or inbox only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    event = models.CharField(max_length=64)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "event"], name="preference_one_per_event")]

    def __str__(self):
        return f"{self.user}: {self.event} by {self.get_delivery_display()}"


class SiteConfiguration(models.Model):
    """Settings staff change in the admin without a deployment. One row."""

    digest_hour = models.PositiveSmallIntegerField(
        default=8, help_text=_("The hour (0–23, Brussels time) from which the daily digest is sent.")
    )
    review_reminder_days = models.PositiveSmallIntegerField(
        default=10, help_text=_("Remind the reviewer when a submitted plan has waited this many days.")
    )

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.CheckConstraint(name="site_configuration_singleton", condition=Q(pk=1)),
            models.CheckConstraint(name="digest_hour_of_a_day", condition=Q(digest_hour__lte=23)),
        ]

    def __str__(self):
        return str(_("Notification settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def get(cls):
        return cls.objects.get_or_create(pk=1)[0]


class Reminder(models.Model):
    """The log of reminders sent: one per kind, target, due date and person, ever."""

    kind = models.CharField(max_length=64)
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.CharField(max_length=64)
    target = GenericForeignKey("target_type", "target_id")
    due_on = models.DateField()
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "target_type", "target_id", "due_on", "recipient"], name="reminder_once_per_due_date"
            )
        ]

    def __str__(self):
        return f"{self.kind} for {self.target_type.model} {self.target_id} due {self.due_on} → {self.recipient_id}"
