"""The local action plan of an implementing city, and everything that happens to it.

Editable parts (the plan's own sections, objectives, actions, indicators,
risks) carry a `lock_version` for optimistic locking: a save names the version
it was made from, and a save made from an outdated version is refused
(services.update_item).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentoring.models import Pairing


class CharterCommitment(models.TextChoices):
    """The 11 commitments of the Integrating Cities Charter.

    Codes only for now: the toolkits app will own the Charter and its texts."""

    P1 = "P1", _("P1 — communicate the commitment to equal opportunities (policy-maker)")
    P2 = "P2", _("P2 — equal access and non-discrimination across policies (policy-maker)")
    P3 = "P3", _("P3 — involve migrant communities in policy-making (policy-maker)")
    S1 = "S1", _("S1 — equal access to services (service provider)")
    S2 = "S2", _("S2 — services understand and meet migrants' needs (service provider)")
    E1 = "E1", _("E1 — a workforce that reflects the city's diversity (employer)")
    E2 = "E2", _("E2 — fair and equal treatment of all staff (employer)")
    E3 = "E3", _("E3 — staff understand and respect diversity (employer)")
    B1 = "B1", _("B1 — equality and diversity in procurement (buyer)")
    B2 = "B2", _("B2 — equality and diversity among contractors (buyer)")
    B3 = "B3", _("B3 — a diverse supplier base (buyer)")


class PlanState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    RESUBMITTED = "resubmitted", _("Resubmitted for review")
    RECOMMENDED = "recommended", _("Recommended by the expert partner")
    APPROVED = "approved", _("Approved by the administration")
    ENDORSED = "endorsed", _("Endorsed")
    IN_IMPLEMENTATION = "in_implementation", _("In implementation")

    @classmethod
    def editable(cls):
        return [cls.DRAFT, cls.CHANGES_REQUESTED]

    @classmethod
    def awaiting_review(cls):
        return [cls.SUBMITTED, cls.RESUBMITTED]

    @classmethod
    def public(cls):
        return [cls.ENDORSED, cls.IN_IMPLEMENTATION]


class ActionPlanQuerySet(models.QuerySet):
    def public(self):
        return self.filter(state__in=PlanState.public())


class ActionPlan(models.Model):
    pairing = models.OneToOneField(Pairing, on_delete=models.PROTECT, related_name="action_plan")
    title = models.CharField(max_length=200)
    state = models.CharField(max_length=20, choices=PlanState.choices, default=PlanState.DRAFT, editable=False)
    state_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    # Section "context and challenge"
    gap = models.TextField(_("the gap the plan closes"), blank=True)
    context = models.TextField(_("local context"), blank=True)
    charter_commitments = models.JSONField(
        _("Integrating Cities Charter commitments"), default=list, blank=True, help_text=_("Codes such as P1 or S2.")
    )
    # Section "stakeholders involved in drafting"
    stakeholders = models.TextField(_("stakeholders involved in drafting"), blank=True)
    lock_version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        ordering = ["pairing__scheme__code", "pairing__implementing_city__name"]
        constraints = [
            models.CheckConstraint(name="actionplan_state_valid", condition=Q(state__in=PlanState.values)),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("actionplans:plan", args=[self.pk])

    @property
    def is_editable(self):
        return self.state in PlanState.editable()

    @property
    def is_public(self):
        return self.state in PlanState.public()

    @property
    def is_awaiting_review(self):
        return self.state in PlanState.awaiting_review()

    @property
    def in_implementation(self):
        return self.state == PlanState.IN_IMPLEMENTATION

    def get_charter_commitments_display(self):
        labels = dict(CharterCommitment.choices)
        return [labels.get(code, code) for code in self.charter_commitments]


class Objective(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="objectives")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)
    lock_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class Action(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DELAYED = "delayed", _("Delayed")
        CANCELLED = "cancelled", _("Cancelled")

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    responsible_body = models.CharField(max_length=200, blank=True, help_text=_("Who owns the action."))
    partners = models.CharField(max_length=300, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    budget_eur = models.DecimalField(
        _("budget (€)"), max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    funding_source = models.CharField(max_length=200, blank=True)
    staff_effort_days = models.DecimalField(
        _("staff effort (person-days)"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    position = models.PositiveIntegerField(default=0)
    lock_version = models.PositiveIntegerField(default=1, editable=False)
    charter_commitment = models.CharField(
        _("Charter commitment it works on"),
        max_length=2,
        choices=CharterCommitment.choices,
        blank=True,
        editable=False,
        help_text=_("Set when the action was started from a gap of the city's Charter self-assessment."),
    )
    # The good practice of another city the action adapts (services.adopt_practice_into_plan). A string
    # reference: toolkits never imports actionplans, it reads the adoptions through `adopting_actions`.
    adopted_from = models.ForeignKey(
        to="toolkits.GoodPractice",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adopting_actions",
        editable=False,
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                name="action_ends_after_start",
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
            ),
            models.CheckConstraint(
                name="action_budget_not_negative", condition=Q(budget_eur__isnull=True) | Q(budget_eur__gte=0)
            ),
            models.CheckConstraint(
                name="action_effort_not_negative",
                condition=Q(staff_effort_days__isnull=True) | Q(staff_effort_days__gte=0),
            ),
            models.CheckConstraint(name="action_progress_0_100", condition=Q(progress__gte=0, progress__lte=100)),
        ]

    def __str__(self):
        return self.title


class Indicator(models.Model):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=60, help_text=_("e.g. people, %, companies"))
    baseline = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target_date = models.DateField(null=True, blank=True)
    lock_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["pk"]
        constraints = [models.CheckConstraint(name="indicator_has_unit", condition=~Q(unit=""))]

    def __str__(self):
        return f"{self.name} ({self.unit})"


class Risk(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="risks")
    description = models.CharField(_("risk"), max_length=300)
    mitigation = models.TextField(blank=True)
    lock_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.description


class ProgressUpdate(models.Model):
    """An action's progress reported during implementation."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_updates")
    progress = models.PositiveSmallIntegerField(validators=[MinValueValidator(0), MaxValueValidator(100)])
    status = models.CharField(max_length=12, choices=Action.Status.choices)
    note = models.TextField(blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-reported_at", "-pk"]
        constraints = [
            models.CheckConstraint(name="progressupdate_0_100", condition=Q(progress__gte=0, progress__lte=100))
        ]

    def __str__(self):
        return f"{self.action}: {self.progress} %"


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["measured_on", "pk"]

    def __str__(self):
        return gettext("%(indicator)s: %(value)s on %(date)s") % {
            "indicator": self.indicator,
            "value": self.value,
            "date": self.measured_on,
        }


class PlanVersion(models.Model):
    """A frozen copy of the plan, taken at each submission and decision."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    state = models.CharField(max_length=20, choices=PlanState.choices)
    reason = models.CharField(max_length=100)
    snapshot = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="planversion_number_unique")]

    def __str__(self):
        return gettext("Version %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        return reverse("actionplans:version", args=[self.plan_id, self.number])


REVIEW_CRITERIA = [
    ("relevance", _("Relevance to the city's gap")),
    ("feasibility", _("Feasibility")),
    ("resources", _("Resources")),
    ("indicators", _("Indicators")),
    ("stakeholders", _("Stakeholder involvement")),
]


class Review(models.Model):
    """The expert partner's review of one submitted version."""

    class Outcome(models.TextChoices):
        CHANGES_REQUESTED = "changes_requested", _("Request changes")
        RECOMMENDED = "recommended", _("Recommend")
        RECOMMENDED_WITH_CONDITIONS = "recommended_with_conditions", _("Recommend with conditions")

    CRITERIA = REVIEW_CRITERIA

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="reviews")
    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    relevance_score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    relevance_comment = models.TextField(blank=True)
    feasibility_score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    feasibility_comment = models.TextField(blank=True)
    resources_score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    resources_comment = models.TextField(blank=True)
    indicators_score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    indicators_comment = models.TextField(blank=True)
    stakeholders_score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    stakeholders_comment = models.TextField(blank=True)
    recommendations = models.TextField(
        blank=True,
        help_text=_("What the city should do, one per line; each joins the pairing's recommendation register."),
    )
    outcome = models.CharField(max_length=30, choices=Outcome.choices)
    conditions = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name=f"review_{criterion}_score_1_5",
                condition=Q(**{f"{criterion}_score__gte": 1, f"{criterion}_score__lte": 5}),
            )
            for criterion, _label in REVIEW_CRITERIA
        ] + [
            models.CheckConstraint(
                name="review_conditions_when_conditional",
                condition=~Q(outcome="recommended_with_conditions") | ~Q(conditions=""),
            )
        ]

    def __str__(self):
        return gettext("Review of %(plan)s: %(outcome)s") % {"plan": self.plan, "outcome": self.get_outcome_display()}

    def scores(self):
        return [
            (label, getattr(self, f"{criterion}_score"), getattr(self, f"{criterion}_comment"))
            for criterion, label in self.CRITERIA
        ]

    @property
    def average_score(self):
        values = [getattr(self, f"{criterion}_score") for criterion, _label in self.CRITERIA]
        return sum(values) / len(values)


