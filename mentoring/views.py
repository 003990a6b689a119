import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from citiesgrow.pagination import LIGHT_PAGE_SIZE, PREVIEW_SIZE, page_of, preview
from notifications.rendering import language_of
from pagecache import kept_per_viewer

from . import forms, ical, selectors, services
from .models import (
    AgendaItem,
    Attachment,
    CalendarFeed,
    City,
    Pairing,
    Participant,
    Programme,
    Recommendation,
    Scheme,
)

# The programme page names its cities up to this many, then links to the list of all of them.
CITY_PREVIEW_SIZE = 48


def _require(request, perm, obj=None):
    """404 rather than 403 for objects, so outsiders cannot probe what exists."""
    if not request.user.has_perm(perm, obj):
        if obj is not None:
            raise Http404("Not found.")
        raise PermissionDenied


@login_required
@kept_per_viewer
def programme_detail(request, slug):
    programme = get_object_or_404(Programme.objects.select_related("coordinator"), slug=slug)
    _require(request, "mentoring.see_network")
    scope = selectors.scope_of(request.user)
    schemes = selectors.programme_scheme_pairings(programme, PREVIEW_SIZE)
    _mark_open_pairings([pairing for group in schemes for pairing in group.pairings], scope)
    cities = preview(City.objects.order_by("name", "pk"), CITY_PREVIEW_SIZE)
    shown = [city.pk for city in cities.rows]
    return render(
        request,
        "mentoring/programme_detail.html",
        {
            "programme": programme,
            "schemes": schemes,
            "cities": cities,
            "my_city_ids": set(selectors.visible_cities(scope).filter(pk__in=shown).values_list("pk", flat=True)),
        },
    )


def _mark_open_pairings(pairings, scope):
    for pairing in pairings:
        pairing.can_open = pairing.pk in scope.pairing_ids


@login_required
@kept_per_viewer
def scheme_detail(request, slug, code):
    programme = get_object_or_404(Programme, slug=slug)
    scheme = get_object_or_404(
        Scheme.objects.filter(programme=programme).select_related("facilitator", "programme"), code=code.upper()
    )
    _require(request, "mentoring.see_network")
    scope = selectors.scope_of(request.user)
    page = page_of(request, selectors.scheme_pairings(scheme))
    _mark_open_pairings(page, scope)
    uptake = selectors.uptake_by_pairing(scope, page)
    for pairing in page:
        pairing.uptake = uptake[pairing.pk]
    return render(
        request,
        "mentoring/scheme_detail.html",
        {"scheme": scheme, "page": page, "scheme_uptake": selectors.scheme_uptake(scope, scheme)},
    )


@login_required
@kept_per_viewer
def pairing_detail(request, pk):
    pairing = get_object_or_404(
        Pairing.objects.select_related("scheme__facilitator", "scheme__programme", "mentor_city", "implementing_city"),
        pk=pk,
    )
    _require(request, "mentoring.see_pairing", pairing)
    people = list(selectors.pairing_memberships(pairing))
    register = list(selectors.pairing_register(pairing))
    can_manage = _allowed(request, "mentoring.plan_visit", pairing)
    feed = services.calendar_feed_for(pairing=pairing)
    return render(
        request,
        "mentoring/pairing_detail.html",
        {
            "pairing": pairing,
            "visits": selectors.pairing_visits(pairing),
            "register": register,
            "uptake": selectors.uptake_of(register),
            "can_plan_visit": can_manage,
            "can_answer": bool(register) and _allowed(request, "mentoring.respond_to_recommendation", register[0]),
            "follow_up_choices": Recommendation.FollowUp.choices,
            "feed_url": request.build_absolute_uri(feed.get_absolute_url()),
            "mentor_people": [m for m in people if m.city_id == pairing.mentor_city_id],
            "implementing_people": [m for m in people if m.city_id == pairing.implementing_city_id],
            "expert_people": [m for m in people if m.organisation_id == pairing.scheme.facilitator_id],
        },
    )


