"""Demo strengths and challenges for the pairings' infographics.

Illustrative: written for the demo from the schemes' themes, not taken from
the cities' own documents; every profile is marked `is_demo` and the
infographic says so."""

from django.db import transaction

from mentoring.models import Pairing

from .models import PairingProfile

# (mentor slug, implementing slug): (the mentor's strengths, the implementing city's challenges)
PROFILES = {
    ("munich", "athens"): (
        [
            "Dual vocational training with the chambers of crafts and commerce",
            "Job centre teams that advise young refugees in several languages",
            "Long-standing partnerships with local employers",
        ],
        [
            "Many young newcomers without recognised qualifications",
            "Few links between the municipality and employers",
            "Services spread over several departments",
        ],
    ),
    ("nantes", "dresden"): (
        [
            "A municipal anti-discrimination plan with measurable goals",
            "Testing of recruitment practices with local companies",
        ],
        [
            "Discrimination in hiring reported by migrant job seekers",
            "Little data on the diversity of the city's own workforce",
        ],
    ),
    ("brighton-hove", "utrecht"): (
        [
            "Social value clauses in the city's procurement",
            "Support for small and diverse suppliers to bid",
        ],
        [
            "Migrant entrepreneurs rarely win public contracts",
            "Tender documents that are hard to read for newcomers",
        ],
    ),
    ("birmingham", "lisbon"): (
        [
            "A procurement charter that asks contractors for local jobs",
            "Networks of minority-led businesses",
        ],
        [
            "Small migrant businesses outside the public market",
            "Little guidance on procurement for newcomers",
        ],
    ),
    ("rotterdam", "tampere"): (
        [
            "Youth desks that match young people with apprenticeships",
            "Mentoring by volunteers from businesses",
        ],
        [
            "Young migrants leaving school without a job or training",
            "Employers unaware of the newcomers' skills",
        ],
    ),
    ("barcelona", "nicosia"): (
        [
            "A one-stop service for starting a business, in several languages",
            "Micro-credit and coaching with local partners",
        ],
        [
            "Migrant entrepreneurs working without registration",
            "Information for founders only in Greek",
        ],
    ),
    ("helsinki", "gdansk"): (
        [
            "Business advice for newcomers (NewCo Helsinki)",
            "Start-up training in English and other languages",
        ],
        [
            "A fast-growing community of Ukrainian entrepreneurs in Gdańsk",
            "Advice services that do not reach newcomers",
        ],
    ),
    ("ghent", "riga"): (
        [
            "An anti-discrimination unit and a reporting point",
            "Awareness training for the city's staff",
        ],
        [
            "Few tools against discrimination on the job market in Rīga",
            "Little awareness among employers",
        ],
    ),
}


@transaction.atomic
def load_demo_profiles():
    """Create or update the demo profiles of the demo pairings; idempotent. Returns how many."""
    count = 0
    for (mentor, implementing), (strengths, challenges) in PROFILES.items():
        pairing = Pairing.objects.filter(mentor_city__slug=mentor, implementing_city__slug=implementing).first()
        if pairing is None:
            continue
        PairingProfile.objects.update_or_create(
            pairing=pairing,
            defaults={
                "mentor_strengths": "\n".join(strengths),
                "implementing_challenges": "\n".join(challenges),
                "is_demo": True,
            },
        )
        count += 1
    return count
