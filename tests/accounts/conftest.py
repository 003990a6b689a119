import pytest

from tests.factories import enable_totp


@pytest.fixture
def staff_client(client, network):
    """The coordinator of the network, with an authenticator app, signed in."""
    enable_totp(network["coordinator"])
    client.force_login(network["coordinator"])
    return client
