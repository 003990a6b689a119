"""A world for the read-only features (API, exports, dashboards): the permission `network` with private
work in both pairings and public things to read."""

from events.models import Event
from mentoring.models import Visit
from tests.factories import (
    GoodPracticeFactory,
    RecommendationFactory,
    ToolkitFactory,
    VisitFactory,
    VisitReportFactory,
    enable_totp,
)
from toolkits.models import Toolkit


class World:
    """The `network` (tests/conftest.py) with private work in each pairing and public things to read."""

    def __init__(self, network):
        self.network = network
        enable_totp(network["coordinator"])
        self.visit = VisitFactory(pairing=network.pairing, status=Visit.Status.HELD)
        self.draft_report = VisitReportFactory(visit=self.visit)
        self.draft_recommendation = RecommendationFactory(report=self.draft_report, number=1)
        self.other_visit = VisitFactory(pairing=network.other_pairing, status=Visit.Status.HELD)
        self.other_draft = VisitReportFactory(visit=self.other_visit)
        self.other_recommendation = RecommendationFactory(
            report=self.other_draft, number=1, text="Another pairing's draft recommendation."
        )
        self.toolkit = ToolkitFactory(state=Toolkit.State.PUBLISHED, published_at="2018-11-07T10:00:00Z")
        self.practice = GoodPracticeFactory()
        self.event = Event.objects.create(
            kind=Event.Kind.CONFERENCE,
            title="Integrating Cities Conference VIII",
            slug="icc-viii",
            city_name="Milan",
            country_code="IT",
            starts_on="2018-11-07",
            ends_on="2018-11-08",
        )

    def __getitem__(self, role):
        return self.network[role]
