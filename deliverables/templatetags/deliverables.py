"""Tags that other apps' pages use to offer a deliverable, without importing this app."""

import rules
from django import template
from django.utils import translation

from .. import registry, selectors
from ..models import Deliverable
from ..views import panel_context

register = template.Library()


@register.inclusion_tag("deliverables/includes/panel.html", takes_context=True)
def deliverable_panel(context, kind, subject):
    """The "Generate PDF" panel of a subject, for whoever may see it (nothing for the others). Visitors see
    a public subject's panel only once its PDF is ready, to download it: generating is for people signed in."""
    kind = registry.get_kind(kind)
    request = context["request"]
    if subject is None or not rules.has_perm(kind.permission, request.user, subject):
        return {"allowed": False}
    deliverable = selectors.deliverable_of(subject, kind.slug)
    if not request.user.is_authenticated and (deliverable is None or deliverable.status != Deliverable.Status.READY):
        return {"allowed": False}
    return {"allowed": True, "request": request, **panel_context(kind, subject, deliverable)}


@register.filter
def in_sentence(label):
    """A kind's name inside a sentence: in lower case, except in German, where nouns keep their capital."""
    label = str(label)
    return label if translation.get_language() == "de" else label[:1].lower() + label[1:]


@register.inclusion_tag("deliverables/includes/infographic_figure.html")
def infographic(pairing):
    """The pairing's infographic on its page: the same data and SVG as its PDF, in the page's language."""
    kind = registry.get_kind("infographic")
    snapshot = registry.snapshot(kind, pairing, translation.get_language())
    return {"data": snapshot.data, "level": 3, **kind.decorate(snapshot.data)}
