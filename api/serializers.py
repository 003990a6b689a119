from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actionplans.models import Action, ActionPlan, Indicator, Measurement, Objective
from events.models import DateClaim, Event, Session
from mentoring.models import City, Pairing, Recommendation, Scheme, Visit, VisitReport
from toolkits.models import GoodPractice, Toolkit


class CitySerializer(serializers.ModelSerializer):
    class Meta:
        model = City
        fields = ["slug", "name", "local_name", "country", "iso_code"]


class SchemeSerializer(serializers.ModelSerializer):
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    facilitator = serializers.CharField(source="facilitator.name", read_only=True)

    class Meta:
        model = Scheme
        fields = ["id", "programme", "code", "title", "short_title", "description", "facilitator"]


class PairingSerializer(serializers.ModelSerializer):
    programme = serializers.CharField(source="scheme.programme.slug", read_only=True)
    scheme = serializers.CharField(source="scheme.code", read_only=True)
    mentor_city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    implementing_city = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Pairing
        fields = [
            "id",
            "programme",
            "scheme",
            "mentor_city",
            "implementing_city",
            "status",
            "starts_on",
            "ends_on",
            "verified",
            "confidence",
            "source_url",
        ]


class ToolkitSerializer(serializers.ModelSerializer):
    scheme = serializers.CharField(source="scheme.code", read_only=True, allow_null=True, default=None)

    class Meta:
        model = Toolkit
        fields = ["slug", "title", "series", "year", "theme", "scheme", "state", "benchmark", "is_demo", "published_at"]


class GoodPracticeSerializer(serializers.ModelSerializer):
    # A practice from elsewhere in Europe (the earlier toolkits) has no network city: only its city_name.
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    scheme = serializers.CharField(source="scheme.code", read_only=True, allow_null=True, default=None)
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = GoodPractice
        fields = [
            "slug",
            "title",
            "city",
            "city_name",
            "country_name",
            "country_code",
            "summary",
            "language",
            "themes",
            "scheme",
            "series",
            "state",
            "is_demo",
            "published_at",
        ]


class DateClaimSerializer(serializers.ModelSerializer):
    class Meta:
        model = DateClaim
        fields = ["starts_on", "ends_on", "source", "source_url", "note"]


class SessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Session
        fields = ["position", "day", "starts_at", "ends_at", "title", "description", "speakers", "confidence"]


class EventSerializer(serializers.ModelSerializer):
    date_claims = DateClaimSerializer(many=True, read_only=True)
    sessions = SessionSerializer(many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "slug",
            "kind",
            "title",
            "subtitle",
            "city_name",
            "country_code",
            "venue",
            "starts_on",
            "ends_on",
            "dates_confidence",
            "dates_note",
            "date_claims",
            "sessions",
            "description",
            "source_url",
        ]


def _when(value):
    return serializers.DateTimeField().to_representation(value) if value else None


class VisitSerializer(serializers.ModelSerializer):
    scheme = serializers.CharField(source="pairing.scheme.code", read_only=True)
    host_city = serializers.SerializerMethodField()
    brief_submitted_at = serializers.SerializerMethodField()
    report_submitted_at = serializers.SerializerMethodField()

    class Meta:
        model = Visit
        fields = [
            "id",
            "pairing",
            "scheme",
            "kind",
            "host",
            "host_city",
            "starts_on",
            "ends_on",
            "status",
            "topics",
            "dates_note",
            "brief_due_on",
            "brief_submitted_at",
            "report_due_on",
            "report_submitted_at",
        ]

    @extend_schema_field(serializers.CharField())
    def get_host_city(self, visit):
        return visit.host_city.slug

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_brief_submitted_at(self, visit):
        brief = visit.brief_or_none
        return (
            serializers.DateTimeField().to_representation(brief.submitted_at) if brief and brief.submitted_at else None
        )

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_report_submitted_at(self, visit):
        report = visit.report_or_none
        return _when(report.submitted_at if report else None)


