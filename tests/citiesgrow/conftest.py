import pytest

from tests.world import World


@pytest.fixture
def world(network):
    return World(network)
