"""Writes of the mentoring app: visits, briefs, reports, recommendations, calendar feeds.

Every function is keyword-only, runs in one transaction and raises
ValidationError (keyed by form field where there is one) for bad input, so
that nothing is saved and the view can show the message at the field.
Permission is checked by the views through mentoring/rules.py; the one rule a
service enforces itself is the one that must hold however it is called: only
the implementing city answers a recommendation. Visits planned, changed or
cancelled, briefs and reports submitted notify the people concerned
(recipients.py) in the same transaction."""

import datetime
import secrets

import rules
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, gettext_lazy, ngettext

from citiesgrow import uploads
from notifications.rendering import language_of
from notifications.services import notify

from . import recipients
from .models import (
    AgendaItem,
    Attachment,
    CalendarFeed,
    LearningBrief,
    Membership,
    Pairing,
    Participant,
    PlanSection,
    Recommendation,
    Role,
    Visit,
    VisitReport,
)

# The status a person may move a visit to, from each status. "Reported" follows the report's submission.
STATUS_STEPS = {
    Visit.Status.PLANNED: {Visit.Status.CONFIRMED, Visit.Status.HELD, Visit.Status.CANCELLED},
    Visit.Status.CONFIRMED: {Visit.Status.PLANNED, Visit.Status.HELD, Visit.Status.CANCELLED},
    Visit.Status.HELD: set(),
    Visit.Status.REPORTED: set(),
    Visit.Status.CANCELLED: set(),
}


def _day(day):
    return formats.date_format(day, "DATE_FORMAT")


def _when(visit):
    if visit.starts_on == visit.ends_on:
        return _day(visit.starts_on)
    return gettext("%(first_day)s to %(last_day)s") % {
        "first_day": _day(visit.starts_on),
        "last_day": _day(visit.ends_on),
    }


def _notify_visit(*, visit, event, by, summary=list, items=None, url=None):
    """Tell the people of a visit (recipients.py) what happened to it, each in their own language:
    `summary` returns the lines to add, and is called once per language."""
    pairing = visit.pairing
    people = {
        "visit.brief_submitted": recipients.brief_readers,
        "visit.report_submitted": recipients.report_readers,
    }.get(event, recipients.visit_announcement)(visit)
    by_language = {}
    for person in people:
        by_language.setdefault(language_of(person), []).append(person)
    for language, group in by_language.items():
        with translation.override(language):
            context = {
                "target_title": f"{visit.title} ({pairing})",
                "summary": [gettext("%(visit)s, %(when)s.") % {"visit": visit.title, "when": _when(visit)}, *summary()],
            }
            if items:
                context["items"] = items
            if url:
                context["url"] = url
            notify(recipients=group, event=event, target=visit, actor=by, context=context)


def _check_visit_fields(*, pairing, kind, host, starts_on, ends_on):
    errors = {}
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = gettext("The last day cannot be before the first day.")
    programme = pairing.scheme.programme
    for name, day in (("starts_on", starts_on), ("ends_on", ends_on)):
        if day and not (programme.starts_on <= day <= programme.ends_on) and name not in errors:
            errors[name] = gettext("Visits take place within %(programme)s: %(first_day)s to %(last_day)s.") % {
                "programme": programme.name,
                "first_day": _day(programme.starts_on),
                "last_day": _day(programme.ends_on),
            }
    if kind == Visit.Kind.STUDY and host != Visit.Host.MENTOR:
        errors["host"] = gettext("A study visit is hosted by the mentor city, %(city)s.") % {
            "city": pairing.mentor_city
        }
    elif kind == Visit.Kind.MENTORING and host != Visit.Host.IMPLEMENTING:
        errors["host"] = gettext("A mentoring visit is hosted by the implementing city, %(city)s.") % {
            "city": pairing.implementing_city
        }
    if errors:
        raise ValidationError(errors)


