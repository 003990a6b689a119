"""Many synthetic good practices at once, for the query-count test and the library benchmark.

bulk_create with their themes and commitments, then one UPDATE for the search index. The texts are
word salad from a small vocabulary, clearly not real practices (is_demo is set)."""

import random

from django.utils import timezone
from django.utils.text import slugify

from .models import CharterCommitment, GoodPractice, Series, Theme
from .services import refresh_search_vectors

WORDS = (
    "mentoring entrepreneurs procurement tenders suppliers jobs skills youth apprenticeships employers "
    "language courses anti-discrimination diversity training recruitment networks start-ups advice "
    "microcredit women neighbourhood participation volunteers qualifications recognition guidance "
    "partnership chamber commerce social value contracts cooperative incubator"
).split()
PLACES = [
    ("Ghent", "Belgium", "BE"),
    ("Tampere", "Finland", "FI"),
    ("Lisbon", "Portugal", "PT"),
    ("Munich", "Germany", "DE"),
    ("Nantes", "France", "FR"),
    ("Riga", "Latvia", "LV"),
    ("Vienna", "Austria", "AT"),
    ("Malmö", "Sweden", "SE"),
]


def generate_practices(count, *, prefix="generated", seed=1):
    rng = random.Random(seed)  # noqa: S311 - synthetic text, not security  # nosec B311
    themes = list(Theme.objects.all()) or [Theme.objects.create(slug="generated", name="Generated")]
    commitments = list(CharterCommitment.objects.all())
    now = timezone.now()

    def sentence(n):
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

    practices = []
    for n in range(count):
        city, country, code = rng.choice(PLACES)
        title = f"{sentence(4)[:-1]} {n}"
        description = " ".join(sentence(12) for _ in range(6))
        practices.append(
            GoodPractice(
                title=title,
                slug=slugify(f"{prefix}-{n}-{title}")[:200],
                city_name=city,
                country_name=country,
                country_code=code,
                summary=sentence(20),
                description=f"<p>{description}</p>",
                description_text=description,
                series=rng.choice(Series.values),
                state=GoodPractice.State.PUBLISHED,
                published_at=now,
                is_demo=True,
            )
        )
    created = GoodPractice.objects.bulk_create(practices, batch_size=1000)
    theme_links = GoodPractice.themes.through
    commitment_links = GoodPractice.commitments.through
    theme_links.objects.bulk_create(
        [theme_links(goodpractice=p, theme=rng.choice(themes)) for p in created], batch_size=2000
    )
    commitment_links.objects.bulk_create(
        [
            commitment_links(goodpractice=p, chartercommitment=c)
            for p in created
            for c in rng.sample(commitments, k=min(2, len(commitments)))
        ],
        batch_size=2000,
    )
    refresh_search_vectors(GoodPractice.objects.filter(pk__in=[p.pk for p in created]))
    return created
