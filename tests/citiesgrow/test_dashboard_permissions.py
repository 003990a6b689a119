"""Every URL of the dashboards, the exports and the events, as every role (merged into
tests/test_permission_matrix.py). Dashboards answer 403 to those they are not for; exports hold only what
the person sees, so every member may ask for them (tests/citiesgrow/test_person_exports_lists.py checks
what is inside)."""

import pytest
from django.urls import reverse

from tests.api.test_api_permissions import LOGIN, PUBLIC, ROLES

# fmt: off
#                  anon   officer mentor admin polit. expert o.exp. o.city coord.
COORDINATOR =     (LOGIN, 403,    403,   403,  403,   403,   403,   403,   200)
EXPERTS =         (LOGIN, 403,    403,   403,  403,   200,   200,   403,   403)
CITIES =          (LOGIN, 200,    200,   200,  200,   403,   403,   200,   403)
MEMBERS =         (LOGIN, 200,    200,   200,  200,   200,   200,   200,   200)
# fmt: on

DASHBOARD_URL_EXPECTATIONS = {
    "dashboards:coordinator": (lambda w: {}, COORDINATOR),
    "dashboards:coordinator_export": (lambda w: {"fmt": "xlsx"}, COORDINATOR),
    "dashboards:expert": (lambda w: {}, EXPERTS),
    "dashboards:expert_export": (lambda w: {"fmt": "csv"}, EXPERTS),
    "dashboards:city": (lambda w: {}, CITIES),
    "dashboards:city_export": (lambda w: {"fmt": "csv"}, CITIES),
    "dashboards:exports": (lambda w: {}, MEMBERS),
    "dashboards:export": (lambda w: {"kind": "recommendations", "fmt": "csv"}, MEMBERS),
    "dashboards:export_everything": (lambda w: {}, MEMBERS),
    "events:events": (lambda w: {}, PUBLIC),
    "events:event": (lambda w: {"slug": w.event.slug}, PUBLIC),
}


@pytest.mark.parametrize(
    "name, role",
    [pytest.param(name, role, id=f"{name}, {role}") for name in DASHBOARD_URL_EXPECTATIONS for role in ROLES],
)
def test_dashboard_permission(client, world, name, role):
    kwargs, expected = DASHBOARD_URL_EXPECTATIONS[name]
    url = reverse(name, kwargs=kwargs(world))
    if role != "anonymous":
        client.force_login(world[role])

    response = client.get(url)

    assert response.status_code == expected[ROLES.index(role)]
    if expected[ROLES.index(role)] == LOGIN:
        assert response["Location"].startswith("/accounts/login/")
