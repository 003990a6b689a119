import datetime
import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.utils import timezone

from accounts.models import User
from mentoring.models import (
    City,
    Membership,
    Organisation,
    Pairing,
    Programme,
    Recommendation,
    Role,
    Scheme,
    Visit,
    VisitReport,
)
from toolkits.models import GoodPractice, Series, Theme, Toolkit
from toolkits.richtext import html_to_text
from toolkits.services import refresh_search_vectors

PASSWORD = "a-good-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@test.example")
    name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Expert organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.EXPERT_PARTNER


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    country = "Belgium"
    iso_code = "BE"


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    title = "Integration of migrants through economic activity in cities"
    starts_on = datetime.date(2017, 2, 1)
    ends_on = datetime.date(2019, 1, 31)
    funding = "AMIF"
    coordinator = factory.SubFactory(
        OrganisationFactory, name="EUROCITIES", slug="eurocities", kind=Organisation.Kind.COORDINATOR
    )


class SchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scheme

    programme = factory.SubFactory(ProgrammeFactory)
    code = factory.Sequence(lambda n: "ABCDEFGH"[n % 8])
    title = factory.LazyAttribute(lambda o: f"Scheme {o.code} title")
    short_title = factory.LazyAttribute(lambda o: f"Scheme {o.code}")
    facilitator = factory.SubFactory(OrganisationFactory)


class PairingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pairing

    scheme = factory.SubFactory(SchemeFactory)
    mentor_city = factory.SubFactory(CityFactory)
    implementing_city = factory.SubFactory(CityFactory)
    verified = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.CITY_OFFICER
    city = factory.SubFactory(CityFactory)
    organisation = None


def person(role, *, city=None, organisation=None, **user_fields):
    """A user holding one role in a city or an organisation."""
    user = UserFactory(**user_fields)
    Membership.objects.create(user=user, role=role, city=city, organisation=organisation)
    if role == Role.COORDINATOR:
        user.is_staff = user.is_superuser = True
        user.save()
    return user


def enable_totp(user):
    """Give a person an authenticator app; returns the secret to compute codes with."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret):
    """The six digits the person's authenticator app shows now, and still shows for a second or two."""
    period = mfa_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < 2:  # allauth accepts only the current code: don't hand out one about to change
        time.sleep(left)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


class VisitFactory(factory.django.DjangoModelFactory):
    """A study visit of the implementing city to its mentor, within the programme."""

    class Meta:
        model = Visit

    pairing = factory.SubFactory(PairingFactory)
    kind = Visit.Kind.STUDY
    host = Visit.Host.MENTOR
    starts_on = datetime.date(2017, 10, 23)
    ends_on = datetime.date(2017, 10, 25)
    brief_due_on = datetime.date(2017, 10, 9)
    report_due_on = datetime.date(2017, 11, 24)


class VisitReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitReport

    visit = factory.SubFactory(VisitFactory, status=Visit.Status.HELD)
    summary = "What we saw and learnt."


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    report = factory.SubFactory(VisitReportFactory)
    number = factory.Sequence(lambda n: n + 1)
    author = Recommendation.Author.MENTOR_CITY
    text = "Bring the job centre, the chamber and the schools to one table."


# Toolkits and the good-practice library


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class ToolkitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Toolkit

    title = factory.Sequence(lambda n: f"Toolkit {n}")
    slug = factory.Sequence(lambda n: f"toolkit-{n}")
    series = Series.CITIES_GROW
    year = 2018
    theme = "Migrant entrepreneurship"
    benchmark = "The city opens its contracts to businesses run by migrants."


class GoodPracticeFactory(factory.django.DjangoModelFactory):
    """A published practice with its search vector (use `state=` for an unpublished one)."""

    class Meta:
        model = GoodPractice
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    city_name = "Ghent"
    country_name = "Belgium"
    country_code = "BE"
    summary = "A short summary."
    description = "<p>A longer description.</p>"
    description_text = factory.LazyAttribute(lambda o: html_to_text(o.description))
    state = GoodPractice.State.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def index(self, create, extracted, **kwargs):
        if create:
            refresh_search_vectors(GoodPractice.objects.filter(pk=self.pk))
