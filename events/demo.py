"""The programme's events, from published sources (shared/domain/FACTS.md). Idempotent: keyed on slugs."""

import datetime

from django.db import transaction

from mentoring.models import Programme

from .models import Confidence, DateClaim, Event, Session

INFOGRAPHICS = "http://anyflip.com/zerr/acrf/basic"
SOLIDARITY_CITIES = "http://solidaritycities.eu/press"
SIRIUS = (
    "https://www.sirius-project.eu/news/integrating-cities-conference-viii-cities4people-migrating-ideas-"
    "inspiring-integration"
)
LORENTEGGIO = (
    "http://www.mi-lorenteggio.com/2018/11/06/politiche-sociali-alla-fabbrica-del-vapore-la-conferenza-"
    "internazionale-integrating-cities/70208/"
)

EVENTS = [
    {
        "slug": "cities-grow-launch-meeting",
        "kind": Event.Kind.LAUNCH,
        "title": "CITIES-GROW launch meeting",
        "city_name": "Brussels",
        "country_code": "BE",
        "starts_on": datetime.date(2017, 2, 15),
        "ends_on": datetime.date(2017, 2, 16),
        "dates_confidence": Confidence.LOW,
        "dates_note": "The sources conflict: the programme's infographic timeline says 15–16 February 2017, "
        "the Solidarity Cities press page says 15–16 May. Both are shown; neither is confirmed.",
        "description": "EUROCITIES brought the sixteen cities and the three expert partners together to start the "
        "programme. MigrationWork trained the partners in the mentoring method.",
        "source_url": INFOGRAPHICS,
        "claims": [
            (
                datetime.date(2017, 2, 15),
                datetime.date(2017, 2, 16),
                "CITIES GROW infographics, timeline (EUROCITIES, November 2018)",
                INFOGRAPHICS,
                "The text of the timeline was scrambled and had to be decoded.",
            ),
            (
                datetime.date(2017, 5, 15),
                datetime.date(2017, 5, 16),
                "Solidarity Cities, press page",
                SOLIDARITY_CITIES,
                "The page gives day and month; the year 2017 is inferred.",
            ),
        ],
        "sessions": [
            (None, "Welcome and the programme's plan", "EUROCITIES", Confidence.MEDIUM),
            (None, "Training in the mentoring method", "MigrationWork CIC", Confidence.HIGH),
        ],
    },
    {
        "slug": "integrating-cities-conference-viii",
        "kind": Event.Kind.CONFERENCE,
        "title": "Integrating Cities Conference VIII",
        "subtitle": "Cities4people: Migrating ideas, inspiring integration",
        "city_name": "Milan",
        "country_code": "IT",
        "venue": "Fabbrica del Vapore (via Procaccini)",
        "starts_on": datetime.date(2018, 11, 7),
        "ends_on": datetime.date(2018, 11, 8),
        "dates_confidence": Confidence.HIGH,
        "description": "The eighth conference of the Integrating Cities series, the policy dialogue of the "
        "Integrating Cities Charter, organised under CITIES-GROW with AMIF co-funding. The programme's final "
        "partner meeting was held alongside it.",
        "source_url": SIRIUS,
        "claims": [
            (datetime.date(2018, 11, 7), datetime.date(2018, 11, 8), "SIRIUS project news", SIRIUS, ""),
            (
                datetime.date(2018, 11, 7),
                datetime.date(2018, 11, 8),
                "mi-lorenteggio.com, 6 November 2018",
                LORENTEGGIO,
                "",
            ),
        ],
        "sessions": [
            (datetime.date(2018, 11, 6), "CITIES-GROW final partner meeting (6–8 November)", "", Confidence.MEDIUM),
            (datetime.date(2018, 11, 7), "Technical workshops", "", Confidence.HIGH),
            (
                datetime.date(2018, 11, 8),
                "Political panel with local administrators",
                "Representatives of Milan, Berlin, Palermo and Barcelona, among others",
                Confidence.HIGH,
            ),
        ],
    },
]


@transaction.atomic
def load_demo_events():
    programme = Programme.objects.filter(slug="cities-grow").first()
    for row in EVENTS:
        row = dict(row)
        claims, sessions = row.pop("claims"), row.pop("sessions")
        event, _ = Event.objects.update_or_create(slug=row.pop("slug"), defaults={**row, "programme": programme})
        for starts_on, ends_on, source, url, note in claims:
            DateClaim.objects.update_or_create(
                event=event,
                source=source,
                defaults={"starts_on": starts_on, "ends_on": ends_on, "source_url": url, "note": note},
            )
        for position, (day, title, speakers, confidence) in enumerate(sessions, start=1):
            Session.objects.update_or_create(
                event=event,
                title=title,
                defaults={"position": position, "day": day, "speakers": speakers, "confidence": confidence},
            )
    return f"Events loaded: {Event.objects.count()} events, {Session.objects.count()} sessions."
