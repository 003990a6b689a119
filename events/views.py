from django.http import Http404
from django.shortcuts import render

from pagecache import kept_per_viewer

from . import selectors
from .links import event_links


@kept_per_viewer
def event_list(request):
    return render(request, "events/event_list.html", {"events": selectors.events()})


def event_detail(request, slug):
    event = selectors.event_for_page(slug, request.user)
    if event is None:
        raise Http404("No such event.")
    return render(
        request,
        "events/event_detail.html",
        {"event": event, "visits": event.visible_visits, "links": event_links(event, request.user)},
    )