def decision_document_path(instance, filename):
    return f"actionplans/{instance.plan_id}/{instance.kind}-{timezone.now():%Y%m%d%H%M%S}.pdf"


class Decision(models.Model):
    """The city's administrative approval or political endorsement of the plan."""

    class Kind(models.TextChoices):
        APPROVAL = "approval", _("Administrative approval")
        ENDORSEMENT = "endorsement", _("Political endorsement")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.CharField(_("decision body"), max_length=200, help_text=_("e.g. Directorate of Social Affairs"))
    decided_on = models.DateField(_("date of the decision"))
    reference = models.CharField(_("reference number"), max_length=100)
    document = models.FileField(_("signed document (PDF)"), upload_to=decision_document_path, blank=True)
    conditions = models.TextField(blank=True)
    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="decisions")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recorded_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "kind"], name="decision_one_of_each_kind_per_plan")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.body}, {self.reference}"


class Comment(models.Model):
    class Section(models.TextChoices):
        GENERAL = "general", _("The whole plan")
        CONTEXT = "context", _("Context and challenge")
        OBJECTIVES = "objectives", _("Objectives, actions and indicators")
        RISKS = "risks", _("Risks and mitigations")
        STAKEHOLDERS = "stakeholders", _("Stakeholders")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(max_length=20, choices=Section.choices, default=Section.GENERAL)
    parent = models.ForeignKey(to="self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField()
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="plan_comment_mentions")
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return gettext("Comment by %(author)s on %(section)s") % {
            "author": self.author,
            "section": self.get_section_display(),
        }

    @property
    def is_resolved(self):
        return self.resolved_at is not None


class Transition(models.Model):
    """The audit trail: every change of a plan's state."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(max_length=20, choices=PlanState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=PlanState.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_state or 'new'} → {self.to_state}"


class Event(models.Model):
    """Something people should hear about, written in the transaction that caused it.

    The notification capability will deliver undelivered events (in-app and
    e-mail); until then they are the record of who should have been told."""

    name = models.CharField(max_length=60)
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="plan_events")
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["delivered_at"], name="event_undelivered_idx")]

    def __str__(self):
        return f"{self.name} on {self.plan}"
