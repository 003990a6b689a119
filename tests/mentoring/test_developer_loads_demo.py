from io import StringIO

from allauth.account.models import EmailAddress
from django.core.management import call_command

from accounts.models import User
from mentoring.demo_network import DEMO_PASSWORD
from mentoring.models import City, Membership, Organisation, Pairing, Programme, Scheme
from notifications.models import Delivery, Notification, OutboundEmail


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_loading_the_demo_twice_gives_the_same_network(db):
    load_demo()
    users_before = dict(User.objects.values_list("email", "pk"))

    output = load_demo()

    assert "Demo network loaded: 16 cities, 4 organisations, 4 schemes, 8 pairings" in output
    assert City.objects.count() == 16
    assert Organisation.objects.count() == 4
    assert Programme.objects.count() == 1
    assert Scheme.objects.count() == 4
    assert Pairing.objects.count() == 8
    assert Pairing.objects.filter(verified=True).count() == 4
    assert Pairing.objects.filter(verified=False).count() == 4
    assert dict(User.objects.values_list("email", "pk")) == users_before
    assert len(users_before) == 16 * 3 + 5
    assert Membership.objects.count() == 16 * 3 + 5
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == len(users_before)


def test_every_city_is_in_exactly_one_pairing(db):
    load_demo()

    for city in City.objects.all():
        assert (
            Pairing.objects.filter(mentor_city=city).count() + Pairing.objects.filter(implementing_city=city).count()
            == 1
        ), city


def test_the_output_names_the_demo_logins_and_their_password(db):
    output = load_demo()

    assert f"password for all: {DEMO_PASSWORD}" in output
    for email in ("officer@athens.example", "officer@munich.example", "coordinator@eurocities.example"):
        assert email in output
    assert "officer@athens.example             City officer, Athens" in output
    assert "officer@riga.example" not in output
    assert "officer@riga.example" in load_demo("--all-logins")


def test_the_demo_logins_work_with_the_printed_password(client, db):
    load_demo()

    response = client.post("/accounts/login/", {"login": "officer@athens.example", "password": DEMO_PASSWORD})

    assert response.status_code == 302 and response["Location"] == "/"


def test_loading_again_keeps_a_password_a_demo_person_changed(db):
    load_demo()
    officer = User.objects.get(email="officer@athens.example")
    officer.set_password("My-own-password-2018")
    officer.save()

    load_demo()

    officer.refresh_from_db()
    assert officer.check_password("My-own-password-2018")


def test_coordinators_are_staff(db):
    load_demo()

    coordinators = User.objects.filter(email__startswith="coordinator")
    assert coordinators.count() == 2
    assert all(user.is_staff and user.is_superuser for user in coordinators)
    assert not User.objects.filter(is_staff=True).exclude(email__startswith="coordinator").exists()


def test_loading_the_demo_fills_inboxes_but_mails_nobody_and_a_second_run_adds_nothing(db):
    load_demo()
    notifications = Notification.objects.count()

    load_demo()

    assert notifications > 0  # the plans' history, through the real services
    assert Notification.objects.count() == notifications
    assert not Notification.objects.exclude(delivery=Delivery.INBOX).exists()  # nothing waits for a digest
    assert not OutboundEmail.objects.exists()
    assert User.objects.get(email="expert@migrationwork.example").notifications.filter(event="review.assigned")
