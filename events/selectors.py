from django.db.models import Prefetch

from mentoring.selectors import scope_of, visible_visits

from .models import DateClaim, Event, Session


def events():
    return Event.objects.select_related("programme").prefetch_related(
        Prefetch("date_claims", queryset=DateClaim.objects.all()),
        Prefetch("sessions", queryset=Session.objects.all()),
    )


def event_for_page(slug, user):
    """The event with its sessions, date claims and the visits held at it that `user` may see."""
    visits = visible_visits(scope_of(user))
    return (
        events()
        .prefetch_related(Prefetch("visits", queryset=visits, to_attr="visible_visits"))
        .filter(slug=slug)
        .first()
    )
