"""Thin views: check the permission, bind a form, call a service, render.

Objects a person may not see answer 404 (outsiders cannot probe what exists); objects they see but may
not change answer 403."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from mentoring.models import City
from mentoring.selectors import current_programme
from pagecache import kept_per_viewer

from . import selectors, services
from .charts import self_assessment_chart
from .forms import (
    CommentForm,
    LinkForm,
    PracticeForm,
    SelfAssessmentForm,
    ToolkitForm,
    TransferabilityForm,
    VideoForm,
)
from .models import IN_SENTENCE, TRANSFER_DIMENSIONS, CharterCommitment, Moment, Series, Toolkit
from .rules import officer_city_ids


def _can(request, perm, obj=None):
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _add_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# Frames of reference


def charter(request):
    return render(request, "toolkits/charter.html", {"roles": selectors.charter_roles()})


def european_modules(request):
    return render(request, "toolkits/european_modules.html", {"modules": selectors.european_modules()})


# Toolkits


@kept_per_viewer
def toolkit_list(request):
    toolkits = list(selectors.visible_toolkits(request.user).order_by("-year", "scheme__code", "title"))
    series = [(label, [t for t in toolkits if t.series == value]) for value, label in reversed(Series.choices)]
    return render(request, "toolkits/toolkit_list.html", {"series": [(label, ts) for label, ts in series if ts]})


def _visible_toolkit(request, slug, queryset=None):
    if queryset is None:
        queryset = Toolkit.objects.select_related("scheme")
    toolkit = get_object_or_404(queryset, slug=slug)
    if not request.user.has_perm("toolkits.see_toolkit", toolkit):
        raise Http404("Not found.")
    return toolkit


@kept_per_viewer
def toolkit_detail(request, slug):
    toolkit = _visible_toolkit(request, slug, selectors.toolkit_for_page(slug))
    user = request.user
    steps = [
        (action, label)
        for action, label, perm, state in [
            ("start_pilot", gettext("Start the pilot"), "toolkits.start_pilot", Toolkit.State.DRAFT),
            ("finalise", gettext("Finalise"), "toolkits.finalise_toolkit", Toolkit.State.PILOT),
            ("publish", gettext("Publish"), "toolkits.publish_toolkit", Toolkit.State.FINAL),
        ]
        if toolkit.state == state and user.has_perm(perm, toolkit)
    ]
    can_see_comments = user.is_authenticated and (
        toolkit.state != Toolkit.State.PUBLISHED or user.has_perm("toolkits.edit_toolkit", toolkit)
    )
    return render(
        request,
        "toolkits/toolkit_detail.html",
        {
            "toolkit": toolkit,
            "steps": steps,
            "can_edit": user.has_perm("toolkits.edit_toolkit", toolkit),
            "comment_form": CommentForm() if user.has_perm("toolkits.comment_toolkit", toolkit) else None,
            "show_comments": can_see_comments,
        },
    )


@login_required
def toolkit_edit(request, slug):
    toolkit = _visible_toolkit(request, slug)
    _can(request, "toolkits.edit_toolkit", toolkit)
    form = ToolkitForm(request.POST or None, instance=toolkit)
    if request.method == "POST" and form.is_valid():
        services.update_toolkit(toolkit=toolkit, by=request.user, fields=form.cleaned_data)
        messages.success(request, gettext("The toolkit was saved as a new version."))
        return redirect(toolkit)
    title = gettext("Edit %(toolkit)s") % {"toolkit": toolkit}
    return render(request, "toolkits/form.html", {"form": form, "title": title, "back": toolkit})


@require_POST
@login_required
def toolkit_comment(request, slug):
    toolkit = _visible_toolkit(request, slug)
    _can(request, "toolkits.comment_toolkit", toolkit)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.comment_on_toolkit(toolkit=toolkit, by=request.user, body=form.cleaned_data["body"])
        messages.success(request, gettext("Your comment was added."))
    else:
        messages.error(request, gettext("Write a comment (at most 5,000 characters)."))
    return redirect(toolkit)


@require_POST
@login_required
def toolkit_transition(request, slug, action):
    toolkit = _visible_toolkit(request, slug)
    if action not in services.TOOLKIT_STEPS:
        raise Http404("No such step.")
    _can(request, services.TOOLKIT_STEPS[action][2], toolkit)
    try:
        toolkit = services.move_toolkit(toolkit=toolkit, by=request.user, action=action)
    except services.TransitionNotAllowed as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext("The toolkit is now %(state)s.") % {"state": IN_SENTENCE[toolkit.state]})
    return redirect(toolkit)


# The library


@kept_per_viewer
def library(request):
    query = selectors.parse_library_query(request.GET)
    result = selectors.search_library(query)
    for note in query.notes:
        messages.info(request, note)
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "toolkits/library.html",
        {
            "result": result,
            "query": query,
            "sorts": selectors.SORTS,
            "facet_titles": selectors.FACET_TITLES,
            "querystring": params.urlencode(),
            "can_submit": request.user.has_perm("toolkits.submit_practice"),
        },
    )


def _visible_practice(request, slug):
    practice = selectors.practice_for_page(slug, request.user)
    if practice is None:
        raise Http404("Not found.")
    return practice


@kept_per_viewer
def practice_detail(request, slug):
    practice = _visible_practice(request, slug)
    user = request.user
    steps = [
        (action, label)
        for action, label, perm in [
            ("validate", gettext("Validate"), "toolkits.validate_practice"),
            ("publish", gettext("Publish"), "toolkits.publish_practice"),
        ]
        if user.has_perm(perm, practice)
    ]
    return render(
        request,
        "toolkits/practice_detail.html",
        {
            "practice": practice,
            "steps": steps,
            "can_edit": user.has_perm("toolkits.edit_practice", practice),
            "can_assess": user.has_perm("toolkits.assess_transferability", practice),
            "transferability": selectors.transferability_for(practice, user),
            "dimensions": TRANSFER_DIMENSIONS,
            "adoptions": selectors.adoptions_of(practice, user),
            # Officers of a city adopt the practice into its plan from the city's assessment.
            "adopting_city_ids": officer_city_ids(user) if practice.state == practice.State.PUBLISHED else set(),
        },
    )


@login_required
def practice_create(request):
    _can(request, "toolkits.submit_practice")
    cities = selectors.officer_cities(request.user)
    if not cities.exists():
        cities = City.objects.all()  # coordinators submit on a city's behalf
    form = PracticeForm(request.POST or None, city_choices=cities)
    if request.method == "POST" and form.is_valid():
        try:
            practice = services.submit_practice(
                by=request.user, city=form.cleaned_data["city"], fields=form.service_fields()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, gettext("Thank you: the practice was submitted to the scheme's expert partner."))
            return redirect(practice)
    return render(request, "toolkits/form.html", {"form": form, "title": gettext("Submit a good practice")})


@login_required
def practice_edit(request, slug):
    practice = _visible_practice(request, slug)
    _can(request, "toolkits.edit_practice", practice)
    form = PracticeForm(request.POST or None, instance=practice)
    if request.method == "POST" and form.is_valid():
        try:
            practice = services.update_practice(practice=practice, by=request.user, fields=form.service_fields())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, gettext("The practice was saved."))
            return redirect(practice)
    title = gettext("Edit %(practice)s") % {"practice": practice}
    return render(request, "toolkits/form.html", {"form": form, "title": title, "back": practice})


@require_POST
@login_required
def practice_transition(request, slug, action):
    practice = _visible_practice(request, slug)
    service = {"validate": services.validate_practice, "publish": services.publish_practice}.get(action)
    if service is None:
        raise Http404("No such step.")
    _can(request, f"toolkits.{action}_practice", practice)
    try:
        practice = service(practice=practice, by=request.user)
    except services.TransitionNotAllowed as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext("The practice is now %(state)s.") % {"state": IN_SENTENCE[practice.state]})
    return redirect(practice)


@login_required
def practice_add_link(request, slug):
    practice = _visible_practice(request, slug)
    _can(request, "toolkits.edit_practice", practice)
    form = LinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_practice_link(practice=practice, by=request.user, **form.cleaned_data)
        messages.success(request, gettext("The link was added."))
        return redirect(practice)
    title = gettext("Add a link to %(practice)s") % {"practice": practice}
    return render(request, "toolkits/form.html", {"form": form, "title": title, "back": practice})


@login_required
def practice_add_video(request, slug):
    practice = _visible_practice(request, slug)
    _can(request, "toolkits.edit_practice", practice)
    form = VideoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_practice_video(practice=practice, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, gettext("The video was added."))
            return redirect(practice)
    return render(
        request,
        "toolkits/form.html",
        {
            "form": form,
            "title": gettext("Add a video to %(practice)s") % {"practice": practice},
            "back": practice,
            "multipart": True,
        },
    )


@login_required
def practice_transferability(request, slug):
    practice = _visible_practice(request, slug)
    _can(request, "toolkits.assess_transferability", practice)
    city = selectors.officer_cities(request.user).exclude(pk=practice.city_id).order_by("name").first()
    if city is None:  # e.g. coordinator staff: an assessment speaks for a city, so only its officers write it
        raise PermissionDenied
    existing = practice.transferability.filter(city=city).first()
    form = TransferabilityForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        services.assess_transferability(practice=practice, city=city, by=request.user, scores=form.scores())
        messages.success(request, gettext("%(city)s's assessment of this practice was saved.") % {"city": city})
        return redirect(practice)
    return render(
        request,
        "toolkits/form.html",
        {
            "form": form,
            "title": gettext("How well would “%(practice)s” fit %(city)s?") % {"practice": practice, "city": city},
            "intro": gettext(
                "Score each part of your city's context from 1 (a poor fit, much to change) to 5 (a good fit)."
            ),
            "back": practice,
        },
    )


@login_required
def review_queue(request):
    _can(request, "toolkits.review_practices")
    return render(request, "toolkits/review_queue.html", {"practices": selectors.practices_to_review(request.user)})


# Charter self-assessment


def _city_assessment(request, slug, perm):
    city = get_object_or_404(City, slug=slug)
    if not request.user.has_perm("toolkits.see_self_assessment", city):
        raise Http404("Not found.")
    _can(request, perm, city)
    programme = current_programme()
    if programme is None:
        raise Http404("No programme yet.")
    return city, programme


@login_required
def self_assessment(request, slug):
    city, programme = _city_assessment(request, slug, "toolkits.see_self_assessment")
    profile = selectors.self_assessment_profile(city, programme, request.user)
    return render(
        request,
        "toolkits/self_assessment.html",
        {
            "profile": profile,
            "chart": self_assessment_chart(profile.rows),
            "can_edit": request.user.has_perm("toolkits.edit_self_assessment", city),
            # Officers of the city start a draft action of its plan from a gap (actionplans checks the plan).
            "can_add_actions": city.pk in officer_city_ids(request.user),
            "can_see_partner": profile.partner is not None
            and request.user.has_perm("toolkits.see_self_assessment", profile.partner),
            "moments": [(value, IN_SENTENCE[value]) for value in Moment.values],
        },
    )


@login_required
def self_assessment_edit(request, slug, moment):
    if moment not in Moment.values:
        raise Http404("No such moment.")
    city, programme = _city_assessment(request, slug, "toolkits.edit_self_assessment")
    commitments = CharterCommitment.objects.all()
    ratings = selectors.ratings_by_moment(city, programme).get(moment, {})
    form = SelfAssessmentForm(request.POST or None, commitments=commitments, ratings=ratings)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_self_assessment(
                city=city, programme=programme, moment=moment, by=request.user, ratings=form.ratings()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, gettext("The self-assessment was saved."))
            return redirect("toolkits:self_assessment", slug=city.slug)
    return render(
        request,
        "toolkits/self_assessment_form.html",
        {"form": form, "city": city, "moment_label": IN_SENTENCE[moment]},
    )
