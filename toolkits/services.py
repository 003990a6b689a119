"""Every write to toolkits, good practices and self-assessments.

Each service is atomic, locks the row it changes where two people can race (two
experts validating at once: exactly one wins), checks the permission on the locked
row, and records an Activity entry for state changes. A practice submitted,
validated or published notifies the people concerned (recipients.py) in the
same transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit.models import Action
from audit.services import record
from citiesgrow import uploads
from mentoring.models import Pairing
from mentoring.selectors import scope_of
from notifications.services import notify

from . import recipients
from .models import (
    IN_SENTENCE,
    TRANSFER_DIMENSIONS,
    Activity,
    CharterCommitment,
    CommitmentRating,
    GoodPractice,
    Language,
    PracticeLink,
    SelfAssessment,
    Toolkit,
    ToolkitComment,
    TransferabilityAssessment,
    Video,
)
from .richtext import clean_html, html_to_text
from .rules import officer_city_ids


class TransitionNotAllowed(ValidationError):
    """The object is not in a state that allows this step (someone else may have moved it first)."""


def _require(user, perm, obj):
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionDenied(f"{user} may not {perm.split('.')[-1].replace('_', ' ')}.")


def _unique_slug(model, text, *, exclude_pk=None):
    base = slugify(text)[:100] or "item"
    slug, n = base, 1
    taken = model.objects.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# The search index


def search_vector_expression():
    """Title weighs A, summary B, description C. English practices are stemmed; the others are
    indexed word for word with PostgreSQL's `simple` configuration, which every language fits."""
    from django.contrib.postgres.search import SearchVector

    config = Case(When(language=Language.ENGLISH, then=Value("english")), default=Value("simple"))
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("summary", weight="B", config=config)
        + SearchVector("description_text", weight="C", config=config)
    )


def refresh_search_vectors(practices):
    """Recompute the stored search vector of the given practices (a queryset) in one UPDATE.

    Only on PostgreSQL: on SQLite (`make run`) the library searches with a substring match."""
    if connection.vendor != "postgresql":
        return 0
    return practices.update(search_vector=search_vector_expression())


# Good practices

PRACTICE_FIELDS = {
    "title",
    "summary",
    "description",
    "language",
    "city_name",
    "country_name",
    "country_code",
    "scheme",
    "series",
    "results",
    "evidence",
    "contact_organisation",
    "adapted_from",
    "is_demo",
}
PRACTICE_RELATIONS = {"themes", "commitments", "components", "key_factors"}


