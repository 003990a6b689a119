"""The toolkit as a PDF deliverable, registered with deliverables.registry in ToolkitsConfig.ready();
see docs/deliverables.md. `collect_toolkit` returns plain data: its hash is the toolkit's version, so
an unchanged toolkit is not rendered again."""

from django.db.models import Prefetch
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from deliverables.registry import Kind, register_kind
from mentoring.models import Organisation

from .models import GoodPractice, GuidingQuestion, KeyFactor, Recommendation, Toolkit


def load_toolkit(pk):
    return Toolkit.objects.select_related("scheme__programme__coordinator", "scheme__facilitator").get(pk=pk)


def collect_toolkit(toolkit):
    published = GoodPractice.objects.filter(state=GoodPractice.State.PUBLISHED).only(
        "title", "city_name", "country_name", "summary", "is_demo"
    )
    toolkit = (
        Toolkit.objects.select_related("scheme__programme__coordinator", "scheme__facilitator")
        .prefetch_related(
            Prefetch(
                "key_factors",
                queryset=KeyFactor.objects.prefetch_related(
                    Prefetch("questions", queryset=GuidingQuestion.objects.all()),
                    Prefetch("practices", queryset=published, to_attr="published_practices"),
                ),
            ),
            Prefetch("recommendations", queryset=Recommendation.objects.prefetch_related("commitments")),
        )
        .get(pk=toolkit.pk)
    )
    scheme = toolkit.scheme
    return {
        "programme": _programme(toolkit),
        "toolkit": {
            "title": toolkit.title,
            "series": toolkit.get_series_display(),
            "year": toolkit.year,
            "theme": toolkit.theme,
            "state": toolkit.get_state_display(),
            "published": toolkit.state == Toolkit.State.PUBLISHED,
            "version": toolkit.version,
            "introduction": toolkit.introduction,
            "benchmark": toolkit.benchmark,
            "is_demo": toolkit.is_demo,
            "scheme": f"Scheme {scheme.code}: {scheme.title}" if scheme else "",
            "expert_partner": scheme.facilitator.name if scheme else "",
        },
        "key_factors": [
            {
                "number": n,
                "title": factor.title,
                "description": factor.description,
                "questions": [question.text for question in factor.questions.all()],
                # Only published practices: a toolkit's PDF may travel further than the practices' drafts.
                "practices": [
                    {
                        "title": practice.title,
                        "city": practice.city_name,
                        "country": practice.country_name,
                        "summary": practice.summary,
                        "is_demo": practice.is_demo,
                    }
                    for practice in factor.published_practices
                ],
            }
            for n, factor in enumerate(toolkit.key_factors.all(), start=1)
        ],
        "recommendations": [
            {
                "text": recommendation.text,
                "commitments": [{"code": c.code, "text": c.text} for c in recommendation.commitments.all()],
            }
            for recommendation in toolkit.recommendations.all()
        ],
    }


def _programme(toolkit):
    """The running footer's programme: the toolkit's scheme's, or its series for the earlier toolkits."""
    if toolkit.scheme_id:
        programme = toolkit.scheme.programme
        return {"name": programme.name, "title": programme.title, "coordinator": programme.coordinator.name}
    coordinator = Organisation.objects.filter(kind=Organisation.Kind.COORDINATOR).order_by("pk").first()
    return {
        "name": toolkit.get_series_display(),
        "title": "Integrating Cities toolkits",
        "coordinator": coordinator.name if coordinator else "",
    }


TOOLKIT = Kind(
    slug="toolkit",
    label=_("Toolkit"),
    model="toolkits.Toolkit",
    template="toolkits/pdf/toolkit.html",
    collect=collect_toolkit,
    # Published toolkits are public; the others are for their scheme's people and EUROCITIES.
    permission="toolkits.see_toolkit",
    title=lambda toolkit: f"Toolkit: {toolkit.title}",
    filename=lambda toolkit: slugify(f"toolkit-{toolkit.slug}")[:100],
    subjects_of_programme=lambda programme: Toolkit.objects.filter(scheme__programme=programme).select_related(
        "scheme"
    ),
    subject_url=lambda toolkit: toolkit.get_absolute_url(),
    load=load_toolkit,
)


def register():
    register_kind(TOOLKIT)
