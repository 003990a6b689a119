"""Toolkits, the good-practice library and the Charter self-assessment.

Frames of reference (the Integrating Cities Charter, the European Modules on
Migrant Integration) are reference data loaded by a data migration
(`frames.py`). Toolkits hold the benchmark, key factors, guiding questions and
recommendations; good practices illustrate key factors and are searched in the
library; cities rate themselves against the Charter at baseline and at the end
of a programme, and assess how well a practice would transfer to them.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from mentoring.models import City, Programme, Scheme


class Confidence(models.TextChoices):
    HIGH = "H", _("Stated by a published source")
    MEDIUM = "M", _("Stated indirectly or by a weaker source")


class CharterRole(models.Model):
    """One of the four roles of a city in the Integrating Cities Charter."""

    code = models.SlugField(max_length=30, unique=True)
    name = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return self.name


class CharterCommitment(models.Model):
    """One of the Charter's eleven commitments (P1–P3, S1–S2, E1–E3, B1–B3)."""

    code = models.CharField(max_length=4, unique=True)
    role = models.ForeignKey(CharterRole, on_delete=models.PROTECT, related_name="commitments")
    text = models.TextField()
    confidence = models.CharField(max_length=1, choices=Confidence.choices)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return f"{self.code}: {self.text}"


class EuropeanModule(models.Model):
    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=200)
    confidence = models.CharField(max_length=1, choices=Confidence.choices)
    components_complete = models.BooleanField(
        default=False, help_text=_("False while the list of components is known to be incomplete.")
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return gettext("Module %(number)s: %(title)s") % {"number": self.number, "title": self.title}


class ModuleComponent(models.Model):
    module = models.ForeignKey(EuropeanModule, on_delete=models.PROTECT, related_name="components")
    number = models.PositiveSmallIntegerField(null=True, blank=True)
    title = models.CharField(max_length=200)
    confidence = models.CharField(max_length=1, choices=Confidence.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["module__number", "number", "title"]
        constraints = [models.UniqueConstraint(fields=["module", "title"], name="component_title_unique_in_module")]

    def __str__(self):
        return gettext("Module %(module)s, component %(number)s: %(title)s") % {
            "module": self.module.number,
            "number": self.number or "?",
            "title": self.title,
        }


class Series(models.TextChoices):
    """The project that produced a toolkit series."""

    MIXITIES = "mixities", _("MIXITIES (2012)")
    IMPLEMENTORING = "implementoring", _("ImpleMentoring (2014)")
    CITIES_GROW = "cities-grow", _("CITIES-GROW (2018)")


class Theme(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Toolkit(models.Model):
    """An Integrating Cities toolkit: a benchmark, key factors, guiding questions, good practices."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PILOT = "pilot", _("Pilot")
        FINAL = "final", _("Final")
        PUBLISHED = "published", _("Published")

    title = models.CharField(max_length=250)
    slug = models.SlugField(max_length=120, unique=True)
    series = models.CharField(max_length=20, choices=Series.choices)
    year = models.PositiveSmallIntegerField()
    theme = models.CharField(max_length=150, blank=True)
    scheme = models.ForeignKey(
        Scheme,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="toolkits",
        help_text=_("The mentoring scheme that pilots it; empty for the earlier series."),
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    version = models.PositiveIntegerField(
        default=1, help_text=_("Raised by every edit, so comments name what they read.")
    )
    introduction = models.TextField(blank=True)
    # The benchmark is one statement per toolkit (the standard a city should reach), so it is a
    # field rather than a model of its own.
    benchmark = models.TextField(blank=True, help_text=_("The standard a city should reach."))
    is_demo = models.BooleanField(default=False, help_text=_("Fictional demo content, shown as such."))
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "title"]
        constraints = [
            models.CheckConstraint(
                name="toolkit_state_valid", condition=Q(state__in=["draft", "pilot", "final", "published"])
            ),
            models.CheckConstraint(
                name="toolkit_published_has_date", condition=~Q(state="published") | Q(published_at__isnull=False)
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("toolkits:toolkit", args=[self.slug])


class KeyFactor(models.Model):
    toolkit = models.ForeignKey(Toolkit, on_delete=models.CASCADE, related_name="key_factors")
    position = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=250)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["toolkit", "position", "pk"]

    def __str__(self):
        return self.title


class GuidingQuestion(models.Model):
    """A simple question that guides a city's self-assessment against the benchmark."""

    key_factor = models.ForeignKey(KeyFactor, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=1)
    text = models.TextField()

    class Meta:
        ordering = ["key_factor", "position", "pk"]

    def __str__(self):
        return self.text


class Recommendation(models.Model):
    toolkit = models.ForeignKey(Toolkit, on_delete=models.CASCADE, related_name="recommendations")
    position = models.PositiveSmallIntegerField(default=1)
    text = models.TextField()
    commitments = models.ManyToManyField(CharterCommitment, blank=True, related_name="recommendations")

    class Meta:
        ordering = ["toolkit", "position", "pk"]

    def __str__(self):
        return self.text


class ToolkitComment(models.Model):
    """A city officer's comment on a toolkit during its pilot, on the version they read."""

    toolkit = models.ForeignKey(Toolkit, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="toolkit_comments")
    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="toolkit_comments")
    version = models.PositiveIntegerField()
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author} on {self.toolkit}, version {self.version}"


class Language(models.TextChoices):
    """The language a practice is written in. English text is stemmed for search; the others are
    indexed word for word (PostgreSQL's `simple` configuration), which works for every language."""

    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    FRENCH = "fr", _("French")
    DUTCH = "nl", _("Dutch")
    SPANISH = "es", _("Spanish")
    PORTUGUESE = "pt", _("Portuguese")
    ITALIAN = "it", _("Italian")
    GREEK = "el", _("Greek")
    POLISH = "pl", _("Polish")
    FINNISH = "fi", _("Finnish")
    LATVIAN = "lv", _("Latvian")
    OTHER = "xx", _("Other")


class GoodPractice(models.Model):
    """A city's practice, submitted by its officers, validated by the expert partner, then published."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        VALIDATED = "validated", _("Validated")
        PUBLISHED = "published", _("Published")

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    # A practice of a network city links to it (its officers submit it); a practice from
    # elsewhere in Europe (earlier toolkits) names its city. Both keep name and country here,
    # so the library filters and counts on one table.
    city = models.ForeignKey(City, null=True, blank=True, on_delete=models.PROTECT, related_name="good_practices")
    city_name = models.CharField(max_length=100)
    country_name = models.CharField(max_length=100)
    country_code = models.CharField(_("ISO 3166-1 code"), max_length=2)
    summary = models.TextField(max_length=600)
    description = models.TextField(blank=True, help_text=_("Sanitised HTML."))
    description_text = models.TextField(blank=True, editable=False, help_text=_("The description without markup."))
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.ENGLISH)
    themes = models.ManyToManyField(Theme, blank=True, related_name="practices")
    commitments = models.ManyToManyField(CharterCommitment, blank=True, related_name="practices")
    components = models.ManyToManyField(ModuleComponent, blank=True, related_name="practices")
    key_factors = models.ManyToManyField(KeyFactor, blank=True, related_name="practices")
    scheme = models.ForeignKey(Scheme, null=True, blank=True, on_delete=models.PROTECT, related_name="good_practices")
    series = models.CharField(max_length=20, choices=Series.choices, blank=True)
    results = models.TextField(blank=True)
    evidence = models.TextField(blank=True)
    contact_organisation = models.CharField(max_length=200, blank=True)
    adapted_from = models.ForeignKey(
        to="self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        help_text=_("Another city's practice this one was adapted from."),
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.SUBMITTED)
    is_demo = models.BooleanField(default=False, help_text=_("Fictional demo content, shown as such."))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    validated_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Kept up to date by services.refresh_search_vectors (PostgreSQL only). Its GIN index is
    # created by migration 0002 on PostgreSQL only, so it is not declared in Meta.indexes.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                name="practice_state_valid", condition=Q(state__in=["submitted", "validated", "published"])
            ),
            models.CheckConstraint(
                name="practice_published_has_date", condition=~Q(state="published") | Q(published_at__isnull=False)
            ),
            models.CheckConstraint(name="practice_not_adapted_from_itself", condition=~Q(adapted_from=models.F("pk"))),
        ]
        # The library's and the API's orders over published practices: a page of them is read from an index,
        # not sorted out of the whole table.
        indexes = [
            models.Index(
                fields=["-published_at", "title", "id"],
                condition=Q(state="published"),
                name="practice_published_newest",
            ),
            models.Index(fields=["title", "id"], condition=Q(state="published"), name="practice_published_title"),
            models.Index(
                fields=["city_name", "title", "id"], condition=Q(state="published"), name="practice_published_city"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("toolkits:practice", args=[self.slug])

    @property
    def search_config(self):
        return "english" if self.language == Language.ENGLISH else "simple"


class PracticeLink(models.Model):
    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(max_length=200)
    url = models.URLField(max_length=500)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.title


class Video(models.Model):
    """A video of the practice: a link or an uploaded MP4/WebM file, with a caption or transcript."""

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="videos")
    title = models.CharField(max_length=200)
    url = models.URLField(max_length=500, blank=True)
    file = models.FileField(upload_to="practice-videos/%Y/", blank=True)
    transcript = models.TextField(help_text=_("A caption or transcript, for people who cannot watch or hear it."))

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                name="video_has_url_or_file", condition=(~Q(url="") & Q(file="")) | (Q(url="") & ~Q(file=""))
            ),
            models.CheckConstraint(name="video_has_transcript", condition=~Q(transcript="")),
        ]

    def __str__(self):
        return self.title


class Activity(models.Model):
    """Who moved a toolkit or a practice from one state to another, and when."""

    toolkit = models.ForeignKey(Toolkit, null=True, blank=True, on_delete=models.CASCADE, related_name="activity")
    practice = models.ForeignKey(GoodPractice, null=True, blank=True, on_delete=models.CASCADE, related_name="activity")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=40)
    from_state = models.CharField(max_length=10, blank=True)
    to_state = models.CharField(max_length=10, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name_plural = _("activity")
        constraints = [
            models.CheckConstraint(
                name="activity_has_one_subject",
                condition=(
                    Q(toolkit__isnull=False, practice__isnull=True) | Q(toolkit__isnull=True, practice__isnull=False)
                ),
            )
        ]

    def __str__(self):
        return f"{self.action} by {self.actor} at {self.at:%Y-%m-%d %H:%M}"


class Moment(models.TextChoices):
    BASELINE = "baseline", _("Baseline")
    END = "end", _("End of the programme")


# States and moments inside a sentence ("The toolkit is now published."): their own words, since a
# lower-cased label is wrong in German, where nouns keep their capital.
IN_SENTENCE = {
    "draft": pgettext_lazy("state in a sentence", "draft"),
    "pilot": pgettext_lazy("state in a sentence", "pilot"),
    "final": pgettext_lazy("state in a sentence", "final"),
    "published": pgettext_lazy("state in a sentence", "published"),
    "submitted": pgettext_lazy("state in a sentence", "submitted"),
    "validated": pgettext_lazy("state in a sentence", "validated"),
    "baseline": pgettext_lazy("moment in a sentence", "baseline"),
    "end": pgettext_lazy("moment in a sentence", "end of the programme"),
}


class SelfAssessment(models.Model):
    """A city's rating of itself against the Charter at one moment of a programme."""

    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="self_assessments")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="self_assessments")
    moment = models.CharField(max_length=10, choices=Moment.choices)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["city__name", "moment"]
        constraints = [
            models.UniqueConstraint(fields=["city", "programme", "moment"], name="self_assessment_once_per_moment"),
            models.CheckConstraint(name="self_assessment_moment_valid", condition=Q(moment__in=["baseline", "end"])),
        ]

    def __str__(self):
        return f"{self.city}, {self.get_moment_display()}"