def _default_due_dates(*, starts_on, ends_on, brief_due_on, report_due_on):
    if brief_due_on is None:
        brief_due_on = starts_on - datetime.timedelta(days=settings.VISIT_BRIEF_DAYS_BEFORE)
    if report_due_on is None:
        report_due_on = ends_on + datetime.timedelta(days=settings.VISIT_REPORT_DAYS_AFTER)
    return brief_due_on, report_due_on


VISIT_FIELDS = (
    "kind",
    "host",
    "starts_on",
    "ends_on",
    "topics",
    "practical_notes",
    "dates_note",
    "source_url",
    "brief_due_on",
    "report_due_on",
)


def plan_visit(
    *,
    pairing,
    by,
    kind,
    host,
    starts_on,
    ends_on,
    topics="",
    practical_notes="",
    dates_note="",
    source_url="",
    brief_due_on=None,
    report_due_on=None,
):
    """Plan a visit of a pairing. Deadlines default to a brief before and a report after the visit."""
    _check_visit_fields(pairing=pairing, kind=kind, host=host, starts_on=starts_on, ends_on=ends_on)
    brief_due_on, report_due_on = _default_due_dates(
        starts_on=starts_on, ends_on=ends_on, brief_due_on=brief_due_on, report_due_on=report_due_on
    )
    with transaction.atomic():
        visit = Visit.objects.create(
            pairing=pairing,
            kind=kind,
            host=host,
            starts_on=starts_on,
            ends_on=ends_on,
            topics=topics,
            practical_notes=practical_notes,
            dates_note=dates_note,
            source_url=source_url,
            brief_due_on=brief_due_on,
            report_due_on=report_due_on,
            created_by=by,
        )
        _notify_visit(visit=visit, event="visit.planned", by=by, summary=lambda: [visit.topics] if visit.topics else [])
    return visit


