"""Loading the toolkits' demo content: idempotent, keyed on slugs (see demo_content.py for what is fact
and what is fictional demo content). Needs the demo network (mentoring.demo) loaded first."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from mentoring.demo_network import city_email
from mentoring.models import City, Programme, Role, Scheme

from . import demo_content as data
from .frames import load_frames
from .models import (
    CharterCommitment,
    CharterRole,
    CommitmentRating,
    EuropeanModule,
    GoodPractice,
    GuidingQuestion,
    KeyFactor,
    ModuleComponent,
    Recommendation,
    SelfAssessment,
    Theme,
    Toolkit,
    ToolkitComment,
    TransferabilityAssessment,
)
from .richtext import clean_html, html_to_text
from .services import refresh_search_vectors

PROGRAMME_SLUG = "cities-grow"


@transaction.atomic
def load_demo_toolkits():
    """Create or update the toolkits, good practices and self-assessments. Returns a one-line summary."""
    load_frames(CharterRole, CharterCommitment, EuropeanModule, ModuleComponent)
    programme = Programme.objects.get(slug=PROGRAMME_SLUG)
    schemes = {s.code: s for s in Scheme.objects.filter(programme=programme)}
    themes = {slug: Theme.objects.update_or_create(slug=slug, defaults={"name": name})[0] for slug, name in data.THEMES}
    commitments = {c.code: c for c in CharterCommitment.objects.all()}
    users = {u.email: u for u in get_user_model().objects.filter(email__endswith=".example")}
    now = timezone.now()

    for series, year, title in data.EARLIER_TOOLKITS:
        Toolkit.objects.update_or_create(
            slug=slugify(f"{series}-{title}")[:120],
            defaults={
                "title": title,
                "series": series,
                "year": year,
                "theme": title,
                "state": Toolkit.State.PUBLISHED,
                "published_at": now,
                "introduction": data.EARLIER_INTRODUCTION.format(
                    series={"mixities": "MIXITIES", "implementoring": "ImpleMentoring"}[series], year=year
                ),
                "is_demo": False,
            },
        )

    key_factors = {}
    for row in data.CITIES_GROW_TOOLKITS:
        toolkit, _ = Toolkit.objects.update_or_create(
            slug=f"cities-grow-scheme-{row['scheme'].lower()}",
            defaults={
                "title": row["title"],
                "series": "cities-grow",
                "year": 2018,
                "theme": row["theme"],
                "scheme": schemes[row["scheme"]],
                "state": row["state"],
                "published_at": now if row["state"] == "published" else None,
                "benchmark": row["benchmark"],
                "introduction": (
                    "One of the four CITIES-GROW toolkits, piloted in the mentoring scheme and finalised at the "
                    "end of the programme. The content shown here is fictional demo content."
                ),
                "is_demo": True,
            },
        )
        for position, (title, description, questions) in enumerate(row["key_factors"], start=1):
            factor, _ = KeyFactor.objects.update_or_create(
                toolkit=toolkit, position=position, defaults={"title": title, "description": description}
            )
            key_factors[(row["scheme"], position)] = factor
            for number, text in enumerate(questions, start=1):
                GuidingQuestion.objects.update_or_create(key_factor=factor, position=number, defaults={"text": text})
        for position, (text, codes) in enumerate(row["recommendations"], start=1):
            recommendation, _ = Recommendation.objects.update_or_create(
                toolkit=toolkit, position=position, defaults={"text": text}
            )
            recommendation.commitments.set([commitments[code] for code in codes])
        if "comment" in row and not toolkit.comments.exists():
            pairing = schemes[row["scheme"]].pairings.select_related("mentor_city").order_by("pk").first()
            author = users.get(city_email(Role.CITY_OFFICER, pairing.mentor_city.slug))
            if author:
                ToolkitComment.objects.create(
                    toolkit=toolkit,
                    author=author,
                    city=pairing.mentor_city,
                    version=toolkit.version,
                    body=row["comment"][1],
                )

    cities = {c.slug: c for c in City.objects.all()}
    practices = {}
    for (
        key,
        place,
        scheme,
        title,
        summary,
        how,
        results,
        theme_slugs,
        codes,
        components,
        factor,
        language,
        state,
        _,
    ) in data.PRACTICES:
        city = cities.get(place) if isinstance(place, str) else None
        city_name, country_name, country_code = (city.name, city.country, city.iso_code) if city else place
        description = clean_html(f"<p>{how}</p>")
        practice, _ = GoodPractice.objects.update_or_create(
            slug=key,
            defaults={
                "title": title,
                "city": city,
                "city_name": city_name,
                "country_name": country_name,
                "country_code": country_code,
                "summary": summary,
                "description": description,
                "description_text": html_to_text(description),
                "language": language,
                "scheme": schemes.get(scheme),
                "series": "cities-grow" if scheme else "",
                "results": results,
                "evidence": "Demo content: no evidence, this practice is fictional." if results else "",
                "contact_organisation": f"City of {city_name} (demo contact)",
                "state": state,
                "is_demo": True,
                "submitted_by": users.get(city_email(Role.CITY_OFFICER, city.slug)) if city else None,
                "published_at": now if state == "published" else None,
                "validated_at": now if state in ("validated", "published") else None,
            },
        )
        practice.themes.set([themes[slug] for slug in theme_slugs])
        practice.commitments.set([commitments[code] for code in codes])
        practice.components.set(
            [ModuleComponent.objects.get(module__number=number, title=name) for number, name in components]
        )
        practice.key_factors.set([key_factors[(scheme, factor)]] if factor else [])
        practices[key] = practice
    for row in data.PRACTICES:
        key, adapted_from = row[0], row[-1]
        GoodPractice.objects.filter(slug=key).update(adapted_from=practices.get(adapted_from))
    refresh_search_vectors(GoodPractice.objects.filter(slug__in=practices))

    order = [c.code for c in CharterCommitment.objects.order_by("position")]
    for slug, moments in data.SELF_ASSESSMENTS.items():
        officer = users.get(city_email(Role.CITY_OFFICER, slug))
        for moment, levels in moments.items():
            assessment, _ = SelfAssessment.objects.update_or_create(
                city=cities[slug], programme=programme, moment=moment, defaults={"updated_by": officer, "is_demo": True}
            )
            for code, level in zip(order, levels, strict=True):
                CommitmentRating.objects.update_or_create(
                    assessment=assessment,
                    commitment=commitments[code],
                    defaults={"level": level, "evidence": data.EVIDENCE},
                )

    for key, slug, scores in data.TRANSFERABILITY:
        values = dict(zip(["legal", "financial", "governance", "skills", "stakeholders"], scores, strict=True))
        notes = {f"{name}_note": "Demo note." for name in values}
        TransferabilityAssessment.objects.update_or_create(
            practice=practices[key],
            city=cities[slug],
            defaults={**values, **notes, "assessed_by": users.get(city_email(Role.CITY_OFFICER, slug))},
        )

    published = sum(1 for row in data.PRACTICES if row[12] == "published")
    return (
        f"Toolkits loaded: {Toolkit.objects.count()} toolkits, {len(practices)} demo good practices "
        f"({published} published), {SelfAssessment.objects.filter(is_demo=True).count()} demo self-assessments."
    )