class MaturityLevel(models.IntegerChoices):
    INITIAL = 1, _("1 — not yet addressed")
    DEVELOPING = 2, _("2 — first steps")
    ESTABLISHED = 3, _("3 — in place")
    ADVANCED = 4, _("4 — in place and reviewed")


class CommitmentRating(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="ratings")
    commitment = models.ForeignKey(CharterCommitment, on_delete=models.PROTECT, related_name="ratings")
    level = models.PositiveSmallIntegerField(
        choices=MaturityLevel.choices, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["commitment__position"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "commitment"], name="rating_once_per_commitment"),
            models.CheckConstraint(name="rating_level_1_to_4", condition=Q(level__gte=1, level__lte=4)),
        ]

    def __str__(self):
        return f"{self.commitment.code}: {self.level}"


TRANSFER_DIMENSIONS = ["legal", "financial", "governance", "skills", "stakeholders"]
TRANSFER_DIMENSION_LABELS = {
    "legal": _("legal"),
    "financial": _("financial"),
    "governance": _("governance"),
    "skills": _("skills"),
    "stakeholders": _("stakeholders"),
}


def _score_field():
    return models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])


class TransferabilityAssessment(models.Model):
    """How well a published practice would fit an implementing city's own context (1 = poorly, 5 = well).

    The "adopt into plan" step starts from here: `actionplans.services.adopt_practice_into_plan(*,
    assessment, plan, by)` turns an assessment into a draft action of the city's plan (Action.adopted_from)."""

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="transferability")
    city = models.ForeignKey(City, on_delete=models.PROTECT, related_name="transferability_assessments")
    legal = _score_field()
    legal_note = models.TextField(blank=True)
    financial = _score_field()
    financial_note = models.TextField(blank=True)
    governance = _score_field()
    governance_note = models.TextField(blank=True)
    skills = _score_field()
    skills_note = models.TextField(blank=True)
    stakeholders = _score_field()
    stakeholders_note = models.TextField(blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["practice", "city"], name="transferability_once_per_city"),
            *[
                models.CheckConstraint(
                    name=f"transferability_{name}_1_to_5", condition=Q(**{f"{name}__gte": 1, f"{name}__lte": 5})
                )
                for name in TRANSFER_DIMENSIONS
            ],
        ]

    def __str__(self):
        return f"{self.practice} in {self.city}"

    def scores(self):
        return [(name, getattr(self, name), getattr(self, f"{name}_note")) for name in TRANSFER_DIMENSIONS]

    def labelled_scores(self):
        return [(TRANSFER_DIMENSION_LABELS[name], score, note) for name, score, note in self.scores()]

    @property
    def average(self):
        return sum(getattr(self, name) for name in TRANSFER_DIMENSIONS) / len(TRANSFER_DIMENSIONS)

    @property
    def weakest(self):
        """The dimensions with the lowest score: where adapting the practice needs the most work."""
        low = min(getattr(self, name) for name in TRANSFER_DIMENSIONS)
        return [name for name in TRANSFER_DIMENSIONS if getattr(self, name) == low]

    @property
    def weakest_labels(self):
        return [TRANSFER_DIMENSION_LABELS[name] for name in self.weakest]