class ReportSerializer(serializers.ModelSerializer):
    pairing = serializers.IntegerField(source="visit.pairing_id", read_only=True)
    scheme = serializers.CharField(source="visit.pairing.scheme.code", read_only=True)
    is_draft = serializers.BooleanField(read_only=True)

    class Meta:
        model = VisitReport
        fields = ["id", "visit", "pairing", "scheme", "summary", "is_draft", "submitted_at", "is_public"]


class RecommendationSerializer(serializers.ModelSerializer):
    visit = serializers.IntegerField(source="report.visit_id", read_only=True)
    pairing = serializers.IntegerField(source="report.visit.pairing_id", read_only=True)
    scheme = serializers.CharField(source="report.visit.pairing.scheme.code", read_only=True)
    report_is_draft = serializers.BooleanField(source="report.is_draft", read_only=True)

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "report",
            "visit",
            "pairing",
            "scheme",
            "report_is_draft",
            "number",
            "author",
            "text",
            "charter_commitment",
            "response",
            "response_reason",
            "responded_at",
            "follow_up",
        ]


# Action plans: the endorsed ones are public, with their objectives, actions and indicators.


class PlanActionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Action
        fields = [
            "id",
            "title",
            "description",
            "responsible_body",
            "partners",
            "starts_on",
            "ends_on",
            "budget_eur",
            "funding_source",
            "staff_effort_days",
            "status",
            "progress",
        ]


class MeasurementSerializer(serializers.ModelSerializer):
    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "note"]


class PlanIndicatorSerializer(serializers.ModelSerializer):
    measurements = MeasurementSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = ["id", "name", "unit", "baseline", "target", "target_date", "measurements"]


class ObjectiveSerializer(serializers.ModelSerializer):
    actions = PlanActionSerializer(many=True, read_only=True)
    indicators = PlanIndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Objective
        fields = ["id", "title", "description", "actions", "indicators"]


class PlanSummarySerializer(serializers.ModelSerializer):
    """A plan in the list: its own fields and how much it holds; the objectives only with ?expand=objectives."""

    url = serializers.HyperlinkedIdentityField(
        view_name="api:plan-detail", help_text=_("The plan with its objectives, actions and indicators.")
    )
    scheme = serializers.CharField(source="pairing.scheme.code", read_only=True)
    mentor_city = serializers.CharField(source="pairing.mentor_city.slug", read_only=True)
    implementing_city = serializers.CharField(source="pairing.implementing_city.slug", read_only=True)
    charter_commitments = serializers.ListField(child=serializers.CharField(), read_only=True)
    objective_count = serializers.IntegerField(read_only=True)
    action_count = serializers.IntegerField(read_only=True)
    indicator_count = serializers.IntegerField(read_only=True)
    objectives = ObjectiveSerializer(
        many=True, read_only=True, help_text=_("Only with ?expand=objectives; always in /api/plans/{id}/.")
    )

    class Meta:
        model = ActionPlan
        fields = [
            "id",
            "url",
            "pairing",
            "scheme",
            "mentor_city",
            "implementing_city",
            "title",
            "state",
            "state_changed_at",
            "gap",
            "context",
            "charter_commitments",
            "stakeholders",
            "objective_count",
            "action_count",
            "indicator_count",
            "objectives",
        ]
        # Fields given only when the request asks for them (the view says so in the context); the schema
        # documents them as optional.
        on_request = ["objectives"]

    def get_fields(self):
        fields = super().get_fields()
        for name in self.Meta.on_request:
            if name not in self.context.get("expand", self.Meta.on_request):
                del fields[name]
        return fields


class PlanSerializer(PlanSummarySerializer):
    """One plan with everything: its objectives, each with its actions and its indicators' measurements."""

    objectives = ObjectiveSerializer(many=True, read_only=True)

    class Meta(PlanSummarySerializer.Meta):
        on_request = []
