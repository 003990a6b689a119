from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CITY_OFFICER = "city_officer", _("City officer")
    ADMINISTRATIVE_APPROVER = "administrative_approver", _("City administrative approver")
    POLITICAL_APPROVER = "political_approver", _("City political approver")
    EXPERT_PARTNER = "expert_partner", _("Expert partner")
    COORDINATOR = "coordinator", _("Coordinator staff")

    @classmethod
    def city_roles(cls):
        return [cls.CITY_OFFICER, cls.ADMINISTRATIVE_APPROVER, cls.POLITICAL_APPROVER]

    @classmethod
    def organisation_roles(cls):
        return [cls.EXPERT_PARTNER, cls.COORDINATOR]


# A role's name inside a sentence ("You are city officer for Athens"): lower case where the language wants it.
ROLES_IN_SENTENCE = {
    Role.CITY_OFFICER: pgettext_lazy("a role inside a sentence", "city officer"),
    Role.ADMINISTRATIVE_APPROVER: pgettext_lazy("a role inside a sentence", "city administrative approver"),
    Role.POLITICAL_APPROVER: pgettext_lazy("a role inside a sentence", "city political approver"),
    Role.EXPERT_PARTNER: pgettext_lazy("a role inside a sentence", "expert partner"),
    Role.COORDINATOR: pgettext_lazy("a role inside a sentence", "coordinator staff"),
}


