"""The read API: thin viewsets over the apps' scoped selectors, and the personal tokens page."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, viewsets
from rest_framework.exceptions import NotAuthenticated
from rest_framework.response import Response
from rest_framework.utils import encoders
from rest_framework.views import exception_handler as drf_exception_handler

import pagecache
from actionplans import export_tables as plan_tables
from actionplans.selectors import plans_for_api
from citiesgrow import export_tables, filters
from events.selectors import events
from mentoring import selectors
from mentoring.models import City, Scheme
from toolkits.models import Toolkit
from toolkits.selectors import practices_for_api, visible_toolkits

from . import serializers, services
from .filters import StrictFilterBackend, option
from .models import PersonalToken

ANONYMOUS_MESSAGE = _(
    "This list needs a personal token: create one at /tokens/ on the site and send it as "
    "'Authorization: Bearer <token>'."
)


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, NotAuthenticated):
        response.data = {"detail": str(ANONYMOUS_MESSAGE)}
    return response


class ReadOnly(viewsets.ReadOnlyModelViewSet):
    filter_backends = [StrictFilterBackend]
    filters = {}
    options = {}  # parameters that shape the answer rather than choose its rows (?expand=)

    def scope(self):
        return selectors.scope_of(self.request.user)

    def list(self, request, *args, **kwargs):
        return self._kept(super().list, request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self._kept(super().retrieve, request, *args, **kwargs)

    def _kept(self, answer, request, *args, **kwargs):
        """The answer's data kept for its reader until the data changes, like the site's pages.

        Authentication and throttling have run before this; the data is rendered for every request."""
        key = pagecache.key_for(request._request, user=request.user, extra=[request.accepted_renderer.format])
        if key is not None and (data := pagecache.get(key)) is not None:
            return Response(data)
        response = answer(request, *args, **kwargs)
        if key is not None and response.status_code == 200:
            pagecache.keep(key, _plain(response.data))
        return response


def _plain(data):
    """The answer's data as its JSON reads back. A hyperlink field's value is a string that carries the model
    instance it points to, and pickling it for the cache would carry that instance and all it prefetched."""
    return json.loads(json.dumps(data, cls=encoders.JSONEncoder))


# Public: the network and what is published. With a token, what its owner may see on the site.


@extend_schema_view(list=extend_schema(summary=_("The cities of the network")))
class CityViewSet(ReadOnly):
    serializer_class = serializers.CitySerializer
    lookup_field = "slug"
    filters = {"country": export_tables.CITIES.filters["country"], "scheme": export_tables.CITIES.filters["scheme"]}

    def get_queryset(self):
        return City.objects.order_by("name")


@extend_schema_view(list=extend_schema(summary=_("The mentoring schemes")))
class SchemeViewSet(ReadOnly):
    serializer_class = serializers.SchemeSerializer
    filters = {
        "programme": filters.Filter(help=_("A programme's slug."), apply=lambda qs, v: qs.filter(programme__slug=v))
    }

    def get_queryset(self):
        return Scheme.objects.select_related("programme", "facilitator").order_by("programme__starts_on", "code")


@extend_schema_view(list=extend_schema(summary=_("Who mentors whom: the pairs of mentor and implementing cities")))
class PairingViewSet(ReadOnly):
    serializer_class = serializers.PairingSerializer
    filters = export_tables.PAIRING_FILTERS

    def get_queryset(self):
        return selectors.network_pairings_for_api()


@extend_schema_view(
    list=extend_schema(summary=_("Toolkits: the published ones (with a token, also drafts you may read)"))
)
class ToolkitViewSet(ReadOnly):
    serializer_class = serializers.ToolkitSerializer
    lookup_field = "slug"
    filters = {
        "scheme": filters.scheme("scheme"),
        "state": filters.exact("state", Toolkit.State.values, _("The toolkit's state.")),
        "year": filters.integer("year", _("The year of publication.")),
    }

    def get_queryset(self):
        return visible_toolkits(self.request.user).order_by("-year", "title")


@extend_schema_view(list=extend_schema(summary=_("Good practices: the published ones (with a token, also yours)")))
class PracticeViewSet(ReadOnly):
    serializer_class = serializers.GoodPracticeSerializer
    lookup_field = "slug"
    filters = export_tables.PRACTICES.filters

    def get_queryset(self):
        return practices_for_api(self.request.user)


@extend_schema_view(list=extend_schema(summary=_("Events of the programme, with sessions and every source's dates")))
class EventViewSet(ReadOnly):
    serializer_class = serializers.EventSerializer
    lookup_field = "slug"
    filters = export_tables.EVENTS.filters

    def get_queryset(self):
        return events()


EXPAND_PLANS = filters.Filter(
    help=_(
        "objectives: each plan of the list with its objectives, their actions and indicators, as /api/plans/{id}/ "
        "gives them."
    ),
    apply=None,
    choices=("objectives",),
)


@extend_schema_view(
    list=extend_schema(
        summary=_(
            "Local action plans: the endorsed ones, with how many objectives, actions and indicators each has "
            "(with a token, also the plans you work on, drafts included)"
        )
    ),
    retrieve=extend_schema(summary=_("One local action plan with its objectives, actions and indicators")),
)
class PlanViewSet(ReadOnly):
    filters = plan_tables.PLAN_FILTERS
    options = {"expand": EXPAND_PLANS}

    def expand(self):
        """What each plan comes with: the detail always has its objectives, the list only when asked."""
        if self.action != "list":
            return ["objectives"]
        return [value] if (value := option(self.request, self, "expand")) else []

    def get_serializer_class(self):
        return serializers.PlanSummarySerializer if self.action == "list" else serializers.PlanSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if not getattr(self, "swagger_fake_view", False):  # the schema describes every field, expanded or not
            context["expand"] = self.expand()
        return context

    def get_queryset(self):
        return plans_for_api(self.scope(), with_objectives="objectives" in self.expand())


# With a token: the private work of the pairings the token's owner belongs to.


class Private(ReadOnly):
    permission_classes = [permissions.IsAuthenticated]


@extend_schema_view(list=extend_schema(summary=_("Visits of the pairs you work with")))
class VisitViewSet(Private):
    serializer_class = serializers.VisitSerializer
    filters = export_tables.VISITS.filters

    def get_queryset(self):
        return selectors.visible_visits(self.scope()).order_by("starts_on", "pk")


@extend_schema_view(list=extend_schema(summary=_("Visit reports: your pairs' (drafts too) and the public ones")))
class ReportViewSet(Private):
    serializer_class = serializers.ReportSerializer
    filters = {
        "scheme": filters.scheme("visit__pairing__scheme"),
        "city": filters.city("visit__pairing__mentor_city", "visit__pairing__implementing_city"),
        "pairing": filters.integer("visit__pairing_id", _("A pair's number.")),
        "submitted": filters.Filter(
            help=_("true: submitted reports; false: drafts."),
            apply=lambda qs, value: qs.filter(submitted_at__isnull=not value),
            kind="boolean",
        ),
    }

    def get_queryset(self):
        return selectors.visible_reports(self.scope()).order_by("visit__starts_on", "pk")


@extend_schema_view(list=extend_schema(summary=_("Recommendations of the reports you may read, and their answers")))
class RecommendationViewSet(Private):
    serializer_class = serializers.RecommendationSerializer
    filters = export_tables.RECOMMENDATIONS.filters

    def get_queryset(self):
        return selectors.visible_recommendations(self.scope())


# The personal tokens page


@login_required
def tokens(request):
    raw, status = None, 200
    if request.method == "POST":
        try:
            _, raw = services.create_token(user=request.user, name=request.POST.get("name", ""))
            status = 201
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            status = 400
    return render(
        request,
        "api/tokens.html",
        {"tokens": PersonalToken.objects.filter(user=request.user), "raw_token": raw},
        status=status,
    )


@login_required
@require_POST
def token_revoke(request, pk):
    # Another person's token is "not found", not "forbidden": nobody learns which tokens exist.
    token = get_object_or_404(PersonalToken, pk=pk, user=request.user)
    services.revoke_token(token=token, by=request.user)
    messages.success(request, gettext("The token “%(name)s” is revoked: it no longer works.") % {"name": token.name})
    return redirect("api:tokens")


def docs(request):
    """The API reference as an accessible page, generated from the same OpenAPI schema as /api/schema/."""
    return render(request, "api/docs.html", {"schema": schema_reference()})


def docs_explorer(request):
    """Swagger UI, to try the API in the browser (a third-party widget, served from this site)."""
    return render(request, "api/explorer.html")


def schema_reference():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = {}
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            tag = (operation.get("tags") or ["other"])[0]
            operations.setdefault(tag, []).append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary") or operation.get("description", ""),
                    "token": {} not in operation.get("security", [{}]),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "required": parameter.get("required", False),
                            "type": parameter.get("schema", {}).get("type", ""),
                            "description": parameter.get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                }
            )
    return {"info": schema["info"], "groups": sorted(operations.items())}
