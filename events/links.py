"""What other apps attach to an event page (deliverables, later: the conference report and its infographics).

An app registers a provider in its AppConfig.ready():

    from events.links import EventLink, register_event_links
    register_event_links(lambda event, user: [("Conference report (PDF)", url), ...])

A provider returns (title, url) pairs, or `EventLink`s, the person may open; it must not query per event in
a list. An `EventLink` may name a template (and its context) that the event page includes under the link —
the provider's own panel, so that events never imports the app that offers it."""

from typing import NamedTuple


class EventLink(NamedTuple):
    title: str
    url: str
    template: str = ""
    context: dict | None = None


_providers = []


def register_event_links(provider):
    if provider not in _providers:
        _providers.append(provider)
    return provider


def event_links(event, user):
    return [EventLink(*link) for provider in _providers for link in provider(event, user)]
