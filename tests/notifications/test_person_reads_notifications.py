import re
from datetime import timedelta

import pytest
from django.utils import timezone

from notifications.models import Notification
from notifications.services import notify
from tests.factories import PairingFactory, UserFactory


@pytest.fixture
def reader(db):
    return UserFactory(name="Rita Reader")


@pytest.fixture
def inbox(reader, pairing):
    """Three notifications about two targets, at distinct times."""
    other = PairingFactory()
    start = timezone.now() - timedelta(hours=3)
    notify(recipients=[reader], event="visit.planned", target=pairing, now=start)
    notify(recipients=[reader], event="plan.submitted", target=other, now=start + timedelta(hours=1))
    notify(
        recipients=[reader],
        event="visit.changed",
        target=pairing,
        context={"summary": "The visit moves to May.", "items": ["New date: 12 May"]},
        now=start + timedelta(hours=2),
    )
    return other


def test_the_bell_shows_the_number_of_unread_notifications(client, reader, inbox):
    client.force_login(reader)

    page = client.get("/").content.decode()

    assert re.search(r'<span class="badge[^"]*">3</span><span class="visually-hidden"> unread</span>', page)
    assert '<span class="visually-hidden">Notifications</span>' in page


def test_the_inbox_groups_by_target_newest_first_with_links(client, reader, pairing, inbox):
    client.force_login(reader)

    page = client.get("/notifications/").content.decode()

    assert page.index(f'href="/pairings/{pairing.pk}/"') < page.index(f'href="/pairings/{inbox.pk}/"')
    assert page.index("Visit changed") < page.index("Visit planned") < page.index("Action plan submitted")
    assert "The visit moves to May." in page and "New date: 12 May" in page


def test_a_person_marks_one_notification_read_without_javascript(client, reader, inbox):
    client.force_login(reader)
    first = Notification.objects.filter(recipient=reader).first()

    response = client.post(f"/notifications/{first.pk}/read/", follow=True)

    assert response.redirect_chain == [("/notifications/", 302)]
    assert Notification.objects.get(pk=first.pk).read_at is not None
    assert "2 unread." in response.content.decode()


def test_with_htmx_the_item_and_the_bell_are_updated_in_place(client, reader, inbox):
    client.force_login(reader)
    first = Notification.objects.filter(recipient=reader).first()

    response = client.post(f"/notifications/{first.pk}/read/", headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.lstrip().startswith(f'<li class="list-group-item" id="notification-{first.pk}">')
    assert "Mark as read" not in html
    assert (
        '<span id="unread-count" hx-swap-oob="true"><span class="badge rounded-pill bg-light text-dark">2</span>'
        in (html)
    )


def test_a_person_marks_all_read(client, reader, inbox):
    client.force_login(reader)

    response = client.post("/notifications/read/", follow=True)

    assert "3 notifications marked as read." in response.content.decode()
    assert not Notification.objects.unread().exists()
    assert "none unread" in response.content.decode()


def test_nobody_marks_someone_elses_notification(client, reader, inbox):
    client.force_login(UserFactory())
    first = Notification.objects.filter(recipient=reader).first()

    assert client.post(f"/notifications/{first.pk}/read/").status_code == 404
    assert Notification.objects.get(pk=first.pk).read_at is None


def test_the_inbox_query_count_does_not_grow_with_notifications(client, reader, inbox, django_assert_max_num_queries):
    client.force_login(reader)
    client.get("/notifications/")
    for _ in range(20):
        notify(recipients=[reader], event="visit.planned", target=PairingFactory())

    with django_assert_max_num_queries(12):
        client.get("/notifications/")