def _apply_practice_fields(practice, fields):
    unknown = set(fields) - PRACTICE_FIELDS - PRACTICE_RELATIONS
    if unknown:
        raise ValueError(f"Not a practice field: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        if name in PRACTICE_FIELDS:
            setattr(practice, name, value)
    practice.description = clean_html(practice.description)
    practice.description_text = html_to_text(practice.description)
    if practice.city_id:
        practice.city_name = practice.city.name
        practice.country_name = practice.city.country
        practice.country_code = practice.city.iso_code
    if practice.adapted_from_id and practice.adapted_from_id == practice.pk:
        raise ValidationError({"adapted_from": gettext("A practice cannot be adapted from itself.")})


def _save_practice(practice, fields):
    practice.full_clean(exclude=["slug", "search_vector"])
    practice.save()
    for name in PRACTICE_RELATIONS & set(fields):
        getattr(practice, name).set(fields[name])
    refresh_search_vectors(GoodPractice.objects.filter(pk=practice.pk))


def _scheme_of_city(city):
    pairing = Pairing.objects.filter(Q(mentor_city=city) | Q(implementing_city=city)).select_related("scheme").first()
    return pairing.scheme if pairing else None


@transaction.atomic
def submit_practice(*, by, city=None, fields):
    """A city officer (or a coordinator) submits a practice; the scheme's expert partner validates it next.

    A practice of a network city belongs to the scheme of the city's pairing unless `fields` says otherwise."""
    practice = GoodPractice(city=city, submitted_by=by, state=GoodPractice.State.SUBMITTED)
    if by is not None:
        if city is not None and city.pk not in officer_city_ids(by) and not scope_of(by).is_coordinator:
            raise PermissionDenied("Only the city's officers submit its practices.")
        _require(by, "toolkits.submit_practice", None)
    if city is not None and "scheme" not in fields:
        practice.scheme = _scheme_of_city(city)
    _apply_practice_fields(practice, fields)
    practice.slug = _unique_slug(GoodPractice, f"{practice.city_name} {practice.title}")
    _save_practice(practice, fields)
    Activity.objects.create(practice=practice, actor=by, action="submitted", to_state=practice.state)
    _notify_practice(practice, event="practice.submitted", by=by, people=recipients.validators(practice))
    return practice


NEXT_STEP = {
    "practice.submitted": _("Please check it and validate it as a good practice."),
    "practice.validated": _("It can now be published in the public library."),
    "practice.published": _("It is now in the public good-practice library."),
}


def _notify_practice(practice, *, event, by, people):
    notify(
        recipients=people,
        event=event,
        target=practice,
        actor=by,
        context={
            "target_title": f"{practice.title} ({practice.city_name})",
            "summary": [practice.summary, NEXT_STEP[event]] if practice.summary else [NEXT_STEP[event]],
        },
    )


@transaction.atomic
def update_practice(*, practice, by, fields):
    practice = GoodPractice.objects.select_for_update().get(pk=practice.pk)
    _require(by, "toolkits.edit_practice", practice)
    _apply_practice_fields(practice, fields)
    _save_practice(practice, fields)
    return practice


AUDITED_PRACTICE_STEPS = {"validated": Action.PRACTICE_VALIDATED, "published": Action.PRACTICE_PUBLISHED}


def _move_practice(practice, *, by, perm, to_state, action, **stamps):
    practice = GoodPractice.objects.select_for_update(of=("self",)).select_related("scheme").get(pk=practice.pk)
    expected = {"validated": GoodPractice.State.SUBMITTED, "published": GoodPractice.State.VALIDATED}[action]
    if practice.state != expected:
        raise TransitionNotAllowed(
            gettext("The practice is %(state)s, not %(expected)s.")
            % {"state": IN_SENTENCE[practice.state], "expected": IN_SENTENCE[expected]}
        )
    _require(by, perm, practice)
    from_state = practice.state
    practice.state = to_state
    for name, value in stamps.items():
        setattr(practice, name, value)
    practice.save()
    Activity.objects.create(practice=practice, actor=by, action=action, from_state=from_state, to_state=to_state)
    record(AUDITED_PRACTICE_STEPS[action], actor=by, target=practice, from_state=from_state, to_state=to_state)
    _notify_practice(practice, event=f"practice.{action}", by=by, people=recipients.submitters(practice))
    return practice


@transaction.atomic
def validate_practice(*, practice, by):
    """The expert partner of the practice's scheme (or a coordinator) confirms it is a good practice."""
    return _move_practice(
        practice,
        by=by,
        perm="toolkits.validate_practice",
        to_state=GoodPractice.State.VALIDATED,
        action="validated",
        validated_by=by,
        validated_at=timezone.now(),
    )


@transaction.atomic
def publish_practice(*, practice, by):
    """A coordinator or the scheme's expert partner publishes a validated practice to the public library."""
    return _move_practice(
        practice,
        by=by,
        perm="toolkits.publish_practice",
        to_state=GoodPractice.State.PUBLISHED,
        action="published",
        published_at=timezone.now(),
    )


@transaction.atomic
def add_practice_link(*, practice, by, title, url):
    _require(by, "toolkits.edit_practice", practice)
    link = PracticeLink(practice=practice, title=title, url=url)
    link.full_clean()
    link.save()
    return link


VIDEO = uploads.Accepts(
    kinds=(uploads.MP4, uploads.WEBM),
    max_bytes_setting="VIDEO_MAX_UPLOAD_BYTES",
    too_large=_("The video is larger than %(limit)s; link to it instead."),
    not_a_kind=_("Upload an MP4 or WebM video; this file is neither."),
)


@uploads.atomic()
def add_practice_video(*, practice, by, title, transcript, url="", file=None):
    """A video is a link or an uploaded MP4/WebM file (checked by its content, not its name), always
    with a caption or transcript."""
    _require(by, "toolkits.edit_practice", practice)
    if bool(url) == bool(file):
        raise ValidationError(gettext("Give either a link to the video or a file, not both."))
    if file:
        VIDEO.check(file)
    video = Video(practice=practice, title=title, url=url, transcript=transcript)
    if file:
        uploads.save(video.file, file.name, file)
    video.full_clean()
    video.save()
    return video


# Toolkits

TOOLKIT_FIELDS = {"title", "theme", "introduction", "benchmark"}


@transaction.atomic
def update_toolkit(*, toolkit, by, fields):
    """The scheme's expert partner (or a coordinator) edits a toolkit in draft or pilot; every edit raises
    its version, so pilot comments say which version they were made on."""
    toolkit = Toolkit.objects.select_for_update(of=("self",)).select_related("scheme").get(pk=toolkit.pk)
    _require(by, "toolkits.edit_toolkit", toolkit)
    unknown = set(fields) - TOOLKIT_FIELDS
    if unknown:
        raise ValueError(f"Not a toolkit field: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(toolkit, name, value)
    toolkit.version += 1
    toolkit.full_clean()
    toolkit.save()
    return toolkit


TOOLKIT_STEPS = {
    # action: (from state, to state, permission)
    "start_pilot": (Toolkit.State.DRAFT, Toolkit.State.PILOT, "toolkits.start_pilot"),
    "finalise": (Toolkit.State.PILOT, Toolkit.State.FINAL, "toolkits.finalise_toolkit"),
    "publish": (Toolkit.State.FINAL, Toolkit.State.PUBLISHED, "toolkits.publish_toolkit"),
}


@transaction.atomic
def move_toolkit(*, toolkit, by, action):
    """draft → pilot (expert partner or coordinator) → final → published (coordinators)."""
    if action not in TOOLKIT_STEPS:
        raise TransitionNotAllowed(gettext("Unknown step: %(action)s.") % {"action": action})
    from_state, to_state, perm = TOOLKIT_STEPS[action]
    toolkit = Toolkit.objects.select_for_update(of=("self",)).select_related("scheme").get(pk=toolkit.pk)
    if toolkit.state != from_state:
        raise TransitionNotAllowed(
            gettext("The toolkit is %(state)s; this step needs it %(needed)s.")
            % {"state": IN_SENTENCE[toolkit.state], "needed": IN_SENTENCE[from_state]}
        )
    _require(by, perm, toolkit)
    toolkit.state = to_state
    if to_state == Toolkit.State.PUBLISHED:
        toolkit.published_at = timezone.now()
    toolkit.save()
    Activity.objects.create(toolkit=toolkit, actor=by, action=action, from_state=from_state, to_state=to_state)
    if to_state == Toolkit.State.PUBLISHED:
        record(Action.TOOLKIT_PUBLISHED, actor=by, target=toolkit, from_state=from_state, version=toolkit.version)
    return toolkit


def start_pilot(*, toolkit, by):
    return move_toolkit(toolkit=toolkit, by=by, action="start_pilot")


def finalise_toolkit(*, toolkit, by):
    return move_toolkit(toolkit=toolkit, by=by, action="finalise")


def publish_toolkit(*, toolkit, by):
    return move_toolkit(toolkit=toolkit, by=by, action="publish")


@transaction.atomic
def comment_on_toolkit(*, toolkit, by, body):
    """A city officer of the scheme comments on the pilot version they read."""
    toolkit = Toolkit.objects.select_for_update(of=("self",)).select_related("scheme").get(pk=toolkit.pk)
    _require(by, "toolkits.comment_toolkit", toolkit)
    body = body.strip()
    if not body:
        raise ValidationError({"body": gettext("Write a comment.")})
    city_ids = officer_city_ids(by)
    pairing = Pairing.objects.filter(scheme_id=toolkit.scheme_id).select_related("mentor_city", "implementing_city")
    city = next(
        c for p in pairing for c in (p.mentor_city, p.implementing_city) if c.pk in city_ids
    )  # the permission guarantees one
    return ToolkitComment.objects.create(toolkit=toolkit, author=by, city=city, version=toolkit.version, body=body)


# Charter self-assessment


@transaction.atomic
def save_self_assessment(*, city, programme, moment, by, ratings):
    """A city officer records the city's maturity (1–4, with evidence) on the Charter's commitments.

    `ratings` maps a commitment code ("P1") to (level, evidence). The assessment row is locked so two
    officers saving at once do not interleave their ratings."""
    if by is not None:
        _require(by, "toolkits.edit_self_assessment", city)
    assessment, _ = SelfAssessment.objects.get_or_create(city=city, programme=programme, moment=moment)
    assessment = SelfAssessment.objects.select_for_update().get(pk=assessment.pk)
    commitments = {c.code: c for c in CharterCommitment.objects.filter(code__in=ratings)}
    errors = {}
    for code, (level, _evidence) in ratings.items():
        if code not in commitments:
            errors[code] = gettext("%(code)s is not a Charter commitment.") % {"code": code}
        elif level is not None and not (isinstance(level, int) and 1 <= level <= 4):
            errors[code] = gettext("The maturity level of %(code)s must be between 1 and 4.") % {"code": code}
    if errors:
        raise ValidationError(errors)
    for code, (level, evidence) in ratings.items():
        if level is None:
            CommitmentRating.objects.filter(assessment=assessment, commitment=commitments[code]).delete()
            continue
        CommitmentRating.objects.update_or_create(
            assessment=assessment, commitment=commitments[code], defaults={"level": level, "evidence": evidence or ""}
        )
    assessment.updated_by = by
    assessment.save()
    return assessment


# Transferability


@transaction.atomic
def assess_transferability(*, practice, city, by, scores):
    """An officer of an implementing city rates how well a published practice fits its own context.

    `scores` maps each of legal, financial, governance, skills and stakeholders to (score 1–5, note).
    Saving again replaces the city's earlier assessment. Next step:
    `actionplans.services.adopt_practice_into_plan(*, assessment, plan, by)` turns the assessment into a
    draft action of the city's plan."""
    if by is not None:
        _require(by, "toolkits.assess_transferability", practice)
        if city.pk not in officer_city_ids(by):
            raise PermissionDenied("Only the city's officers assess for the city.")
    if city.pk == practice.city_id:
        raise ValidationError(gettext("A city assesses other cities' practices, not its own."))
    missing = set(TRANSFER_DIMENSIONS) - set(scores)
    if missing:
        raise ValidationError(
            gettext("Score every dimension; missing: %(missing)s.") % {"missing": ", ".join(sorted(missing))}
        )
    values = {}
    for name in TRANSFER_DIMENSIONS:
        score, note = scores[name]
        if not (isinstance(score, int) and 1 <= score <= 5):
            raise ValidationError({name: gettext("A score is between 1 and 5.")})
        values[name], values[f"{name}_note"] = score, note or ""
    assessment, _ = TransferabilityAssessment.objects.select_for_update().update_or_create(
        practice=practice, city=city, defaults={**values, "assessed_by": by}
    )
    return assessment
