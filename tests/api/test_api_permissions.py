"""Every URL of the API and the tokens page, as every role (merged into tests/test_permission_matrix.py).

Anonymous readers get the public lists; the private lists answer 401 without a token (or a session), and a
visit, report or recommendation of another pairing is 404, as on the site."""

import pytest
from django.urls import reverse

ROLES = [
    "anonymous",
    "officer",
    "mentor_officer",
    "administrative_approver",
    "political_approver",
    "expert",
    "other_expert",
    "other_city_officer",
    "coordinator",
]
LOGIN = 302

# fmt: off
#                  anon officer mentor admin polit. expert o.exp. o.city coord.
PUBLIC =          (200,  200,    200,   200,  200,   200,   200,   200,   200)
MEMBERS =         (401,  200,    200,   200,  200,   200,   200,   200,   200)
OWN_PAIRING =     (401,  200,    200,   200,  200,   200,   404,   404,   200)
SIGNED_IN =       (LOGIN, 200,   200,   200,  200,   200,   200,   200,   200)
POST_ONLY =       (LOGIN, 405,   405,   405,  405,   405,   405,   405,   405)
DRAFT_PLAN =      (404,  200,    200,   200,  200,   200,   404,   404,   200)
# fmt: on


def draft_plan(world):
    """A draft plan of the world's pairing: public list, but only its pairing's people open it."""
    from actionplans.models import ActionPlan

    plan, _ = ActionPlan.objects.get_or_create(pairing=world.network.pairing, defaults={"title": "Draft plan"})
    return plan


API_URL_EXPECTATIONS = {
    "api:api-root": (lambda w: {}, PUBLIC),
    "api:schema": (lambda w: {}, PUBLIC),
    "api:docs": (lambda w: {}, PUBLIC),
    "api:docs_explorer": (lambda w: {}, PUBLIC),
    "api:city-list": (lambda w: {}, PUBLIC),
    "api:city-detail": (lambda w: {"slug": w.network.implementing_city.slug}, PUBLIC),
    "api:scheme-list": (lambda w: {}, PUBLIC),
    "api:scheme-detail": (lambda w: {"pk": w.network.pairing.scheme_id}, PUBLIC),
    "api:pairing-list": (lambda w: {}, PUBLIC),
    "api:pairing-detail": (lambda w: {"pk": w.network.other_pairing.pk}, PUBLIC),
    "api:toolkit-list": (lambda w: {}, PUBLIC),
    "api:toolkit-detail": (lambda w: {"slug": w.toolkit.slug}, PUBLIC),
    "api:practice-list": (lambda w: {}, PUBLIC),
    "api:practice-detail": (lambda w: {"slug": w.practice.slug}, PUBLIC),
    "api:event-list": (lambda w: {}, PUBLIC),
    "api:event-detail": (lambda w: {"slug": w.event.slug}, PUBLIC),
    "api:plan-list": (lambda w: {}, PUBLIC),
    "api:plan-detail": (lambda w: {"pk": draft_plan(w).pk}, DRAFT_PLAN),
    "api:visit-list": (lambda w: {}, MEMBERS),
    "api:visit-detail": (lambda w: {"pk": w.visit.pk}, OWN_PAIRING),
    "api:report-list": (lambda w: {}, MEMBERS),
    "api:report-detail": (lambda w: {"pk": w.draft_report.pk}, OWN_PAIRING),
    "api:recommendation-list": (lambda w: {}, MEMBERS),
    "api:recommendation-detail": (lambda w: {"pk": w.draft_recommendation.pk}, OWN_PAIRING),
    "api:tokens": (lambda w: {}, SIGNED_IN),
    "api:token_revoke": (lambda w: {"pk": 1}, POST_ONLY),
}


@pytest.mark.parametrize(
    "name, role", [pytest.param(name, role, id=f"{name}, {role}") for name in API_URL_EXPECTATIONS for role in ROLES]
)
def test_api_permission(client, world, name, role):
    kwargs, expected = API_URL_EXPECTATIONS[name]
    url = reverse(name, kwargs=kwargs(world))
    if role != "anonymous":
        client.force_login(world[role])

    response = client.get(url)

    assert response.status_code == expected[ROLES.index(role)]
    if expected[ROLES.index(role)] == LOGIN:
        assert response["Location"].startswith("/accounts/login/")