@login_required
@kept_per_viewer
def city_list(request):
    _require(request, "mentoring.see_network")
    programme = selectors.current_programme()
    page = page_of(request, City.objects.order_by("name", "pk"))
    shown = [city.pk for city in page]
    roles = {}
    if programme:
        for pairing in selectors.pairings_of_cities(programme, shown):
            roles[pairing.mentor_city_id] = (gettext("Mentor city"), pairing)
            roles[pairing.implementing_city_id] = (gettext("Implementing city"), pairing)
    visible = set(
        selectors.visible_cities(selectors.scope_of(request.user)).filter(pk__in=shown).values_list("pk", flat=True)
    )
    rows = [{"city": city, "role": roles.get(city.pk), "can_open": city.pk in visible} for city in page]
    return render(request, "mentoring/city_list.html", {"rows": rows, "page": page})


@login_required
@kept_per_viewer
def city_detail(request, slug):
    city = get_object_or_404(City, slug=slug)
    _require(request, "mentoring.see_city", city)
    programme = selectors.current_programme()
    pairing = selectors.pairing_for_city(city, programme) if programme else None
    people = selectors.visible_memberships(selectors.scope_of(request.user)).filter(city=city)
    return render(
        request,
        "mentoring/city_detail.html",
        {
            "city": city,
            "pairing": pairing,
            "can_open_pairing": pairing is not None and request.user.has_perm("mentoring.see_pairing", pairing),
            "people": people,
        },
    )


@login_required
@kept_per_viewer
def people_list(request):
    _require(request, "mentoring.see_people")
    memberships = selectors.visible_memberships(selectors.scope_of(request.user)).order_by(
        "city__name", "organisation__name", "user__name", "pk"
    )
    page = page_of(request, memberships, LIGHT_PAGE_SIZE)
    groups = {}
    for membership in page:
        groups.setdefault(membership.scope, []).append(membership)
    return render(request, "mentoring/people_list.html", {"groups": groups.items(), "page": page})


# ---------------------------------------------------------------------------
# Visits, briefs, reports, recommendations and the calendar
# ---------------------------------------------------------------------------
# These views check permission with rules.has_perm, not user.has_perm: coordinator
# staff are superusers for the admin, and must still get exactly what the
# predicates in rules.py say (only the implementing city answers a recommendation).


def _allowed(request, perm, obj):
    return rules.has_perm(perm, request.user, obj)


def _not_allowed(request, reason):
    return render(request, "mentoring/not_allowed.html", {"reason": reason}, status=403)


def _visible_visit(request, pk, queryset=None):
    """The visit, or 404 for one the person may not see."""
    visit = get_object_or_404(queryset if queryset is not None else selectors.all_visits(), pk=pk)
    if not _allowed(request, "mentoring.see_visit", visit):
        raise Http404("Not found.")
    return visit


def _visit_permissions(request, visit):
    return {
        "can_edit": _allowed(request, "mentoring.edit_visit", visit),
        "can_write_brief": _allowed(request, "mentoring.write_brief", visit),
        "can_write_report": _allowed(request, "mentoring.write_report", visit),
    }


def _participant_people(request, visit):
    return selectors.participant_candidates(visit, selectors.scope_of(request.user))


def _render_visit(request, visit, status=200, **bound_forms):
    permissions = _visit_permissions(request, visit)
    people = _participant_people(request, visit) if permissions["can_edit"] else None
    context = {
        "visit": visit,
        "pairing": visit.pairing,
        "brief": visit.brief_or_none,
        "report": visit.report_or_none,
        **permissions,
        "status_form": bound_forms.get("status_form") or forms.VisitStatusForm(prefix="status"),
        "agenda_form": bound_forms.get("agenda_form") or forms.AgendaItemForm(prefix="agenda"),
        "participant_form": bound_forms.get("participant_form")
        or (forms.ParticipantForm(prefix="participant", people=people) if people is not None else None),
        "attachment_form": bound_forms.get("attachment_form") or forms.AttachmentForm(prefix="attachment"),
        "next_statuses": sorted(services.STATUS_STEPS[visit.status]),
    }
    return render(request, "mentoring/visit_detail.html", context, status=status)


