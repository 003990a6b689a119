import pytest

from actionplans.models import PlanState
from tests.actionplans.plans import plan_in_state


@pytest.fixture
def plan(network, client):
    """A draft plan of the network's pairing, with its implementing city's officer signed in."""
    client.force_login(network["officer"])
    return plan_in_state(network, PlanState.DRAFT)