def update_visit(*, visit, by, **fields):
    unknown = set(fields) - set(VISIT_FIELDS)
    if unknown:
        raise TypeError(f"update_visit() got unexpected fields: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        visit = Visit.objects.select_for_update().select_related("pairing__scheme__programme").get(pk=visit.pk)
        before = {name: getattr(visit, name) for name in VISIT_FIELDS}
        for name, value in fields.items():
            setattr(visit, name, value)
        _check_visit_fields(
            pairing=visit.pairing, kind=visit.kind, host=visit.host, starts_on=visit.starts_on, ends_on=visit.ends_on
        )
        visit.brief_due_on, visit.report_due_on = _default_due_dates(
            starts_on=visit.starts_on,
            ends_on=visit.ends_on,
            brief_due_on=visit.brief_due_on,
            report_due_on=visit.report_due_on,
        )
        visit.save()
        changed = [name for name in VISIT_FIELDS if before[name] != getattr(visit, name)]
        if changed:
            _notify_visit(
                visit=visit,
                event="visit.changed",
                by=by,
                summary=lambda: [_change(name, before[name], getattr(visit, name)) for name in changed],
            )
    return visit


# How the notifications name the fields that have no verbose name of their own.
CHANGE_LABELS = {
    "kind": gettext_lazy("kind"),
    "topics": gettext_lazy("topics"),
    "practical_notes": gettext_lazy("practical notes"),
    "dates_note": gettext_lazy("note on the dates"),
    "source_url": gettext_lazy("source address"),
}


def _change(name, old, new):
    """A line saying how one field of a visit changed."""
    label = CHANGE_LABELS.get(name) or Visit._meta.get_field(name).verbose_name
    if isinstance(new, datetime.date):
        old = _day(old) if old else gettext("none")
        return gettext("The %(field)s moved from %(old)s to %(new)s.") % {"field": label, "old": old, "new": _day(new)}
    if name in ("kind", "host"):
        value = dict(Visit._meta.get_field(name).choices)[new]
        return gettext("The %(field)s is now %(value)s.") % {"field": label, "value": _in_sentence(value)}
    return gettext("The %(field)s changed.") % {"field": label}


def _in_sentence(label):
    """A choice's label inside an English sentence is in lower case; other languages keep their capitals."""
    return label.lower() if (translation.get_language() or "en").startswith("en") else label


def change_visit_status(*, visit, by, status):
    """Confirm a planned visit, cancel it, or record that it was held. Atomic; a visit is held on or after its
    first day. Confirming and cancelling notify the people of the visit."""
    with transaction.atomic():
        visit = Visit.objects.select_for_update(of=("self",)).select_related("pairing__scheme").get(pk=visit.pk)
        if status == visit.status:
            return visit
        if status not in STATUS_STEPS[visit.status]:
            raise ValidationError(
                {
                    "status": gettext("A %(status)s visit cannot become %(wanted)s.")
                    % {
                        "status": _in_sentence(visit.get_status_display()),
                        "wanted": _in_sentence(Visit.Status(status).label),
                    }
                }
            )
        if status == Visit.Status.HELD and visit.starts_on > timezone.localdate():
            raise ValidationError({"status": gettext("A visit can be marked as held from its first day on.")})
        visit.status = status
        visit.save(update_fields=["status", "updated_at"])
        if status == Visit.Status.CANCELLED:
            _notify_visit(
                visit=visit, event="visit.cancelled", by=by, summary=lambda: [gettext("The visit was cancelled.")]
            )
        elif status == Visit.Status.CONFIRMED:
            _notify_visit(
                visit=visit, event="visit.changed", by=by, summary=lambda: [gettext("The visit is now confirmed.")]
            )
        elif status == Visit.Status.PLANNED:
            _notify_visit(
                visit=visit,
                event="visit.changed",
                by=by,
                summary=lambda: [gettext("The visit is now planned, no longer confirmed.")],
            )
    return visit


def add_agenda_item(*, visit, by, starts_at, title, ends_at=None, place="", speakers=""):
    errors = {}
    first_day, last_day = visit.starts_on, visit.ends_on
    day = timezone.localtime(starts_at).date() if timezone.is_aware(starts_at) else starts_at.date()
    if not first_day <= day <= last_day:
        errors["starts_at"] = gettext("The visit runs from %(first_day)s to %(last_day)s.") % {
            "first_day": _day(first_day),
            "last_day": _day(last_day),
        }
    if ends_at is not None and ends_at < starts_at:
        errors["ends_at"] = gettext("An agenda item cannot end before it starts.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return AgendaItem.objects.create(
            visit=visit, starts_at=starts_at, ends_at=ends_at, title=title, place=place, speakers=speakers
        )


def remove_agenda_item(*, item, by):
    with transaction.atomic():
        item.delete()


def _affiliation(user, pairing):
    """How a person on the platform takes part in the pairing's visits, or None if they are not part of it.
    Stored with the participant, so written in the platform's language, whoever adds them."""
    with translation.override(settings.LANGUAGE_CODE):
        return _affiliation_text(user, pairing)


def _affiliation_text(user, pairing):
    memberships = Membership.objects.filter(user=user).select_related("city", "organisation")
    for membership in memberships:
        if membership.city_id == pairing.mentor_city_id:
            return gettext("%(city)s (mentor city)") % {"city": membership.city}
        if membership.city_id == pairing.implementing_city_id:
            return gettext("%(city)s (implementing city)") % {"city": membership.city}
        if membership.organisation_id == pairing.scheme.facilitator_id:
            organisation = membership.organisation.short_name or membership.organisation
            return gettext("%(organisation)s (expert partner)") % {"organisation": organisation}
        if membership.role == Role.COORDINATOR:
            return f"{membership.organisation.short_name or membership.organisation}"
    return None


def add_participant(*, visit, by, user=None, guest_name="", organisation=""):
    """Add a person of the pairing, its expert partner or EUROCITIES, or an external guest by name."""
    guest_name, organisation = guest_name.strip(), organisation.strip()
    if (user is None) == (not guest_name):
        raise ValidationError(
            {"user": gettext("Choose a person on the platform, or give a guest's name — one of the two.")}
        )
    if user is not None:
        affiliation = _affiliation(user, visit.pairing)
        if affiliation is None:
            raise ValidationError(
                {
                    "user": gettext(
                        "%(person)s is not part of this pairing (%(pairing)s), its expert partner or EUROCITIES. "
                        "Add them as a guest, with their name and organisation."
                    )
                    % {"person": user, "pairing": visit.pairing}
                }
            )
        if Participant.objects.filter(visit=visit, user=user).exists():
            raise ValidationError({"user": gettext("%(person)s already takes part in this visit.") % {"person": user}})
        organisation = affiliation
    elif not organisation:
        raise ValidationError({"organisation": gettext("Give the guest's organisation.")})
    with transaction.atomic():
        return Participant.objects.create(visit=visit, user=user, guest_name=guest_name, organisation=organisation)


def remove_participant(*, participant, by):
    with transaction.atomic():
        participant.delete()


VISIT_ATTACHMENT = uploads.Accepts(
    kinds=(uploads.PDF, uploads.PNG, uploads.JPEG, uploads.DOCX, uploads.XLSX, uploads.PPTX),
    max_bytes_setting="VISIT_ATTACHMENT_MAX_BYTES",
    too_large=gettext_lazy("The file is %(size)s; the limit is %(limit)s."),
    wrong_name=gettext_lazy("Upload a %(kinds)s file."),
    not_a_kind=gettext_lazy(
        "The file's name says .%(extension)s, but its content is not a %(kind)s file. Upload a %(kinds)s file."
    ),
    label=gettext_lazy("PDF, DOCX, XLSX, PPTX, PNG or JPEG"),
)


def add_attachment(*, visit, by, file, title=""):
    """Store a file of the visit after checking its size and what its bytes say it is."""
    content_type = VISIT_ATTACHMENT.check(file, field="file").content_type
    attachment = Attachment(
        visit=visit,
        title=(title.strip() or file.name)[: Attachment._meta.get_field("title").max_length],
        content_type=content_type,
        size=file.size,
        uploaded_by=by,
    )
    with uploads.atomic():
        uploads.save(attachment.file, file.name, file)
        attachment.save()
    return attachment


def remove_attachment(*, attachment, by):
    with transaction.atomic():
        attachment.delete()
        transaction.on_commit(lambda: attachment.file.delete(save=False))


def save_brief(*, visit, by, learning_goals, questions="", charter_commitments=(), submit=False):
    """Write or update the implementing city's learning-needs brief; `submit` shares it as final."""
    if not learning_goals.strip():
        raise ValidationError({"learning_goals": gettext("Say what your city wants to learn from this visit.")})
    with transaction.atomic():
        visit = Visit.objects.select_for_update(of=("self",)).select_related("pairing__scheme").get(pk=visit.pk)
        brief = LearningBrief.objects.filter(visit=visit).first() or LearningBrief(visit=visit)
        if brief.submitted_at is not None:
            raise ValidationError(
                {"learning_goals": gettext("This brief was submitted already and can no longer change.")}
            )
        brief.learning_goals = learning_goals
        brief.questions = questions
        brief.charter_commitments = list(charter_commitments)
        brief.full_clean(exclude=["visit"])
        brief.updated_by = by
        if submit:
            brief.submitted_at = timezone.now()
        brief.save()
        if submit:
            _notify_visit(
                visit=visit,
                event="visit.brief_submitted",
                by=by,
                summary=lambda: [
                    gettext("%(city)s wants to learn:") % {"city": visit.pairing.implementing_city},
                    learning_goals.strip()[:500],
                ],
            )
    return brief


def save_report(*, visit, by, summary):
    """Start or edit the draft report of a visit that was held."""
    if not summary.strip():
        raise ValidationError({"summary": gettext("Summarise what the visit showed.")})
    with transaction.atomic():
        visit = Visit.objects.select_for_update().get(pk=visit.pk)
        if visit.status not in (Visit.Status.HELD, Visit.Status.REPORTED):
            raise ValidationError({"summary": gettext("The report is written once the visit has been held.")})
        report = VisitReport.objects.filter(visit=visit).first() or VisitReport(visit=visit)
        if report.submitted_at is not None:
            raise ValidationError({"summary": gettext("This report was submitted already and can no longer change.")})
        report.summary = summary
        report.updated_by = by
        report.save()
    return report


def _draft_report(report):
    report = VisitReport.objects.select_for_update().get(pk=report.pk)
    if report.submitted_at is not None:
        raise ValidationError({"text": gettext("The report was submitted: its recommendations can no longer change.")})
    return report


def add_recommendation(*, report, by, author, text, charter_commitment="", plan_section=""):
    """Add the next numbered recommendation to a draft report. The lock on the
    report keeps two people adding at once from taking the same number."""
    if not text.strip():
        raise ValidationError({"text": gettext("Write the recommendation.")})
    with transaction.atomic():
        report = _draft_report(report)
        number = (report.recommendations.aggregate(n=Max("number"))["n"] or 0) + 1
        return Recommendation.objects.create(
            report=report,
            number=number,
            author=author,
            text=text,
            charter_commitment=charter_commitment,
            plan_section=plan_section,
        )


def add_recommendations(*, pairing, origin_key, origin_label, origin_url, items, author, by, plan_section=""):
    """Add recommendations written outside a visit report (the expert partner's review of the action plan) to
    the pairing's register, numbered 1… within their origin; the implementing city answers them like a visit
    report's. Idempotent: an origin that already has recommendations keeps them and nothing is added.

    Called by the app the recommendations come from, which checks who may write them; mentoring does not
    know that app, only the label and address it gives. Returns the recommendations of the origin."""
    items = [item.strip() for item in items if item and item.strip()]
    if not origin_key or not origin_label:
        raise ValueError("Recommendations outside a visit report need an origin key and label.")
    if author not in Recommendation.Author.values:
        raise ValidationError({"author": gettext("Choose who recommends.")})
    if plan_section and plan_section not in PlanSection.values:
        raise ValidationError({"plan_section": gettext("Choose a section of the action plan.")})
    with transaction.atomic():
        # The pairing row's lock serialises two writers of the same origin (a retried request).
        Pairing.objects.select_for_update().get(pk=pairing.pk)
        existing = Recommendation.objects.filter(pairing=pairing, origin_key=origin_key)
        if not existing.exists():
            Recommendation.objects.bulk_create(
                Recommendation(
                    pairing=pairing,
                    origin_key=origin_key,
                    origin_label=origin_label[:200],
                    origin_url=origin_url,
                    number=number,
                    author=author,
                    text=text,
                    plan_section=plan_section,
                )
                for number, text in enumerate(items, start=1)
            )
        return list(existing.order_by("number"))


def remove_recommendation(*, recommendation, by):
    """Remove a recommendation of a draft report; the later ones move up a number."""
    with transaction.atomic():
        report = _draft_report(recommendation.report)
        recommendation.delete()
        for later in report.recommendations.filter(number__gt=recommendation.number).order_by("number"):
            later.number -= 1
            later.save(update_fields=["number"])


def submit_report(*, report, by, is_public=False):
    """Share the report with the implementing city, which then answers each recommendation.
    Marks the visit as reported and notifies the implementing city's officers, with the recommendations."""
    with transaction.atomic():
        report = VisitReport.objects.select_for_update().get(pk=report.pk)
        if report.submitted_at is not None:
            raise ValidationError({"summary": gettext("This report was submitted already.")})
        report.submitted_at = timezone.now()
        report.is_public = is_public
        report.save(update_fields=["submitted_at", "is_public", "updated_at"])
        Visit.objects.filter(pk=report.visit_id).update(status=Visit.Status.REPORTED, updated_at=timezone.now())
        visit = Visit.objects.select_related("pairing__scheme", "pairing__implementing_city").get(pk=report.visit_id)
        numbered = [f"{r.number}. {r.text}" for r in report.recommendations.order_by("number")]
        _notify_visit(
            visit=visit,
            event="visit.report_submitted",
            by=by,
            summary=lambda: [
                ngettext(
                    "The report is ready, with %(count)s recommendation for %(city)s.",
                    "The report is ready, with %(count)s recommendations for %(city)s.",
                    len(numbered),
                )
                % {"count": len(numbered), "city": visit.pairing.implementing_city},
                gettext("Please answer each one — adopt, adapt or decline, with your reason."),
            ],
            items=numbered,
            url=report.get_absolute_url(),
        )
    return report


def set_report_public(*, report, by, is_public):
    with transaction.atomic():
        report = VisitReport.objects.select_for_update().get(pk=report.pk)
        if report.submitted_at is None and is_public:
            raise ValidationError({"is_public": gettext("Submit the report before making it public.")})
        report.is_public = is_public
        report.save(update_fields=["is_public", "updated_at"])
    return report


def _check_answerer(recommendation, by):
    if not rules.has_perm("mentoring.respond_to_recommendation", by, recommendation):
        city = recommendation.register_pairing.implementing_city
        raise ValidationError(
            {
                "response": gettext("Only the officers of %(city)s, the implementing city, answer its recommendations.")
                % {"city": city}
            }
        )
    if not recommendation.is_shared:
        raise ValidationError(
            {"response": gettext("The report is still a draft: its recommendations cannot be answered yet.")}
        )


def respond_to_recommendation(*, recommendation, by, response, reason):
    """The implementing city adopts, adapts or declines a recommendation, with a reason.
    It may change its mind; a taken-up recommendation starts its follow-up as not started."""
    errors = {}
    if response not in Recommendation.Response.values:
        errors["response"] = gettext("Choose adopt, adapt or decline.")
    if not reason.strip():
        errors["response_reason"] = gettext("Give the reason for your answer.")
    with transaction.atomic():
        recommendation = (
            Recommendation.objects.select_for_update(of=("self",))
            .select_related("report__visit__pairing__implementing_city", "pairing__implementing_city")
            .get(pk=recommendation.pk)
        )
        _check_answerer(recommendation, by)
        if errors:
            raise ValidationError(errors)
        recommendation.response = response
        recommendation.response_reason = reason.strip()
        recommendation.responded_by = by
        recommendation.responded_at = timezone.now()
        if recommendation.is_taken_up:
            recommendation.follow_up = recommendation.follow_up or Recommendation.FollowUp.NOT_STARTED
        else:
            recommendation.follow_up = ""
        recommendation.save()
    return recommendation


def record_follow_up(*, recommendation, by, follow_up):
    with transaction.atomic():
        recommendation = (
            Recommendation.objects.select_for_update(of=("self",))
            .select_related("report__visit__pairing__implementing_city", "pairing__implementing_city")
            .get(pk=recommendation.pk)
        )
        _check_answerer(recommendation, by)
        if follow_up not in Recommendation.FollowUp.values:
            raise ValidationError({"follow_up": gettext("Choose not started, in progress or done.")})
        if not recommendation.is_taken_up:
            raise ValidationError(
                {"follow_up": gettext("Follow-up is recorded for adopted or adapted recommendations.")}
            )
        recommendation.follow_up = follow_up
        recommendation.follow_up_updated_at = timezone.now()
        recommendation.save(update_fields=["follow_up", "follow_up_updated_at"])
    return recommendation


def _new_token():
    return secrets.token_urlsafe(32)


def calendar_feed_for(*, user=None, pairing=None):
    """The feed of a person or of a pairing, created with a fresh secret token the first time."""
    owner = {"user": user} if user is not None else {"pairing": pairing}
    with transaction.atomic():
        feed, _ = CalendarFeed.objects.get_or_create(**owner, defaults={"token": _new_token()})
    return feed


def reset_calendar_feed(*, user=None, pairing=None):
    """Give the feed a new secret address; the old one answers 404 from now on."""
    feed = calendar_feed_for(user=user, pairing=pairing)
    with transaction.atomic():
        feed = CalendarFeed.objects.select_for_update().get(pk=feed.pk)
        feed.token = _new_token()
        feed.reset_at = timezone.now()
        feed.save(update_fields=["token", "reset_at"])
    return feed
