"""What other apps attach to an event page (deliverables, later: the conference report and its infographics).

An app registers a provider in its AppConfig.ready():

    from events.links import register_event_links
    register_event_links(lambda event, user: [("Conference report (PDF)", url), ...])

A provider returns (title, url) pairs the person may open; it must not query per event in a list."""

_providers = []


def register_event_links(provider):
    if provider not in _providers:
        _providers.append(provider)
    return provider


def event_links(event, user):
    return [link for provider in _providers for link in provider(event, user)]
