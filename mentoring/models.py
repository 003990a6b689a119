from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse


class Role(models.TextChoices):
    CITY_OFFICER = "city_officer", "City officer"
    ADMINISTRATIVE_APPROVER = "administrative_approver", "City administrative approver"
    POLITICAL_APPROVER = "political_approver", "City political approver"
    EXPERT_PARTNER = "expert_partner", "Expert partner"
    COORDINATOR = "coordinator", "Coordinator staff"

    @classmethod
    def city_roles(cls):
        return [cls.CITY_OFFICER, cls.ADMINISTRATIVE_APPROVER, cls.POLITICAL_APPROVER]

    @classmethod
    def organisation_roles(cls):
        return [cls.EXPERT_PARTNER, cls.COORDINATOR]


class City(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(unique=True)
    local_name = models.CharField(max_length=100, blank=True, help_text="The name in the local language, if different.")
    country = models.CharField(max_length=100)
    iso_code = models.CharField(
        "ISO 3166-1 code",
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{2}$", "Two capital letters, e.g. DE.")],
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "cities"
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
        COORDINATOR = "coordinator", "Coordinator"
        EXPERT_PARTNER = "expert_partner", "Expert partner"

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
        return f"Scheme {self.code}: {self.short_title}"

    def get_absolute_url(self):
        return reverse("mentoring:scheme", args=[self.programme.slug, self.code])


class Pairing(models.Model):
    """One mentor city and one implementing city, working together in a scheme."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        ACTIVE = "active", "Active"
        COMPLETED = "completed", "Completed"

    class Confidence(models.TextChoices):
        HIGH = "H", "Stated by a source"
        MEDIUM = "M", "Inferred from a source"
        LOW = "L", "Illustrative"

    # Copied from the scheme so the database can keep a city to one pairing per programme.
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="pairings", editable=False)
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="pairings")
    mentor_city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="mentor_pairings")
    implementing_city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="implementing_pairings")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    verified = models.BooleanField(
        default=False, help_text="Confirmed by a published source; unverified pairs are illustrative demo data."
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
            raise ValidationError({"implementing_city": "The implementing city must differ from the mentor city."})
        taken = Pairing.objects.filter(programme_id=self.scheme.programme_id).exclude(pk=self.pk)
        for field in ("mentor_city", "implementing_city"):
            city_id = getattr(self, f"{field}_id")
            if taken.filter(Q(mentor_city_id=city_id) | Q(implementing_city_id=city_id)).exists():
                raise ValidationError({field: "This city is already in a pairing of this programme."})

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