class City(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(unique=True)
    local_name = models.CharField(
        max_length=100, blank=True, help_text=_("The name in the local language, if different.")
    )
    country = models.CharField(max_length=100)
    iso_code = models.CharField(
        _("ISO 3166-1 code"),
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. DE."))],
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("cities")
        constraints = [
            models.CheckConstraint(name="city_iso_code_two_letters", condition=Q(iso_code__regex=r"^[A-Z]{2}$"))
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("mentoring:city", args=[self.slug])

    @property
    def display_name(self):
        if self.local_name and self.local_name != self.name:
            return f"{self.name} ({self.local_name})"
        return self.name


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        EXPERT_PARTNER = "expert_partner", _("Expert partner")

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class Programme(models.Model):
    """A mentoring round. CITIES-GROW (2017–2019) is the first on the platform."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    starts_on = models.DateField()
    ends_on = models.DateField()
    funding = models.CharField(max_length=200)
    coordinator = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="coordinated_programmes")
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(name="programme_ends_after_start", condition=Q(ends_on__gte=F("starts_on")))
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("mentoring:programme", args=[self.slug])


class Scheme(models.Model):
    """A thematic mentoring scheme, facilitated by one expert partner."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="schemes")
    code = models.CharField(max_length=2)
    title = models.CharField(max_length=250)
    short_title = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    facilitator = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="facilitated_schemes")

    class Meta:
        ordering = ["programme", "code"]
        constraints = [models.UniqueConstraint(fields=["programme", "code"], name="scheme_code_unique_in_programme")]

    def __str__(self):
        return gettext("Scheme %(code)s: %(title)s") % {"code": self.code, "title": self.short_title}

    def get_absolute_url(self):
        return reverse("mentoring:scheme", args=[self.programme.slug, self.code])


class Pairing(models.Model):
    """One mentor city and one implementing city, working together in a scheme."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")

    class Confidence(models.TextChoices):
        HIGH = "H", _("Stated by a source")
        MEDIUM = "M", _("Inferred from a source")
        LOW = "L", _("Illustrative")

    # Copied from the scheme so the database can keep a city to one pairing per programme.
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="pairings", editable=False)
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="pairings")
    mentor_city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="mentor_pairings")
    implementing_city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="implementing_pairings")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    verified = models.BooleanField(
        default=False, help_text=_("Confirmed by a published source; unverified pairs are illustrative demo data.")
    )
    confidence = models.CharField(max_length=1, choices=Confidence.choices, default=Confidence.LOW)
    source_url = models.URLField(blank=True, max_length=300)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["scheme__code", "implementing_city__name"]
        constraints = [
            models.CheckConstraint(
                name="pairing_mentor_is_not_implementing", condition=~Q(mentor_city=F("implementing_city"))
            ),
            models.UniqueConstraint(fields=["programme", "mentor_city"], name="pairing_one_per_mentor_city"),
            models.UniqueConstraint(
                fields=["programme", "implementing_city"], name="pairing_one_per_implementing_city"
            ),
            models.CheckConstraint(
                name="pairing_ends_after_start",
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
            ),
        ]

    def __str__(self):
        return f"{self.mentor_city} → {self.implementing_city}"

    def save(self, *args, **kwargs):
        self.programme_id = self.scheme.programme_id
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("mentoring:pairing", args=[self.pk])

    def clean(self):
        if not (self.scheme_id and self.mentor_city_id and self.implementing_city_id):
            return
        if self.mentor_city_id == self.implementing_city_id:
            raise ValidationError(
                {"implementing_city": gettext("The implementing city must differ from the mentor city.")}
            )
        taken = Pairing.objects.filter(programme_id=self.scheme.programme_id).exclude(pk=self.pk)
        for field in ("mentor_city", "implementing_city"):
            city_id = getattr(self, f"{field}_id")
            if taken.filter(Q(mentor_city_id=city_id) | Q(implementing_city_id=city_id)).exists():
                raise ValidationError({field: gettext("This city is already in a pairing of this programme.")})

    def cities(self):
        return [self.mentor_city, self.implementing_city]


class MembershipQuerySet(models.QuerySet):
    def for_cities(self, city_ids):
        return self.filter(city_id__in=city_ids)


class Membership(models.Model):
    """A person's role in one city or one organisation."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=32, choices=Role.choices)
    city = models.ForeignKey(City, null=True, blank=True, on_delete=models.PROTECT, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="memberships"
    )
    job_title = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["role", "user__name"]
        constraints = [
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    Q(role__in=Role.city_roles(), city__isnull=False, organisation__isnull=True)
                    | Q(role__in=Role.organisation_roles(), organisation__isnull=False, city__isnull=True)
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "city"], condition=Q(city__isnull=False), name="membership_unique_city_role"
            ),
            models.UniqueConstraint(
                fields=["user", "role", "organisation"],
                condition=Q(organisation__isnull=False),
                name="membership_unique_organisation_role",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}, {self.scope}"

    @property
    def scope(self):
        return self.city or self.organisation

    @property
    def role_in_sentence(self):
        return ROLES_IN_SENTENCE[self.role]


# ---------------------------------------------------------------------------
# Visits, learning-needs briefs, visit reports and the recommendation register
# ---------------------------------------------------------------------------


class CharterCommitment(models.TextChoices):
    """The eleven commitments of the EUROCITIES Integrating Cities Charter.

    Stored as codes until the toolkits app owns the Charter; a later migration
    can turn each code field into a foreign key by looking the code up."""

    P1 = "P1", _("P1 · Communicate the commitment to equal opportunities")
    P2 = "P2", _("P2 · Equal access and non-discrimination in all policies")
    P3 = "P3", _("P3 · Involve migrant communities in policy-making")
    S1 = "S1", _("S1 · Equal access to services")
    S2 = "S2", _("S2 · Services that understand migrants' needs")
    E1 = "E1", _("E1 · A workforce that reflects the city's diversity")
    E2 = "E2", _("E2 · Fair and equal treatment of all staff")
    E3 = "E3", _("E3 · Staff who understand and respect diversity")
    B1 = "B1", _("B1 · Equality and diversity in procurement")
    B2 = "B2", _("B2 · Equality and diversity among contractors")
    B3 = "B3", _("B3 · A diverse supplier base")


def validate_charter_codes(value):
    if not isinstance(value, list) or any(code not in CharterCommitment.values for code in value):
        raise ValidationError(gettext("Choose commitments of the Integrating Cities Charter (P1 … B3)."))


class Visit(models.Model):
    """A study visit (the implementing city visits its mentor), a mentoring
    visit (the mentor, with the expert partner and EUROCITIES, visits the
    implementing city) or another meeting of a pairing."""

    class Kind(models.TextChoices):
        STUDY = "study_visit", _("Study visit")
        MENTORING = "mentoring_visit", _("Mentoring visit")
        OTHER = "other", _("Other visit")

    class Host(models.TextChoices):
        MENTOR = "mentor", _("Mentor city")
        IMPLEMENTING = "implementing", _("Implementing city")

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("a visit's status", "Planned")
        CONFIRMED = "confirmed", pgettext_lazy("a visit's status", "Confirmed")
        HELD = "held", pgettext_lazy("a visit's status", "Held")
        REPORTED = "reported", pgettext_lazy("a visit's status", "Reported")
        CANCELLED = "cancelled", pgettext_lazy("a visit's status", "Cancelled")

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="visits")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # Which side of the pairing hosts: the database then guarantees the host is one of the pair.
    host = models.CharField(_("host city"), max_length=12, choices=Host.choices)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    topics = models.CharField(max_length=300, blank=True, help_text=_("What the visit is about, in a line."))
    practical_notes = models.TextField(blank=True, help_text=_("Travel, venue, accessibility, contacts…"))
    dates_note = models.CharField(
        max_length=200, blank=True, help_text=_("For example: illustrative dates, the real ones are not published.")
    )
    source_url = models.URLField(blank=True, max_length=300)
    brief_due_on = models.DateField(_("learning-needs brief due"), null=True, blank=True)
    report_due_on = models.DateField(_("visit report due"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        indexes = [models.Index(fields=["pairing", "starts_on"])]
        constraints = [
            models.CheckConstraint(name="visit_ends_after_start", condition=Q(ends_on__gte=F("starts_on"))),
            models.CheckConstraint(
                name="visit_host_fits_kind",
                condition=Q(kind="other")
                | Q(kind="study_visit", host="mentor")
                | Q(kind="mentoring_visit", host="implementing"),
            ),
        ]

    def __str__(self):
        return gettext("%(visit)s (%(day)s)") % {
            "visit": self.title,
            "day": formats.date_format(self.starts_on, "SHORT_DATE_FORMAT"),
        }

    def get_absolute_url(self):
        return reverse("mentoring:visit", args=[self.pk])

    @property
    def host_city(self):
        return self.pairing.mentor_city if self.host == self.Host.MENTOR else self.pairing.implementing_city

    @property
    def visiting_city(self):
        return self.pairing.implementing_city if self.host == self.Host.MENTOR else self.pairing.mentor_city

    @property
    def title(self):
        return gettext("%(kind)s to %(city)s") % {"kind": self.get_kind_display(), "city": self.host_city}

    @property
    def title_in_sentence(self):
        """The title inside a sentence ("the report of the study visit to Lyon"): each language decides
        whether the kind is written in lower case there."""
        kind = {
            self.Kind.STUDY: pgettext("a visit's kind inside a sentence", "study visit"),
            self.Kind.MENTORING: pgettext("a visit's kind inside a sentence", "mentoring visit"),
        }.get(self.kind) or pgettext("a visit's kind inside a sentence", "other visit")
        return gettext("%(kind)s to %(city)s") % {"kind": kind, "city": self.host_city}

    @property
    def days(self):
        return (self.ends_on - self.starts_on).days + 1

    # A missing reverse one-to-one raises an AttributeError subclass, so getattr's default works.
    @property
    def brief_or_none(self):
        return getattr(self, "brief", None)

    @property
    def report_or_none(self):
        return getattr(self, "report", None)


class AgendaItem(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="agenda_items")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    title = models.CharField(max_length=200)
    place = models.CharField(max_length=200, blank=True)
    speakers = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="agenda_item_ends_after_start",
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
            )
        ]

    def __str__(self):
        return self.title


