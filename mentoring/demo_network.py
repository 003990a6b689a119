"""The CITIES-GROW network as demo data.

Facts about the programme, its cities, partners, schemes and the four
confirmed pairings come from published sources (named on each pairing). The
other four pairings are illustrative: no source says who mentored whom among
Barcelona, Gdansk, Ghent, Helsinki, Nicosia, Riga, Rotterdam and Tampere.
Every person is fictional and has an address under `.example`.
"""

import datetime

DEMO_PASSWORD = "cities-grow-demo"  # noqa: S105 - printed for the demo logins, on purpose  # nosec B105

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


# Visits. The dates of the Athens–Munich and Dresden visits come from published
# sources (named on each visit); where a visit is reported but its dates are
# not, the dates are illustrative and say so. Briefs, agendas, reports,
# recommendations and answers are fictional demo content.
ILLUSTRATIVE_DATES = "Illustrative dates: the visit is reported in a published source, its dates are not."

VISITS = [
    {
        "pairing": ("munich", "athens"),
        "kind": "study_visit",
        "host": "mentor",
        "starts_on": datetime.date(2017, 10, 23),
        "ends_on": datetime.date(2017, 10, 25),
        "status": "reported",
        "source_url": "http://anyflip.com/zerr/acrf/basic",
        "topics": "How Munich's job centre, chambers, vocational schools and employers work together "
        "for young newcomers",
        "practical_notes": "Meeting point each morning: the city's department for labour and economic development. "
        "Interpretation Greek–German is arranged for the site visits.",
        "brief": {
            "learning_goals": "How a city convenes the job centre, employers' chambers and vocational schools around "
            "one route into work for young people with a migrant background, and who leads it.",
            "questions": "Who pays for the coordinators?\nHow are employers kept on board after the first year?\n"
            "How is a young person's progress followed across the partners?",
            "charter_commitments": ["S1", "S2", "P3"],
            "submitted": datetime.date(2017, 10, 6),
        },
        "agenda": [
            (
                datetime.datetime(2017, 10, 23, 9, 30),
                datetime.datetime(2017, 10, 23, 12, 0),
                "Welcome and the city's integration strategy",
                "City hall",
                "Head of the integration office",
            ),
            (
                datetime.datetime(2017, 10, 24, 10, 0),
                datetime.datetime(2017, 10, 24, 13, 0),
                "Site visit: a vocational school's welcome classes",
                "Vocational school",
                "Head teacher; two trainees",
            ),
            (
                datetime.datetime(2017, 10, 25, 9, 0),
                datetime.datetime(2017, 10, 25, 11, 30),
                "Round table with the chambers and the job centre",
                "Chamber of crafts",
                "Employers' representatives",
            ),
        ],
        "participants": [
            "officer@athens.example",
            "officer@munich.example",
            "expert@migrationwork.example",
            "coordinator@eurocities.example",
        ],
        "guests": [("Petra Schmid", "Municipal job centre (fictional contact)")],
        "report": {
            "summary": "Athens met the partners of Munich's route into training and work for young newcomers: "
            "one coordinator per district, a shared case file agreed with each young person, and employers who "
            "commit to a number of training places each year.",
            "submitted": datetime.date(2017, 11, 20),
            "is_public": True,
            "recommendations": [
                (
                    "mentor_city",
                    "Name one coordinator in the city administration who convenes the job centre, the "
                    "chambers and the schools, with a mandate from the mayor.",
                    "P3",
                    ("adopt", "The deputy mayor's office will host the coordinator.", "done"),
                ),
                (
                    "expert_partner",
                    "Start with one district and a small number of employers, and agree from the "
                    "start what each partner reports every quarter.",
                    "S1",
                    (
                        "adapt",
                        "We start in two neighbourhoods, with the employers of the municipal markets.",
                        "in_progress",
                    ),
                ),
                (
                    "eurocities",
                    "Share the first year's lessons at the next scheme meeting, so that the other "
                    "cities of scheme B learn from them.",
                    "",
                    ("adopt", "Planned for the scheme meeting in spring.", "not_started"),
                ),
            ],
        },
    },
    {
        "pairing": ("munich", "athens"),
        "kind": "mentoring_visit",
        "host": "implementing",
        "starts_on": datetime.date(2018, 5, 8),
        "ends_on": datetime.date(2018, 5, 10),
        "status": "reported",
        "source_url": "http://anyflip.com/zerr/acrf/basic",
        "topics": "Peer review of Athens' first steps and its draft action plan",
        "brief": {
            "learning_goals": "Feedback on our draft action plan, and how to involve employers' associations that "
            "have not worked with the city before.",
            "questions": "Are our indicators realistic for one year?",
            "charter_commitments": ["S1", "P3"],
            "submitted": datetime.date(2018, 4, 20),
        },
        "participants": ["officer@athens.example", "officer@munich.example", "expert@migrationwork.example"],
        "report": {
            "summary": "Munich and MigrationWork met the partners Athens has convened since the study visit and "
            "reviewed the draft action plan with them.",
            "submitted": datetime.date(2018, 6, 4),
            "is_public": False,
            "recommendations": [
                (
                    "mentor_city",
                    "Write down the agreement between the partners in a short charter that each signs.",
                    "P1",
                    ("adopt", "A partners' charter is drafted for signature in the autumn.", "in_progress"),
                ),
                (
                    "expert_partner",
                    "Keep to three indicators in the first year and measure them twice.",
                    "",
                    ("decline", "Our funder asks for five indicators; we keep them but report twice a year.", ""),
                ),
                ("mentor_city", "Invite young people who took part to the partners' meetings.", "P3", None),
            ],
        },
    },
    {
        "pairing": ("nantes", "dresden"),
        "kind": "mentoring_visit",
        "host": "implementing",
        "starts_on": datetime.date(2018, 6, 11),
        "ends_on": datetime.date(2018, 6, 13),
        "status": "held",
        "source_url": "https://www.dresden.de/de/rathaus/aktuelles/pressemitteilungen/2018/06/pm_033.php",
        "topics": "Expert workshops and a conference on discrimination in recruitment and at work",
        "brief": {
            "learning_goals": "How Nantes tests its own recruitment for discrimination, and how it works with local "
            "employers on fair hiring.",
            "questions": "What did the city change after its first tests?\nHow are staff trained?",
            "charter_commitments": ["E1", "E2", "E3", "P2"],
            "submitted": datetime.date(2018, 5, 25),
        },
        "participants": [
            "officer@dresden.example",
            "officer@nantes.example",
            "expert@mpg.example",
            "coordinator2@eurocities.example",
        ],
        "report": {
            "summary": "Draft: the workshops showed how the city as an employer can lead by example.",
            "submitted": None,
            "is_public": False,
            "recommendations": [
                (
                    "mentor_city",
                    "Review the city's own job advertisements and selection steps with staff networks.",
                    "E1",
                    None,
                ),
                (
                    "expert_partner",
                    "Connect the action plan to the city's integration concept and its action "
                    "programme for democracy and tolerance.",
                    "P2",
                    None,
                ),
            ],
        },
    },
    {
        "pairing": ("brighton-hove", "utrecht"),
        "kind": "study_visit",
        "host": "mentor",
        "starts_on": datetime.date(2018, 3, 5),
        "ends_on": datetime.date(2018, 3, 6),
        "dates_note": ILLUSTRATIVE_DATES,
        "status": "reported",
        "source_url": "http://eurocities.eu/eurocities/allcontent/"
        "Valuing-your-values-Brighton-Hove-visited-by-Utrecht-through-CITIES-GROW-WSPO-BC8LYQ",
        "topics": "Social value in tenders above £100,000 and consortia of small firms",
        "brief": {
            "learning_goals": "How social value is weighed in Brighton & Hove's larger tenders, and how small firms, "
            "many run by migrants, bid together.",
            "questions": "How is social value scored and checked after the contract is signed?",
            "charter_commitments": ["B1", "B2", "B3"],
            "submitted": datetime.date(2018, 2, 16),
        },
        "participants": ["officer@utrecht.example", "officer@brighton-hove.example", "expert@mpg.example"],
        "report": {
            "summary": "Utrecht saw how the social value framework shapes larger tenders and met a consortium of "
            "small firms that won a council contract together.",
            "submitted": datetime.date(2018, 4, 3),
            "is_public": True,
            "recommendations": [
                (
                    "mentor_city",
                    "Add a social value criterion, with a clear weight, to tenders above a threshold.",
                    "B1",
                    ("adopt", "Included in the procurement policy update.", "done"),
                ),
                (
                    "expert_partner",
                    "Hold meet-the-buyer sessions where small firms can form consortia.",
                    "B3",
                    (
                        "adapt",
                        "Run together with the chamber of commerce rather than by the city alone.",
                        "in_progress",
                    ),
                ),
                (
                    "mentor_city",
                    "Ask contractors to report on their own diversity measures.",
                    "B2",
                    ("adapt", "Asked as an optional question in the first year.", "not_started"),
                ),
            ],
        },
    },
    {
        "pairing": ("birmingham", "lisbon"),
        "kind": "study_visit",
        "host": "mentor",
        "starts_on": datetime.date(2018, 4, 17),
        "ends_on": datetime.date(2018, 4, 18),
        "dates_note": ILLUSTRATIVE_DATES + " It lasted two days.",
        "status": "confirmed",
        "source_url": "http://eurocities.eu/eurocities/allcontent/Ability-response-and-social-responsibility-"
        "Lisbon-visits-Birmingham-to-grow-social-value-with-Cities-Grow-WSPO-AXJDUX",
        "topics": "The Social Value Charter, the Business Charter for Social Responsibility, recognition of "
        "qualifications",
        "brief": {
            "learning_goals": "How Birmingham's business charter commits suppliers, and how migrants' qualifications "
            "are recognised by local employers.",
            "questions": "",
            "charter_commitments": ["B1", "B2"],
            "submitted": None,
        },
        "participants": ["officer@lisbon.example", "officer@birmingham.example", "expert@mpg.example"],
    },
]
