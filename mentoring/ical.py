"""iCalendar feeds of visits and their deadlines, for Outlook and other calendar apps."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar, Event

PRODUCT_ID = "-//EUROCITIES//CITIES-GROW platform//EN"


def _categories():
    return {"visit": gettext("visit"), "brief_due": gettext("brief due"), "report_due": gettext("report due")}


def _summary(entry, cancelled):
    if cancelled:
        return gettext("Cancelled: %(entry)s") % {"entry": entry.title}
    if entry.done:
        return gettext("Done: %(entry)s") % {"entry": entry.title}
    return entry.title


def calendar(*, name, entries, site_url):
    """The feed as bytes: one all-day event per visit and per deadline (brief due, report due); those of a
    cancelled visit stay in the feed, marked cancelled, so calendars that already hold them take them out."""
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    # Calendar apps ask again after this long (RFC 7986).
    cal.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    stamp = timezone.now()
    for entry in entries:
        visit = entry.visit
        cancelled = visit.status == visit.Status.CANCELLED
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("summary", _summary(entry, cancelled))
        event.add("dtstart", entry.starts_on)
        event.add("dtend", entry.ends_on + datetime.timedelta(days=1))  # all-day events end the next day
        event.add("url", site_url + visit.get_absolute_url())
        event.add("transp", "OPAQUE" if entry.kind == "visit" else "TRANSPARENT")
        if cancelled:
            # The same UID with STATUS:CANCELLED makes a subscribed calendar app strike the event out or drop it.
            event.add("status", "CANCELLED")
        elif entry.kind == "visit":
            event.add("status", "TENTATIVE" if visit.status == visit.Status.PLANNED else "CONFIRMED")
        if entry.kind == "visit":
            event.add("location", f"{visit.host_city}, {visit.host_city.country}")
        description = [visit.topics, visit.dates_note, site_url + visit.get_absolute_url()]
        event.add("description", "\n".join(line for line in description if line))
        event.add("categories", ["CITIES-GROW", _categories()[entry.kind]])
        cal.add_component(event)
    return cal.to_ical()
