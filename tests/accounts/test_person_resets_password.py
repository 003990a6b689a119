import re

from django.core import mail

from notifications.models import OutboundEmail
from tests.factories import PASSWORD

RESET = "/accounts/password/reset/"


def test_a_known_address_gets_a_link_that_sets_a_new_password(client, network, django_capture_on_commit_callbacks):
    officer = network["officer"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESET, {"email": officer.email})

    assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/done/"
    [message] = mail.outbox
    assert message.to == [officer.email]
    assert message.subject.startswith("[CITIES-GROW] ")
    # Like every mail, it went through the outbox (sent by a worker, visible to staff).
    assert OutboundEmail.objects.get().status == "sent"
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", message.body).group(1)

    form = client.get(link, follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"password1": "A-fresh-password-2018", "password2": "A-fresh-password-2018"},
    )
    assert done.status_code == 302

    assert client.post("/accounts/login/", {"login": officer.email, "password": PASSWORD}).status_code == 200
    response = client.post("/accounts/login/", {"login": officer.email, "password": "A-fresh-password-2018"})
    assert response.status_code == 302 and response["Location"] == "/"


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(RESET, {"email": network["officer"].email})
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        unknown = client.post(RESET, {"email": "nobody@nowhere.example"})

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert mail.outbox == []
    assert OutboundEmail.objects.count() == 1
    assert main(client.get(unknown["Location"])) == main(client.get(known["Location"]))


def main(response):
    return re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)


def test_the_reset_mail_is_in_the_language_kept_on_the_account(client, network, django_capture_on_commit_callbacks):
    officer = network["officer"]
    officer.language = "de"
    officer.save(update_fields=["language"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": officer.email}, headers={"accept-language": "fr"})

    [message] = mail.outbox
    assert message.subject == "[CITIES-GROW] E-Mail zum Zurücksetzen des Passworts"
    assert OutboundEmail.objects.get().language == "de"
