"""A toolkit is piloted in its scheme (officers comment, the expert edits), then finalised and published."""

import pytest
from django.urls import reverse

from tests.factories import ToolkitFactory
from toolkits import services
from toolkits.models import Toolkit

pytestmark = pytest.mark.django_db


def test_scheme_officer_comments_on_the_pilot_version(client, library):
    client.force_login(library.network["mentor_officer"])

    response = client.post(
        reverse("toolkits:toolkit_comment", args=[library.toolkit.slug]), {"body": "Add a key factor on SMEs."}
    )

    assert response.status_code == 302
    comment = library.toolkit.comments.get()
    assert comment.city == library.network.mentor_city and comment.version == library.toolkit.version
    page = client.get(library.toolkit.get_absolute_url()).content.decode()
    assert "Add a key factor on SMEs." in page


@pytest.mark.parametrize("role", ["expert", "other_city_officer", "administrative_approver"])
def test_only_officers_of_the_scheme_comment(client, library, role):
    client.force_login(library.network[role])

    response = client.post(reverse("toolkits:toolkit_comment", args=[library.toolkit.slug]), {"body": "Hello"})

    assert response.status_code in (403, 404)
    assert not library.toolkit.comments.exists()


def test_expert_edits_the_toolkit_and_its_version_rises(client, library):
    client.force_login(library.network["expert"])

    client.post(
        reverse("toolkits:toolkit_edit", args=[library.toolkit.slug]),
        {"title": library.toolkit.title, "theme": "Procurement", "introduction": "", "benchmark": "A new standard."},
    )

    library.toolkit.refresh_from_db()
    assert library.toolkit.benchmark == "A new standard." and library.toolkit.version == 2


def test_expert_cannot_finalise_or_publish(client, library):
    client.force_login(library.network["expert"])

    response = client.post(reverse("toolkits:toolkit_transition", args=[library.toolkit.slug, "finalise"]))

    assert response.status_code == 403
    library.toolkit.refresh_from_db()
    assert library.toolkit.state == Toolkit.State.PILOT


def test_coordinator_finalises_and_publishes_and_the_public_reads_it(client, library):
    coordinator = library.network["coordinator"]
    client.force_login(coordinator)
    response = client.post(reverse("toolkits:toolkit_transition", args=[library.toolkit.slug, "finalise"]))
    assert response.status_code == 302
    client.post(reverse("toolkits:toolkit_transition", args=[library.toolkit.slug, "publish"]))
    library.toolkit.refresh_from_db()
    assert library.toolkit.state == Toolkit.State.PUBLISHED and library.toolkit.published_at

    client.logout()
    assert client.get(library.toolkit.get_absolute_url()).status_code == 200
    assert library.toolkit.title in client.get(reverse("toolkits:toolkits")).content.decode()


def test_a_published_toolkit_is_no_longer_edited_or_commented(library):
    coordinator = library.network["coordinator"]
    services.finalise_toolkit(toolkit=library.toolkit, by=coordinator)
    services.publish_toolkit(toolkit=library.toolkit, by=coordinator)
    library.toolkit.refresh_from_db()

    assert not library.network["expert"].has_perm("toolkits.edit_toolkit", library.toolkit)
    assert not library.network["officer"].has_perm("toolkits.comment_toolkit", library.toolkit)


def test_steps_follow_the_order(library):
    with pytest.raises(services.TransitionNotAllowed):
        services.publish_toolkit(toolkit=library.toolkit, by=library.network["coordinator"])


def test_unpublished_toolkits_are_not_listed_for_outsiders(client, library):
    ToolkitFactory(title="Published one", state=Toolkit.State.PUBLISHED, published_at="2018-11-01T00:00Z")
    client.force_login(library.network["other_city_officer"])

    page = client.get(reverse("toolkits:toolkits")).content.decode()

    assert "Published one" in page and library.toolkit.title not in page
