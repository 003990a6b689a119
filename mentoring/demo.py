"""Loading the demo network: idempotent, keyed on slugs and e-mail addresses."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

from . import demo_network as data
from .models import City, Membership, Organisation, Pairing, Programme, Role, Scheme


@transaction.atomic
def load_demo_network():
    """Create or update the CITIES-GROW network and its demo people. Returns the demo logins."""
    organisations = {}
    for row in data.ORGANISATIONS:
        organisations[row["slug"]], _ = Organisation.objects.update_or_create(
            slug=row["slug"], defaults={k: v for k, v in row.items() if k != "slug"}
        )
    programme, _ = Programme.objects.update_or_create(
        slug=data.PROGRAMME["slug"],
        defaults={
            **{k: v for k, v in data.PROGRAMME.items() if k != "slug"},
            "coordinator": organisations["eurocities"],
        },
    )
    cities = {}
    for name, slug, local_name, country, iso_code in data.CITIES:
        cities[slug], _ = City.objects.update_or_create(
            slug=slug, defaults={"name": name, "local_name": local_name, "country": country, "iso_code": iso_code}
        )
    schemes = {}
    for row in data.SCHEMES:
        schemes[row["code"]], _ = Scheme.objects.update_or_create(
            programme=programme,
            code=row["code"],
            defaults={
                "title": row["title"],
                "short_title": row["short_title"],
                "description": row["description"],
                "facilitator": organisations[row["facilitator"]],
            },
        )
    for row in data.PAIRINGS:
        Pairing.objects.update_or_create(
            scheme=schemes[row["scheme"]],
            mentor_city=cities[row["mentor"]],
            implementing_city=cities[row["implementing"]],
            defaults={
                "status": Pairing.Status.COMPLETED,
                "starts_on": programme.starts_on,
                "ends_on": programme.ends_on,
                "verified": row["verified"],
                "confidence": row["confidence"],
                "source_url": row.get("source_url", ""),
                "note": row["note"],
            },
        )

    logins = []
    for slug, names in data.CITY_PEOPLE.items():
        for role, name in zip(Role.city_roles(), names, strict=True):
            email = data.city_email(role, slug)
            _person(email=email, name=name, role=role, city=cities[slug])
            logins.append((email, Role(role).label, cities[slug].name))
    for slug, people in data.ORGANISATION_PEOPLE.items():
        for index, (role, name, job_title) in enumerate(people):
            email = data.organisation_email(role, slug, index)
            _person(email=email, name=name, role=role, organisation=organisations[slug], job_title=job_title)
            logins.append((email, Role(role).label, organisations[slug].name))
    return logins


def _person(*, email, name, role, city=None, organisation=None, job_title=""):
    User = get_user_model()
    user, created = User.objects.get_or_create(email=email, defaults={"name": name})
    if created:
        user.set_password(data.DEMO_PASSWORD)
    user.name = name
    if role == Role.COORDINATOR:
        user.is_staff = user.is_superuser = True
    user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    Membership.objects.update_or_create(
        user=user, role=role, city=city, organisation=organisation, defaults={"job_title": job_title}
    )
