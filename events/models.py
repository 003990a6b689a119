from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mentoring.models import Programme, Visit


class Confidence(models.TextChoices):
    HIGH = "H", _("Stated by a source")
    MEDIUM = "M", _("Inferred from a source")
    LOW = "L", _("Sources conflict or are missing")


class Event(models.Model):
    """A meeting of the whole programme: the launch, partner meetings, the Integrating Cities Conference."""

    class Kind(models.TextChoices):
        LAUNCH = "launch_meeting", _("Launch meeting")
        PARTNER_MEETING = "partner_meeting", _("Partner meeting")
        CONFERENCE = "conference", _("Conference")
        OTHER = "other", _("Other event")

    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    subtitle = models.CharField(max_length=250, blank=True, help_text=_("The theme or motto, e.g. of a conference."))
    city_name = models.CharField(_("city"), max_length=100)
    country_code = models.CharField(_("ISO 3166-1 code"), max_length=2)
    venue = models.CharField(max_length=200, blank=True)
    # The dates the platform works with; when sources disagree, `date_claims` lists each and
    # `dates_confidence` says so, and every page shows all of them.
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    dates_confidence = models.CharField(max_length=1, choices=Confidence.choices, default=Confidence.HIGH)
    dates_note = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    source_url = models.URLField(blank=True, max_length=300)
    visits = models.ManyToManyField(Visit, blank=True, related_name="events", help_text=_("Visits held at the event."))

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(name="event_ends_after_start", condition=Q(ends_on__gte=F("starts_on"))),
            models.CheckConstraint(
                name="event_kind_valid",
                condition=Q(kind__in=["launch_meeting", "partner_meeting", "conference", "other"]),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event", args=[self.slug])

    @property
    def dates_disputed(self):
        return self.dates_confidence == Confidence.LOW


class DateClaim(models.Model):
    """What one source says the event's dates were."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="date_claims")
    starts_on = models.DateField()
    ends_on = models.DateField()
    source = models.CharField(max_length=200)
    source_url = models.URLField(blank=True, max_length=300)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(name="date_claim_ends_after_start", condition=Q(ends_on__gte=F("starts_on")))
        ]

    def __str__(self):
        return f"{self.source}: {self.starts_on}–{self.ends_on}"


class Session(models.Model):
    """A part of an event's programme. Day and times are optional: sources often give neither."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    position = models.PositiveSmallIntegerField(default=1)
    day = models.DateField(null=True, blank=True)
    starts_at = models.TimeField(null=True, blank=True)
    ends_at = models.TimeField(null=True, blank=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    speakers = models.CharField(max_length=300, blank=True)
    confidence = models.CharField(max_length=1, choices=Confidence.choices, default=Confidence.HIGH)

    class Meta:
        ordering = ["event", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                name="session_ends_after_start",
                condition=Q(starts_at__isnull=True) | Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
            )
        ]

    def __str__(self):
        return self.title