@login_required
def visit_plan(request, pk):
    pairing = get_object_or_404(selectors.visible_pairings(selectors.scope_of(request.user)), pk=pk)
    if not _allowed(request, "mentoring.plan_visit", pairing):
        return _not_allowed(request, gettext("Officers of the two cities and the EUROCITIES team plan visits."))
    form = forms.VisitForm(request.POST or None, pairing=pairing)
    if request.method == "POST" and form.is_valid():
        try:
            visit = services.plan_visit(pairing=pairing, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.apply_errors(form, error)
        else:
            messages.success(request, gettext("%(visit)s planned.") % {"visit": visit.title})
            return redirect(visit)
    return render(request, "mentoring/visit_form.html", {"form": form, "pairing": pairing, "visit": None})


@login_required
def visit_edit(request, pk):
    visit = _visible_visit(request, pk)
    if not _allowed(request, "mentoring.edit_visit", visit):
        return _not_allowed(request, gettext("Officers of the two cities and the EUROCITIES team change visits."))
    form = forms.VisitForm(request.POST or None, pairing=visit.pairing, initial=forms.VisitForm.initial_from(visit))
    if request.method == "POST" and form.is_valid():
        try:
            visit = services.update_visit(visit=visit, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.apply_errors(form, error)
        else:
            messages.success(request, gettext("The visit was updated."))
            return redirect(visit)
    return render(request, "mentoring/visit_form.html", {"form": form, "pairing": visit.pairing, "visit": visit})


@login_required
@kept_per_viewer
def visit_detail(request, pk):
    return _render_visit(request, _visible_visit(request, pk, selectors.visit_for_page()))


def _visit_action(request, pk, form_class, prefix, service, success, form_kwargs=None):
    """POST handlers of the visit page: bind the form, call the service, or show the page with the errors."""
    visit = _visible_visit(request, pk, selectors.visit_for_page())
    if not _allowed(request, "mentoring.edit_visit", visit):
        return _not_allowed(request, gettext("Officers of the two cities and the EUROCITIES team change visits."))
    form = form_class(request.POST, request.FILES, prefix=prefix, **(form_kwargs(visit) if form_kwargs else {}))
    if form.is_valid():
        try:
            service(visit, form)
        except ValidationError as error:
            forms.apply_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(visit)
    return _render_visit(request, visit, **{f"{prefix}_form": form})


@login_required
@require_POST
def visit_status(request, pk):
    return _visit_action(
        request,
        pk,
        forms.VisitStatusForm,
        "status",
        lambda visit, form: services.change_visit_status(visit=visit, by=request.user, **form.cleaned_data),
        gettext_lazy("The visit's status was changed."),
    )


@login_required
@require_POST
def agenda_item_add(request, pk):
    return _visit_action(
        request,
        pk,
        forms.AgendaItemForm,
        "agenda",
        lambda visit, form: services.add_agenda_item(visit=visit, by=request.user, **form.service_arguments()),
        gettext_lazy("Agenda item added."),
    )


@login_required
@require_POST
def participant_add(request, pk):
    return _visit_action(
        request,
        pk,
        forms.ParticipantForm,
        "participant",
        lambda visit, form: services.add_participant(visit=visit, by=request.user, **form.cleaned_data),
        gettext_lazy("Participant added."),
        form_kwargs=lambda visit: {"people": _participant_people(request, visit)},
    )


@login_required
@require_POST
def attachment_add(request, pk):
    return _visit_action(
        request,
        pk,
        forms.AttachmentForm,
        "attachment",
        lambda visit, form: services.add_attachment(visit=visit, by=request.user, **form.cleaned_data),
        gettext_lazy("File attached."),
    )


def _remove_from_visit(request, pk, model, item_pk, service, success):
    visit = _visible_visit(request, pk)
    item = get_object_or_404(model, pk=item_pk, visit=visit)
    if not _allowed(request, "mentoring.edit_visit", visit):
        return _not_allowed(request, gettext("Officers of the two cities and the EUROCITIES team change visits."))
    service(item)
    messages.success(request, success)
    return redirect(visit)


@login_required
@require_POST
def agenda_item_remove(request, pk, item_pk):
    return _remove_from_visit(
        request,
        pk,
        AgendaItem,
        item_pk,
        lambda item: services.remove_agenda_item(item=item, by=request.user),
        gettext_lazy("Agenda item removed."),
    )


@login_required
@require_POST
def participant_remove(request, pk, item_pk):
    return _remove_from_visit(
        request,
        pk,
        Participant,
        item_pk,
        lambda item: services.remove_participant(participant=item, by=request.user),
        gettext_lazy("Participant removed."),
    )


@login_required
@require_POST
def attachment_remove(request, pk, item_pk):
    return _remove_from_visit(
        request,
        pk,
        Attachment,
        item_pk,
        lambda item: services.remove_attachment(attachment=item, by=request.user),
        gettext_lazy("File removed."),
    )


@login_required
def attachment_download(request, pk, item_pk):
    visit = _visible_visit(request, pk)
    attachment = get_object_or_404(Attachment, pk=item_pk, visit=visit)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing.") from None
    filename = attachment.file.name.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=attachment.content_type)


@login_required
def brief(request, pk):
    visit = _visible_visit(request, pk)
    brief = visit.brief_or_none
    can_write = _allowed(request, "mentoring.write_brief", visit) and (brief is None or brief.is_draft)
    if request.method == "POST" and not can_write:
        return _not_allowed(
            request,
            gettext("Officers of %(city)s write the learning-needs brief.") % {"city": visit.pairing.implementing_city},
        )
    initial = (
        {
            "learning_goals": brief.learning_goals,
            "questions": brief.questions,
            "charter_commitments": brief.charter_commitments,
        }
        if brief
        else None
    )
    form = forms.BriefForm(request.POST or None, initial=initial) if can_write else None
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        try:
            services.save_brief(visit=visit, by=request.user, submit=submit, **form.cleaned_data)
        except ValidationError as error:
            forms.apply_errors(form, error)
        else:
            messages.success(
                request, gettext("The brief was submitted.") if submit else gettext("The draft brief was saved.")
            )
            return redirect(visit)
    return render(request, "mentoring/brief.html", {"visit": visit, "brief": brief, "form": form})


def _report_context(request, visit, **extra):
    report = visit.report_or_none
    recommendations = list(selectors.report_recommendations(report)) if report else []
    can_edit = report is not None and report.is_draft and _allowed(request, "mentoring.edit_report", report)
    return {
        "visit": visit,
        "report": report,
        "recommendations": recommendations,
        "uptake": selectors.uptake_of(recommendations),
        "can_edit": can_edit,
        "can_write": _allowed(request, "mentoring.write_report", visit),
        "can_answer": bool(
            report is not None
            and not report.is_draft
            and recommendations
            and _allowed(request, "mentoring.respond_to_recommendation", recommendations[0])
        ),
        "recommendation_form": extra.get("recommendation_form") or forms.RecommendationForm(prefix="recommendation"),
        "submit_form": extra.get("submit_form") or forms.SubmitReportForm(prefix="submit"),
        "follow_up_choices": Recommendation.FollowUp.choices,
    }


def _report_visit(request, pk):
    """The visit of a report: visible to the pairing, or to everyone signed in once the report is public."""
    visit = get_object_or_404(selectors.all_visits(), pk=pk)
    report = visit.report_or_none
    if report is None:
        if _allowed(request, "mentoring.see_visit", visit):
            return visit
        raise Http404("Not found.")
    if not _allowed(request, "mentoring.see_report", report):
        raise Http404("Not found.")
    return visit


@login_required
@kept_per_viewer
def report(request, pk):
    visit = _report_visit(request, pk)
    return render(request, "mentoring/report.html", _report_context(request, visit))


@login_required
def report_edit(request, pk):
    visit = _visible_visit(request, pk)
    report = visit.report_or_none
    if not _allowed(request, "mentoring.write_report", visit):
        return _not_allowed(
            request,
            gettext("Officers of %(city)s or the host city, the expert partner and EUROCITIES write the visit report.")
            % {"city": visit.pairing.mentor_city},
        )
    if report is not None and not report.is_draft:
        return _not_allowed(request, gettext("This report was submitted and can no longer change."))
    form = forms.ReportForm(request.POST or None, initial={"summary": report.summary} if report else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_report(visit=visit, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.apply_errors(form, error)
        else:
            messages.success(request, gettext("The draft report was saved. Add its recommendations below."))
            return redirect("mentoring:visit_report", pk=visit.pk)
    return render(request, "mentoring/report_edit.html", {"visit": visit, "report": report, "form": form})


def _draft_report_action(request, pk):
    """The visit and its draft report for a writer's POST, or a response to return instead."""
    visit = _visible_visit(request, pk)
    report = visit.report_or_none
    if report is None:
        raise Http404("No report yet.")
    if not _allowed(request, "mentoring.edit_report", report):
        return visit, report, _not_allowed(request, gettext("You cannot change this report."))
    return visit, report, None


@login_required
@require_POST
def recommendation_add(request, pk):
    visit, report, denied = _draft_report_action(request, pk)
    if denied:
        return denied
    form = forms.RecommendationForm(request.POST, prefix="recommendation")
    if form.is_valid():
        try:
            services.add_recommendation(report=report, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.apply_errors(form, error)
        else:
            messages.success(request, gettext("Recommendation added."))
            return redirect("mentoring:visit_report", pk=visit.pk)
    return render(request, "mentoring/report.html", _report_context(request, visit, recommendation_form=form))


@login_required
@require_POST
def recommendation_remove(request, pk, number):
    visit, report, denied = _draft_report_action(request, pk)
    if denied:
        return denied
    recommendation = get_object_or_404(Recommendation, report=report, number=number)
    try:
        services.remove_recommendation(recommendation=recommendation, by=request.user)
        messages.success(request, gettext("Recommendation %(number)s removed.") % {"number": number})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("mentoring:visit_report", pk=visit.pk)


@login_required
@require_POST
def report_submit(request, pk):
    visit, report, denied = _draft_report_action(request, pk)
    if denied:
        return denied
    form = forms.SubmitReportForm(request.POST, prefix="submit")
    if form.is_valid():
        try:
            services.submit_report(report=report, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.apply_errors(form, error)
        else:
            messages.success(
                request,
                gettext("The report was submitted; %(city)s can answer it now.")
                % {"city": visit.pairing.implementing_city},
            )
            return redirect("mentoring:visit_report", pk=visit.pk)
    return render(request, "mentoring/report.html", _report_context(request, visit, submit_form=form))


@login_required
@require_POST
def report_publish(request, pk):
    visit = _visible_visit(request, pk)
    report = visit.report_or_none
    if report is None:
        raise Http404("No report yet.")
    if not _allowed(request, "mentoring.edit_report", report):
        return _not_allowed(request, gettext("You cannot change this report."))
    is_public = request.POST.get("is_public") == "1"
    try:
        services.set_report_public(report=report, by=request.user, is_public=is_public)
        messages.success(
            request, gettext("The report is public now.") if is_public else gettext("The report is private now.")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("mentoring:visit_report", pk=visit.pk)


def _answerable(request, pk):
    recommendation = get_object_or_404(
        Recommendation.objects.select_related(
            "report__visit__pairing__scheme__programme",
            "report__visit__pairing__scheme__facilitator",
            "report__visit__pairing__mentor_city",
            "report__visit__pairing__implementing_city",
            "pairing__scheme__facilitator",
            "pairing__mentor_city",
            "pairing__implementing_city",
        ),
        pk=pk,
    )
    if not _allowed(request, "mentoring.see_recommendation", recommendation):
        raise Http404("Not found.")
    if not _allowed(request, "mentoring.respond_to_recommendation", recommendation):
        city = recommendation.register_pairing.implementing_city
        return recommendation, _not_allowed(
            request, gettext("Only the officers of %(city)s, the implementing city, answer.") % {"city": city}
        )
    return recommendation, None


def _back_to_origin(recommendation):
    if recommendation.report_id:
        return redirect("mentoring:visit_report", pk=recommendation.report.visit_id)
    return redirect(recommendation.origin_url or recommendation.pairing.get_absolute_url())


@login_required
def recommendation_respond(request, pk):
    recommendation, denied = _answerable(request, pk)
    if denied:
        return denied
    initial = {"response": recommendation.response, "response_reason": recommendation.response_reason}
    form = forms.ResponseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.respond_to_recommendation(
                recommendation=recommendation,
                by=request.user,
                response=form.cleaned_data["response"],
                reason=form.cleaned_data["response_reason"],
            )
        except ValidationError as error:
            forms.apply_errors(form, error)
        else:
            messages.success(
                request,
                gettext("Your answer to recommendation %(number)s was saved.") % {"number": recommendation.number},
            )
            return _back_to_origin(recommendation)
    return render(
        request,
        "mentoring/recommendation_respond.html",
        {
            "recommendation": recommendation,
            "visit": recommendation.report.visit if recommendation.report_id else None,
            "pairing": recommendation.register_pairing,
            "form": form,
        },
    )


@login_required
@require_POST
def recommendation_follow_up(request, pk):
    recommendation, denied = _answerable(request, pk)
    if denied:
        return denied
    form = forms.FollowUpForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError({"follow_up": gettext("Choose not started, in progress or done.")})
        services.record_follow_up(recommendation=recommendation, by=request.user, **form.cleaned_data)
        messages.success(
            request, gettext("Follow-up of recommendation %(number)s recorded.") % {"number": recommendation.number}
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back_to_origin(recommendation)


CALENDAR_PAGE_SIZE = 100


@login_required
@kept_per_viewer
def calendar(request):
    scope = selectors.scope_of(request.user)
    entries = selectors.calendar_entries(selectors.visible_visits(scope))
    page = Paginator(entries, CALENDAR_PAGE_SIZE).get_page(request.GET.get("page"))
    feed = services.calendar_feed_for(user=request.user)
    return render(
        request,
        "mentoring/calendar.html",
        {"page": page, "feed_url": request.build_absolute_uri(feed.get_absolute_url())},
    )


@login_required
@require_POST
def calendar_feed_reset(request):
    services.reset_calendar_feed(user=request.user)
    messages.success(request, gettext("Your calendar feed has a new address; the old one no longer works."))
    return redirect("mentoring:calendar")


@login_required
@require_POST
def pairing_feed_reset(request, pk):
    pairing = get_object_or_404(selectors.visible_pairings(selectors.scope_of(request.user)), pk=pk)
    if not _allowed(request, "mentoring.reset_pairing_feed", pairing):
        return _not_allowed(
            request, gettext("Officers of the two cities and the EUROCITIES team reset the pairing's feed.")
        )
    services.reset_calendar_feed(pairing=pairing)
    messages.success(request, gettext("The pairing's calendar feed has a new address; the old one no longer works."))
    return redirect(pairing)


def calendar_feed(request, token):
    """An iCalendar feed; the secret token in the address is the only credential."""
    feed = (
        CalendarFeed.objects.select_related("user", "pairing__mentor_city", "pairing__implementing_city")
        .filter(token=token)
        .first()
    )
    if feed is None or (feed.user is not None and not feed.user.is_active):
        raise Http404("No such calendar.")
    if feed.user is not None:
        visits = selectors.visible_visits(selectors.scope_of(feed.user))
        name = f"CITIES-GROW: {feed.user.name}"
    else:
        visits = selectors.pairing_visits(feed.pairing)
        name = f"CITIES-GROW: {feed.pairing}"
    # A calendar app fetches the feed without the person's session: their own language, else the default.
    with translation.override(language_of(feed.user)):
        body = ical.calendar(name=name, entries=selectors.calendar_entries(visits), site_url=settings.SITE_URL)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="cities-grow.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
