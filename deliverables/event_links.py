"""Deliverables shown on event pages (through events.links): the interim report on the actions at the
Integrating Cities Conference VIII, where the programme presented them. The provider is registered from
DeliverablesConfig.ready(); events knows nothing of deliverables."""

import rules
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import registry, selectors
from .views import panel_context

# Event slug → the deliverable kinds of the event's programme shown on its page, with their link text.
EVENT_DELIVERABLES = {
    "integrating-cities-conference-viii": [("interim_report", _("Interim report on actions (PDF)"))],
}


def deliverable_links(event, user):
    """For whoever may see the deliverable: its download when ready, else its preview, with its panel."""
    links = []
    programme = event.programme
    for slug, title in EVENT_DELIVERABLES.get(event.slug, []):
        kind = registry.get_kind(slug)
        if programme is None or not rules.has_perm(kind.permission, user, programme):
            continue
        deliverable = selectors.deliverable_of(programme, kind.slug)
        if deliverable is not None and deliverable.has_file:
            url = reverse("deliverables:download", args=[deliverable.pk])
        else:
            url = reverse("deliverables:preview", args=[kind.slug, programme.pk])
        context = {"allowed": True, **panel_context(kind, programme, deliverable)}
        links.append((title, url, "deliverables/includes/event_panel.html", context))
    return links


def register():
    from events.links import register_event_links

    register_event_links(deliverable_links)