class Participant(models.Model):
    """A person on the platform, or an external guest known by name and organisation."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="visit_participations"
    )
    guest_name = models.CharField(max_length=150, blank=True)
    organisation = models.CharField(
        max_length=150,
        blank=True,
        help_text=_("The guest's organisation; for people on the platform, their city or team."),
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                name="participant_is_person_or_guest",
                condition=(Q(user__isnull=False, guest_name="") | (Q(user__isnull=True) & ~Q(guest_name=""))),
            ),
            models.UniqueConstraint(
                fields=["visit", "user"], condition=Q(user__isnull=False), name="participant_once_per_visit"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.user.name if self.user_id else self.guest_name

    @property
    def is_guest(self):
        return self.user_id is None


def attachment_path(instance, filename):
    return f"visits/{instance.visit_id}/{filename}"


class Attachment(models.Model):
    """A file of a visit. Served through a view that checks permission, never straight from MEDIA_URL."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    title = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.title


class LearningBrief(models.Model):
    """What the implementing city wants to learn from a visit, written before it."""

    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="brief")
    learning_goals = models.TextField(_("what we want to learn"))
    questions = models.TextField(_("our questions"), blank=True)
    charter_commitments = models.JSONField(
        _("Integrating Cities Charter commitments concerned"),
        default=list,
        blank=True,
        validators=[validate_charter_codes],
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return gettext("Learning-needs brief for %(visit)s") % {"visit": self.visit}

    @property
    def is_draft(self):
        return self.submitted_at is None

    def get_charter_commitments_display(self):
        return [CharterCommitment(code).label for code in self.charter_commitments]


class VisitReport(models.Model):
    """What the host or mentor side learnt and recommends, written after the visit."""

    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="report")
    summary = models.TextField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    is_public = models.BooleanField(
        _("visible to everyone signed in"),
        default=False,
        help_text=_("Otherwise only the pairing, its expert and EUROCITIES."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="report_public_only_when_submitted", condition=Q(is_public=False) | Q(submitted_at__isnull=False)
            )
        ]

    def __str__(self):
        return gettext("Report of the %(visit)s") % {"visit": self.visit}

    def get_absolute_url(self):
        return reverse("mentoring:visit_report", args=[self.visit_id])

    @property
    def is_draft(self):
        return self.submitted_at is None


