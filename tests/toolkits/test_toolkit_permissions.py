"""Every toolkits URL, as every role: the expected status of a GET.

TOOLKIT_URL_EXPECTATIONS is laid out like the main permission matrix (URL name → role → status) so it
can be merged into it. The objects behind each URL come from the `library` fixture (tests/toolkits/
conftest.py): the pilot toolkit and the submitted practice belong to the first pairing's scheme and
implementing city ("officer"), the published practice to the other pairing's city. POST-only URLs answer
405 to a GET; what their POST allows is tested in the workflow tests. Coordinator staff are superusers
and may do everything, except write a transferability assessment, which speaks for a city.
"""

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


def _row(*statuses):
    return dict(zip(ROLES, statuses, strict=True))


PUBLIC = _row(200, 200, 200, 200, 200, 200, 200, 200, 200)
POST_ONLY = _row(405, 405, 405, 405, 405, 405, 405, 405, 405)

TOOLKIT_URL_EXPECTATIONS = {
    #                                      anon officer mentor admin  polit  expert o.exp  o.city coord
    "toolkits:charter": PUBLIC,
    "toolkits:european_modules": PUBLIC,
    "toolkits:toolkits": PUBLIC,
    "toolkits:library": PUBLIC,
    "toolkits:toolkit": _row(404, 200, 200, 200, 200, 200, 404, 404, 200),
    "toolkits:toolkit_edit": _row(302, 403, 403, 403, 403, 200, 404, 404, 200),
    "toolkits:toolkit_comment": POST_ONLY,
    "toolkits:toolkit_transition": POST_ONLY,
    "toolkits:practice_create": _row(302, 200, 200, 403, 403, 403, 403, 200, 200),
    "toolkits:review_queue": _row(302, 200, 200, 403, 403, 200, 200, 200, 200),
    "toolkits:practice": _row(404, 200, 404, 200, 200, 200, 404, 404, 200),
    "toolkits:practice_edit": _row(302, 200, 404, 403, 403, 200, 404, 404, 200),
    "toolkits:practice_add_link": _row(302, 200, 404, 403, 403, 200, 404, 404, 200),
    "toolkits:practice_add_video": _row(302, 200, 404, 403, 403, 200, 404, 404, 200),
    "toolkits:practice_transition": POST_ONLY,
    "toolkits:practice_transferability": _row(302, 200, 200, 403, 403, 403, 403, 403, 403),
    "toolkits:self_assessment": _row(302, 200, 200, 200, 200, 200, 404, 404, 200),
    "toolkits:self_assessment_edit": _row(302, 200, 403, 403, 403, 403, 404, 404, 200),
}


def url_for(name, library):
    city = library.network.implementing_city.slug
    kwargs = {
        "toolkits:toolkit": {"slug": "pilot-toolkit"},
        "toolkits:toolkit_edit": {"slug": "pilot-toolkit"},
        "toolkits:toolkit_comment": {"slug": "pilot-toolkit"},
        "toolkits:toolkit_transition": {"slug": "pilot-toolkit", "action": "finalise"},
        "toolkits:practice": {"slug": "submitted-practice"},
        "toolkits:practice_edit": {"slug": "submitted-practice"},
        "toolkits:practice_add_link": {"slug": "submitted-practice"},
        "toolkits:practice_add_video": {"slug": "submitted-practice"},
        "toolkits:practice_transition": {"slug": "submitted-practice", "action": "validate"},
        "toolkits:practice_transferability": {"slug": "published-practice"},
        "toolkits:self_assessment": {"slug": city},
        "toolkits:self_assessment_edit": {"slug": city, "moment": "baseline"},
    }.get(name, {})
    return reverse(name, kwargs=kwargs)


def test_every_toolkits_url_is_in_the_matrix():
    from toolkits.urls import urlpatterns

    assert {f"toolkits:{p.name}" for p in urlpatterns} == set(TOOLKIT_URL_EXPECTATIONS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(TOOLKIT_URL_EXPECTATIONS))
def test_role_gets_expected_status(client, library, name, role):
    if role != "anonymous":
        client.force_login(library.network[role])

    response = client.get(url_for(name, library))

    assert response.status_code == TOOLKIT_URL_EXPECTATIONS[name][role], (name, role)
