"""The CITIES-GROW network as demo data.

Facts about the programme, its cities, partners, schemes and the four
confirmed pairings come from published sources (named on each pairing). The
other four pairings are illustrative: no source says who mentored whom among
Barcelona, Gdansk, Ghent, Helsinki, Nicosia, Riga, Rotterdam and Tampere.
Every person is fictional and has an address under `.example`.
"""

import datetime

DEMO_PASSWORD = "cities-grow-demo"  # noqa: S105 - printed for the demo logins, on purpose

PROGRAMME = {
    "name": "CITIES-GROW",
    "slug": "cities-grow",
    "title": "Integration of migrants through economic activity in cities",
    "starts_on": datetime.date(2017, 2, 1),
    "ends_on": datetime.date(2019, 1, 31),
    "funding": "the Asylum, Migration and Integration Fund (AMIF) of the European Union",
    "description": (
        "Sixteen European cities learn from each other in pairs: a mentor city with experience in a theme "
        "helps an implementing city close a gap in its own policy. Study visits, mentoring visits and a "
        "local action plan, approved by the city's administration and endorsed by its political leaders, "
        "carry the change; four Integrating Cities toolkits carry the knowledge to other cities."
    ),
}

ORGANISATIONS = [
    {
        "slug": "eurocities",
        "name": "EUROCITIES",
        "short_name": "EUROCITIES",
        "kind": "coordinator",
        "website": "https://eurocities.eu",
    },
    {
        "slug": "mpg",
        "name": "Migration Policy Group",
        "short_name": "MPG",
        "kind": "expert_partner",
        "website": "https://www.migpolgroup.com",
    },
    {
        "slug": "migrationwork",
        "name": "MigrationWork CIC",
        "short_name": "MigrationWork",
        "kind": "expert_partner",
        "website": "https://www.migrationwork.org",
    },
    {
        "slug": "mpi-europe",
        "name": "Migration Policy Institute Europe",
        "short_name": "MPI Europe",
        "kind": "expert_partner",
        "website": "https://www.migrationpolicy.org/about/mpi-europe",
    },
]

# (name, slug, local name, country, ISO 3166-1 alpha-2)
CITIES = [
    ("Athens", "athens", "Αθήνα", "Greece", "GR"),
    ("Barcelona", "barcelona", "", "Spain", "ES"),
    ("Birmingham", "birmingham", "", "United Kingdom", "GB"),
    ("Brighton & Hove", "brighton-hove", "", "United Kingdom", "GB"),
    ("Dresden", "dresden", "", "Germany", "DE"),
    ("Gdansk", "gdansk", "Gdańsk", "Poland", "PL"),
    ("Ghent", "ghent", "Gent", "Belgium", "BE"),
    ("Helsinki", "helsinki", "", "Finland", "FI"),
    ("Lisbon", "lisbon", "Lisboa", "Portugal", "PT"),
    ("Munich", "munich", "München", "Germany", "DE"),
    ("Nantes", "nantes", "", "France", "FR"),
    ("Nicosia", "nicosia", "Λευκωσία", "Cyprus", "CY"),
    ("Riga", "riga", "Rīga", "Latvia", "LV"),
    ("Rotterdam", "rotterdam", "", "Netherlands", "NL"),
    ("Tampere", "tampere", "", "Finland", "FI"),
    ("Utrecht", "utrecht", "", "Netherlands", "NL"),
]

SCHEMES = [
    {
        "code": "A",
        "short_title": "Access to public and private contracts",
        "title": "Matching buyers and suppliers: access to public and private contracts for migrant entrepreneurs",
        "facilitator": "mpg",
        "description": (
            "How a city, as a large buyer, opens its tenders and its partners' supply chains to businesses "
            "run by migrants: social value in procurement, smaller lots, consortia of small firms."
        ),
    },
    {
        "code": "B",
        "short_title": "Job-skills match for youth with a migrant background",
        "title": (
            "Engaging businesses, local job agencies and educational institutions for a job-skills match "
            "of youth with a migrant background"
        ),
        "facilitator": "migrationwork",
        "description": (
            "Partnerships between employers, job centres and schools that bring young people with a migrant "
            "background into training and work that fits their skills."
        ),
    },
    {
        "code": "C",
        "short_title": "Services for migrant entrepreneurs",
        "title": "Services to promote and support migrant entrepreneurs",
        "facilitator": "mpi-europe",
        "description": (
            "Advice, training, finance and networks that help migrants start and grow a business, "
            "offered or brokered by the city."
        ),
    },
    {
        "code": "D",
        "short_title": "Anti-discrimination on the local job market",
        "title": "Anti-discrimination strategies on the local job market",
        "facilitator": "mpg",
        "description": (
            "What a city does, as employer, service provider and convenor, against discrimination in "
            "recruitment and at work."
        ),
    },
]