class PlanSection(models.TextChoices):
    """The sections of a local action plan a recommendation may concern.

    The keys are those of the plan's sections (actionplans.models.Comment.Section); they live here because
    the register is mentoring's and mentoring does not import actionplans."""

    CONTEXT = "context", _("Context and challenge")
    OBJECTIVES = "objectives", _("Objectives, actions and indicators")
    RISKS = "risks", _("Risks and mitigations")
    STAKEHOLDERS = "stakeholders", _("Stakeholders")


class Recommendation(models.Model):
    """A numbered recommendation of the pairing's register, and the implementing city's answer to it.

    It comes either from a visit report (`report`) or from elsewhere, such as the expert partner's review of
    the action plan (`pairing` with an origin label, address and key, written by the app it comes from
    through services.add_recommendations). Exactly one of the two origins is set."""

    class Author(models.TextChoices):
        MENTOR_CITY = "mentor_city", _("Mentor city")
        EXPERT_PARTNER = "expert_partner", _("Expert partner")
        EUROCITIES = "eurocities", _("EUROCITIES")

    class Response(models.TextChoices):
        ADOPT = "adopt", _("Adopt")
        ADAPT = "adapt", _("Adapt")
        DECLINE = "decline", _("Decline")

    class FollowUp(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    report = models.ForeignKey(
        VisitReport, null=True, blank=True, on_delete=models.CASCADE, related_name="recommendations"
    )
    # Another origin than a visit report: the pairing whose register it joins, and where it was written.
    pairing = models.ForeignKey(
        Pairing, null=True, blank=True, on_delete=models.CASCADE, related_name="other_recommendations"
    )
    origin_label = models.CharField(max_length=200, blank=True, help_text=_("e.g. Review of the action plan, round 2"))
    origin_url = models.CharField(max_length=300, blank=True)
    origin_key = models.CharField(
        max_length=100, blank=True, help_text=_("Identifies the origin for the app that wrote it, e.g. review:12.")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    number = models.PositiveSmallIntegerField()
    author = models.CharField(max_length=20, choices=Author.choices)
    text = models.TextField()
    charter_commitment = models.CharField(
        _("Charter commitment"), max_length=2, choices=CharterCommitment.choices, blank=True
    )
    plan_section = models.CharField(
        _("action plan section it concerns"), max_length=20, choices=PlanSection.choices, blank=True
    )
    response = models.CharField(max_length=10, choices=Response.choices, blank=True)
    response_reason = models.TextField(_("reason"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    follow_up = models.CharField(max_length=12, choices=FollowUp.choices, blank=True)
    follow_up_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="recommendation_number_unique_in_report"),
            models.UniqueConstraint(
                fields=["pairing", "origin_key", "number"],
                condition=Q(report__isnull=True),
                name="recommendation_number_unique_in_origin",
            ),
            models.CheckConstraint(
                name="recommendation_has_one_origin",
                condition=Q(report__isnull=False, pairing__isnull=True, origin_key="", origin_label="")
                | (Q(report__isnull=True, pairing__isnull=False) & ~Q(origin_key="") & ~Q(origin_label="")),
            ),
            models.CheckConstraint(name="recommendation_number_positive", condition=Q(number__gte=1)),
            models.CheckConstraint(
                name="recommendation_answer_has_reason", condition=Q(response="") | ~Q(response_reason="")
            ),
            models.CheckConstraint(
                name="recommendation_follow_up_only_when_taken_up",
                condition=Q(follow_up="") | Q(response__in=["adopt", "adapt"]),
            ),
        ]

    def __str__(self):
        return gettext("Recommendation %(number)s") % {"number": self.number}

    @property
    def is_taken_up(self):
        return self.response in (self.Response.ADOPT, self.Response.ADAPT)

    @property
    def register_pairing(self):
        """The pairing whose register it belongs to (select_related report__visit__pairing for visit reports)."""
        return self.report.visit.pairing if self.report_id else self.pairing

    @property
    def is_shared(self):
        """Shared with the implementing city: a submitted report's, or any other origin's (written when shared)."""
        return self.report_id is None or self.report.submitted_at is not None

    @property
    def origin_link(self):
        return self.report.get_absolute_url() if self.report_id else self.origin_url


class CalendarFeed(models.Model):
    """The secret address of an iCalendar feed: a person's visits and deadlines, or a pairing's.

    The token is the only credential (calendar apps cannot sign in), so it is
    long and random, and resetting it makes the old address answer 404."""

    token = models.CharField(max_length=64, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    pairing = models.OneToOneField(
        Pairing, null=True, blank=True, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reset_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="calendar_feed_has_one_owner",
                condition=Q(user__isnull=False, pairing__isnull=True) | Q(user__isnull=True, pairing__isnull=False),
            )
        ]

    def __str__(self):
        return gettext("Calendar feed of %(owner)s") % {"owner": self.user or self.pairing}

    def get_absolute_url(self):
        return reverse("mentoring:calendar_feed", args=[self.token])
