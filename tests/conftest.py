import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from citiesgrow.celery import app as celery_app
from mentoring.demo import load_demo_network
from mentoring.models import Organisation, Pairing, Role

from .factories import PairingFactory, SchemeFactory, person

pytest_plugins = ["tests.worker"]


@pytest.fixture(autouse=True)
def _fast_passwords_and_eager_tasks(settings):
    """Tests run tasks in-process unless they start a real worker (tests/worker.py)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits and used MFA codes live in the cache: no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_to_begin_with():
    """A request activates its reader's language for the thread; no test inherits another's."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def demo(db):
    """The real CITIES-GROW demo network (16 cities, 4 schemes, 8 pairings, demo people)."""
    load_demo_network()
    return Pairing.objects.select_related("mentor_city", "implementing_city", "scheme")


class Network:
    """Two pairings in two schemes with one person per role, for permission tests."""

    def __init__(self):
        self.pairing = PairingFactory(scheme=SchemeFactory(code="A"))
        self.other_pairing = PairingFactory(scheme=SchemeFactory(code="B", programme=self.pairing.programme))
        self.programme = self.pairing.programme
        self.coordinator_org = self.programme.coordinator
        self.implementing_city = self.pairing.implementing_city
        self.mentor_city = self.pairing.mentor_city
        self.other_city = self.other_pairing.implementing_city
        self.expert_org = self.pairing.scheme.facilitator
        self.people = {
            "officer": person(Role.CITY_OFFICER, city=self.implementing_city),
            "mentor_officer": person(Role.CITY_OFFICER, city=self.mentor_city),
            "administrative_approver": person(Role.ADMINISTRATIVE_APPROVER, city=self.implementing_city),
            "political_approver": person(Role.POLITICAL_APPROVER, city=self.implementing_city),
            "expert": person(Role.EXPERT_PARTNER, organisation=self.expert_org),
            "other_expert": person(Role.EXPERT_PARTNER, organisation=self.other_pairing.scheme.facilitator),
            "other_city_officer": person(Role.CITY_OFFICER, city=self.other_city),
            "coordinator": person(Role.COORDINATOR, organisation=self.coordinator_org),
        }

    def __getitem__(self, name):
        return self.people[name]


@pytest.fixture
def network(db):
    assert Organisation.objects.count() == 0
    return Network()
