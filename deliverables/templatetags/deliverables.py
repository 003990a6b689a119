"""Tags that other apps' pages use to offer a deliverable, without importing this app."""

import rules
from django import template
from django.utils import translation

from .. import registry, selectors
from ..views import panel_context

register = template.Library()


@register.inclusion_tag("deliverables/includes/panel.html", takes_context=True)
def deliverable_panel(context, kind, subject):
    """The "Generate PDF" panel of a subject, for whoever may see it (nothing for the others)."""
    kind = registry.get_kind(kind)
    request = context["request"]
    # The deliverables' URLs are for people signed in, even where the subject is public (an endorsed plan).
    if (
        subject is None
        or not request.user.is_authenticated
        or not rules.has_perm(kind.permission, request.user, subject)
    ):
        return {"allowed": False}
    return {
        "allowed": True,
        "request": request,
        **panel_context(kind, subject, selectors.deliverable_of(subject, kind.slug)),
    }


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
