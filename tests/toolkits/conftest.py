import pytest

from tests.factories import GoodPracticeFactory, ToolkitFactory
from toolkits.models import GoodPractice, Toolkit


class Library:
    """On top of the `network`: a toolkit in pilot for the first pairing's scheme, a practice the
    implementing city submitted, and a published practice of the other pairing's city."""

    def __init__(self, network):
        self.network = network
        self.scheme = network.pairing.scheme
        self.toolkit = ToolkitFactory(
            slug="pilot-toolkit", title="Matching buyers and suppliers", scheme=self.scheme, state=Toolkit.State.PILOT
        )
        self.submitted = GoodPracticeFactory(
            slug="submitted-practice",
            title="Supplier days for migrant-owned firms",
            city=network.implementing_city,
            city_name=network.implementing_city.name,
            scheme=self.scheme,
            state=GoodPractice.State.SUBMITTED,
            published_at=None,
        )
        self.published = GoodPracticeFactory(
            slug="published-practice",
            title="Mentoring for entrepreneurs",
            city=network.other_city,
            city_name=network.other_city.name,
            scheme=network.other_pairing.scheme,
        )


@pytest.fixture
def library(network):
    return Library(network)
