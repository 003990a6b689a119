"""Grow the demo network to `factor` times its size with bulk inserts, for the benchmarks and the
query-count test.

At 50× the demo: 800 cities, 400 pairings with three people per city, an action plan per pairing
(20,000 actions in all), 250 visits with their briefs, reports and about 850 recommendations, and
7,000 good practices. Every new row is plainly synthetic ("Bench city 12", "bench-…" slugs).
Run it once on a database that holds the demo (`load_demo`); it is not idempotent.
"""

import datetime
import itertools
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import User
from actionplans.models import (
    Action,
    ActionPlan,
    Decision,
    Indicator,
    Measurement,
    Objective,
    PlanState,
    PlanVersion,
    Review,
    Risk,
    Transition,
)
from mentoring.models import (
    City,
    LearningBrief,
    Membership,
    Pairing,
    Participant,
    Programme,
    Recommendation,
    Role,
    Scheme,
    Visit,
    VisitReport,
)
from toolkits.generate import generate_practices
from toolkits.models import GoodPractice

DEMO_CITIES, DEMO_PAIRINGS, DEMO_VISITS = 16, 8, 5
ACTIONS_PER_PLAN = 50  # 400 plans × 50 = the 20,000 actions of the design's scale
OBJECTIVES_PER_PLAN = 2
PRACTICES_PER_FACTOR = 140  # 7,000 good practices at 50×
VISITS_PER_DEMO_PAIRING = 5
BATCH = 2000
STATES = list(PlanState)


def grow(factor=50):
    """Add cities, pairings, people, plans, visits and practices until the network is `factor` times the
    demo's. Returns how many rows of each kind there are afterwards."""
    programme = Programme.objects.get(slug="cities-grow")
    demo_pairings = list(Pairing.objects.filter(programme=programme).order_by("pk"))
    cities = _cities(DEMO_CITIES * (factor - 1))
    pairings = _pairings(programme, cities)
    _people(cities)
    _plans(pairings)
    _more_actions_in_demo_plans(demo_pairings)
    _visits(demo_pairings, pairings, DEMO_VISITS * (factor - 1))
    practices = PRACTICES_PER_FACTOR * factor - GoodPractice.objects.count()
    if practices > 0:
        generate_practices(practices, prefix="bench")
    return counts()


def counts():
    return {
        "cities": City.objects.count(),
        "pairings": Pairing.objects.count(),
        "people": User.objects.count(),
        "action plans": ActionPlan.objects.count(),
        "actions": Action.objects.count(),
        "visits": Visit.objects.count(),
        "recommendations": Recommendation.objects.count(),
        "good practices": GoodPractice.objects.count(),
    }


def _cities(count):
    City.objects.bulk_create(
        City(name=f"Bench city {n}", slug=f"bench-city-{n}", country="Benchland", iso_code="BL") for n in range(count)
    )
    return list(City.objects.filter(slug__startswith="bench-city-").order_by("pk"))


