import pytest

from citiesgrow.celery import app as celery_app
from notifications import services
from notifications.models import OutboundEmail
from tests.factories import PairingFactory, UserFactory


@pytest.fixture(autouse=True)
def _broker_not_known_to_be_down():
    services._broker_failed_at = None
    yield
    services._broker_failed_at = None


@pytest.fixture
def pairing(db):
    """A test-only target: the notifications app works with any model."""
    return PairingFactory()


@pytest.fixture
def people(db):
    return [UserFactory(name=f"Person {n}") for n in range(3)]


def outbox(**filters):
    return list(OutboundEmail.objects.filter(**filters).order_by("pk"))


class BrokerUnreachable:
    """Point the web process's Celery app at a port where nothing listens (Redis is
    down), without touching the shared Redis; `restore()` brings it back."""

    DEAD = "redis://127.0.0.1:1/0"

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch
        self.previous = celery_app.conf.broker_url

    def _switch(self, url):
        celery_app.conf.broker_url = url
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    def start(self):
        self.monkeypatch.setenv("CELERY_BROKER_URL", self.DEAD)
        self._switch(self.DEAD)

    def restore(self):
        self.monkeypatch.setenv("CELERY_BROKER_URL", self.previous)
        self._switch(self.previous)


@pytest.fixture
def broker_down(monkeypatch):
    broker = BrokerUnreachable(monkeypatch)
    broker.start()
    yield broker
    broker.restore()