PAIRINGS = [
    {
        "scheme": "B",
        "mentor": "munich",
        "implementing": "athens",
        "verified": True,
        "confidence": "H",
        "source_url": "http://anyflip.com/zerr/acrf/basic",
        "note": "Named in the programme's infographics (November 2018).",
    },
    {
        "scheme": "D",
        "mentor": "nantes",
        "implementing": "dresden",
        "verified": True,
        "confidence": "H",
        "source_url": (
            "https://www.dresden.de/de/leben/stadtportrait/europa/europaarbeit/eu-projekte/Migration-und-Integration.php"
        ),
        "note": "Dresden's own pages describe the tandem with Nantes.",
    },
    {
        "scheme": "A",
        "mentor": "brighton-hove",
        "implementing": "utrecht",
        "verified": True,
        "confidence": "M",
        "source_url": (
            "http://eurocities.eu/eurocities/allcontent/"
            "Valuing-your-values-Brighton-Hove-visited-by-Utrecht-through-CITIES-GROW-WSPO-BC8LYQ"
        ),
        "note": "Utrecht's study visit to Brighton & Hove is reported; the direction follows from who visited whom.",
    },
    {
        "scheme": "A",
        "mentor": "birmingham",
        "implementing": "lisbon",
        "verified": True,
        "confidence": "M",
        "source_url": (
            "http://eurocities.eu/eurocities/allcontent/Ability-response-and-social-responsibility-"
            "Lisbon-visits-Birmingham-to-grow-social-value-with-Cities-Grow-WSPO-AXJDUX"
        ),
        "note": "Lisbon's two-day study visit to Birmingham is reported; scheme A follows from its topics.",
    },
    {
        "scheme": "B",
        "mentor": "rotterdam",
        "implementing": "tampere",
        "verified": False,
        "confidence": "L",
        "note": "Illustrative pairing for the demo: the real pairing is not published.",
    },
    {
        "scheme": "C",
        "mentor": "barcelona",
        "implementing": "nicosia",
        "verified": False,
        "confidence": "L",
        "note": "Illustrative pairing for the demo: the real pairing is not published.",
    },
    {
        "scheme": "C",
        "mentor": "helsinki",
        "implementing": "gdansk",
        "verified": False,
        "confidence": "L",
        "note": "Illustrative pairing for the demo: the real pairing is not published.",
    },
    {
        "scheme": "D",
        "mentor": "ghent",
        "implementing": "riga",
        "verified": False,
        "confidence": "L",
        "note": "Illustrative pairing for the demo: the real pairing is not published.",
    },
]

# Fictional people: (officer, administrative approver, political approver) per city.
CITY_PEOPLE = {
    "athens": ("Eleni Papadaki", "Nikos Georgiou", "Maria Konstantinou"),
    "barcelona": ("Laia Puig", "Jordi Ferrer", "Núria Soler"),
    "birmingham": ("Amira Khan", "David Price", "Helen Walsh"),
    "brighton-hove": ("Sam Okafor", "Claire Morgan", "Tom Riley"),
    "dresden": ("Katrin Vogel", "Jens Richter", "Sabine Krause"),
    "gdansk": ("Agnieszka Nowak", "Piotr Wiśniewski", "Magdalena Lewandowska"),
    "ghent": ("Lotte Peeters", "Pieter De Smet", "An Claes"),
    "helsinki": ("Aino Virtanen", "Mikko Korhonen", "Laura Mäkinen"),
    "lisbon": ("Inês Carvalho", "João Ferreira", "Ana Rodrigues"),
    "munich": ("Lukas Huber", "Anna Wagner", "Stefan Bauer"),
    "nantes": ("Camille Leroy", "Julien Moreau", "Sophie Bernard"),
    "nicosia": ("Andreas Christou", "Eleni Ioannou", "Christos Michael"),
    "riga": ("Līga Bērziņa", "Jānis Kalniņš", "Ilze Ozola"),
    "rotterdam": ("Fatima El Amrani", "Bas de Vries", "Sanne Jansen"),
    "tampere": ("Elina Lahtinen", "Juha Heikkinen", "Sari Laine"),
    "utrecht": ("Noor Bakker", "Daan Visser", "Emma Smit"),
}

ORGANISATION_PEOPLE = {
    "eurocities": [
        ("coordinator", "Chiara Rossi", "Project coordinator"),
        ("coordinator", "Marc Dubois", "Policy advisor"),
    ],
    "mpg": [("expert_partner", "Hanna Lindqvist", "Senior policy analyst")],
    "migrationwork": [("expert_partner", "Richard Ellis", "Learning partner")],
    "mpi-europe": [("expert_partner", "Sofia Martins", "Policy analyst")],
}


def city_email(role, city_slug):
    prefix = {"city_officer": "officer", "administrative_approver": "admin", "political_approver": "political"}[role]
    return f"{prefix}@{city_slug}.example"


def organisation_email(role, organisation_slug, index):
    prefix = "coordinator" if role == "coordinator" else "expert"
    return f"{prefix}{'' if index == 0 else index + 1}@{organisation_slug}.example"