def _pairings(programme, cities):
    schemes = list(Scheme.objects.filter(programme=programme).order_by("code"))
    return Pairing.objects.bulk_create(
        Pairing(
            programme=programme,
            scheme=schemes[n % len(schemes)],
            mentor_city=cities[2 * n],
            implementing_city=cities[2 * n + 1],
            status=Pairing.Status.ACTIVE,
        )
        for n in range(len(cities) // 2)
    )


def _people(cities):
    password = make_password("bench")
    users = User.objects.bulk_create(
        (
            User(email=f"p{n}@{city.slug}.example", name=f"Person {n} of {city.name}", password=password)
            for city in cities
            for n in range(3)
        ),
        batch_size=BATCH,
    )
    Membership.objects.bulk_create(
        (
            Membership(user=user, role=role, city=cities[i // 3])
            for i, (user, role) in enumerate(zip(users, Role.city_roles() * len(cities), strict=True))
        ),
        batch_size=BATCH,
    )


def _actions(objective, count, start):
    return [
        Action(
            objective=objective,
            title=f"Bench action {objective.pk}.{n}",
            responsible_body="Department of economic affairs",
            starts_on=datetime.date(2018, 9, 1),
            ends_on=datetime.date(2019, 12, 31),
            budget_eur=Decimal(1000 + 10 * n),
            status=Action.Status.IN_PROGRESS if n % 3 else Action.Status.PLANNED,
            progress=(n * 7) % 101,
            position=n,
        )
        for n in range(start, start + count)
    ]


def _plans(pairings):
    """A plan per new pairing, the states in turn, each with the history its state implies."""
    now = timezone.now()
    plans = ActionPlan.objects.bulk_create(
        (
            ActionPlan(
                pairing=pairing,
                title=f"Bench plan {pairing.pk}",
                state=STATES[n % len(STATES)],
                state_changed_at=now - datetime.timedelta(days=n % 60),
                gap="<p>A gap.</p>",
                stakeholders="City departments",
                charter_commitments=["S1", "E1"],
            )
            for n, pairing in enumerate(pairings)
        ),
        batch_size=BATCH,
    )
    objectives = Objective.objects.bulk_create(
        (
            Objective(plan=plan, title=f"Objective {n}", position=n)
            for plan in plans
            for n in range(1, OBJECTIVES_PER_PLAN + 1)
        ),
        batch_size=BATCH,
    )
    per_objective = ACTIONS_PER_PLAN // OBJECTIVES_PER_PLAN
    Action.objects.bulk_create(
        itertools.chain.from_iterable(_actions(o, per_objective, 1) for o in objectives), batch_size=BATCH
    )
    indicators = Indicator.objects.bulk_create(
        (
            Indicator(
                objective=o, name="People reached", unit="people", baseline=0, target=100, target_date="2019-12-31"
            )
            for o in objectives
        ),
        batch_size=BATCH,
    )
    Measurement.objects.bulk_create(
        Measurement(indicator=i, measured_on=datetime.date(2019, 3, 31), value=20)
        for i in indicators
        if i.objective.plan.state == PlanState.IN_IMPLEMENTATION
    )
    Risk.objects.bulk_create(Risk(plan=plan, description="Partners lose interest") for plan in plans)
    _histories(plans, now)


def _histories(plans, now):
    transitions, versions = [], []
    for plan in plans:
        reached = STATES[: STATES.index(plan.state) + 1]
        at = now - datetime.timedelta(days=90)
        for before, after in itertools.pairwise([""] + reached):
            transitions.append(Transition(plan=plan, from_state=before, to_state=after, at=at))
            at += datetime.timedelta(days=7)
        if len(reached) > 1:
            versions.append(
                PlanVersion(plan=plan, number=1, state=PlanState.SUBMITTED, reason="submitted", snapshot={})
            )
    Transition.objects.bulk_create(transitions, batch_size=BATCH)
    versions = {v.plan_id: v for v in PlanVersion.objects.bulk_create(versions, batch_size=BATCH)}
    recommended = STATES.index(PlanState.RECOMMENDED)
    reviews, decisions = [], []
    for plan in plans:
        index = STATES.index(plan.state)
        if index >= recommended:
            reviews.append(
                Review(
                    plan=plan,
                    version=versions[plan.pk],
                    outcome=Review.Outcome.RECOMMENDED,
                    **{f"{criterion}_score": 4 for criterion, _ in Review.CRITERIA},
                )
            )
        for kind, state in (
            (Decision.Kind.APPROVAL, PlanState.APPROVED),
            (Decision.Kind.ENDORSEMENT, PlanState.ENDORSED),
        ):
            if index >= STATES.index(state):
                decisions.append(
                    Decision(
                        plan=plan,
                        kind=kind,
                        body="City council",
                        decided_on=datetime.date(2018, 11, 20),
                        reference="BENCH",
                        version=versions[plan.pk],
                    )
                )
    Review.objects.bulk_create(reviews, batch_size=BATCH)
    Decision.objects.bulk_create(decisions, batch_size=BATCH)


def _more_actions_in_demo_plans(demo_pairings):
    """The demo plans grow too, to 50 actions each, so their pages show a large plan."""
    objectives = Objective.objects.filter(plan__pairing__in=demo_pairings).order_by("pk")
    new = []
    for objective in objectives:
        have = objective.actions.count()
        new += _actions(objective, ACTIONS_PER_PLAN // OBJECTIVES_PER_PLAN - have, have + 1)
    Action.objects.bulk_create(new, batch_size=BATCH)


def _visits(demo_pairings, pairings, count):
    """Reported visits with a brief, a submitted report and three or four answered recommendations: the
    demo pairings' first (five more each), then one per new pairing."""
    targets = [p for p in demo_pairings for _ in range(VISITS_PER_DEMO_PAIRING)] + list(pairings)
    now = timezone.now()
    visits = Visit.objects.bulk_create(
        Visit(
            pairing=pairing,
            kind=Visit.Kind.STUDY,
            host=Visit.Host.MENTOR,
            starts_on=datetime.date(2018, 1, 1) + datetime.timedelta(days=3 * n),
            ends_on=datetime.date(2018, 1, 2) + datetime.timedelta(days=3 * n),
            status=Visit.Status.REPORTED,
            topics="Bench visit",
        )
        for n, pairing in enumerate(targets[:count])
    )
    LearningBrief.objects.bulk_create(
        LearningBrief(visit=v, learning_goals="What we want to learn", charter_commitments=["S1"], submitted_at=now)
        for v in visits
    )
    Participant.objects.bulk_create(
        Participant(visit=v, guest_name=f"Guest {n}", organisation="Chamber of commerce")
        for v in visits
        for n in range(2)
    )
    reports = VisitReport.objects.bulk_create(
        VisitReport(visit=v, summary="What we learnt.", submitted_at=now, is_public=n % 2 == 0)
        for n, v in enumerate(visits)
    )
    Recommendation.objects.bulk_create(
        Recommendation(
            report=report,
            number=number,
            author=Recommendation.Author.MENTOR_CITY,
            text=f"Recommendation {number}",
            charter_commitment="S1",
            response=Recommendation.Response.ADOPT if number % 2 else "",
            response_reason="We will." if number % 2 else "",
        )
        for n, report in enumerate(reports)
        for number in range(1, 4 + n % 2)
    )
