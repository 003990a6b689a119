"""The menu's staff links come from the rules predicates: a page never loads Django's model permissions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import enable_totp


def test_officer_pages_do_not_load_model_permissions_and_the_coordinator_still_sees_staff_links(client, network):
    client.force_login(network["officer"])
    with CaptureQueriesContext(connection) as queries:
        page = client.get(network.programme.get_absolute_url())
    assert page.status_code == 200
    assert not [q for q in queries.captured_queries if "auth_permission" in q["sql"]]
    assert "/staff/invitations/" not in page.content.decode()

    coordinator = network["coordinator"]
    enable_totp(coordinator)
    client.force_login(coordinator)
    page = client.get(network.programme.get_absolute_url()).content.decode()
    assert "/staff/invitations/" in page and "/staff/outbox/" in page and "/staff/deliverables/" in page
