"""The registry of events: what can happen, who typically hears of it, and how.

Other apps call `notify(event="plan.submitted", ...)` with one of these codes.
Each event mails through a template pair (text and HTML). The generic pair
renders a title, summary lines, an optional list of items (e.g. the reviewer's
recommendations) and a link, all taken from the notification; an event may name
templates of its own. Templates are looked up under the recipient's language
first (`notifications/email/<lang>/<name>`), so translations can be added as
files without touching code.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import Delivery

GENERIC_TEMPLATE = "notifications/email/notification"


@dataclass(frozen=True)
class Event:
    code: str
    label: str
    description: str
    recipients: str
    default_delivery: str = Delivery.INSTANT
    # Invitations and security mails go out whatever a person's preferences say.
    always_email: bool = False
    template: str = GENERIC_TEMPLATE
    # The subject; {title} is the notification's title, {target} the target's title.
    subject: str = "{title}"
    group: str = ""

    @property
    def configurable(self):
        return not self.always_email

    @property
    def source_label(self):
        """The label in English, as notifications store it (shown translated by Notification.display_title)."""
        with translation.override(None):
            return str(self.label)


EVENTS = {}


def register(event):
    EVENTS[event.code] = event
    return event


class UnknownEvent(KeyError):
    pass


def get_event(code):
    try:
        return EVENTS[code]
    except KeyError:
        raise UnknownEvent(f"No notification event {code!r}; known: {', '.join(sorted(EVENTS))}") from None


def configurable_events():
    return [event for event in EVENTS.values() if event.configurable]


for _event in [
    Event(
        "account.invitation",
        _("Invitation"),
        _("A link to join the platform in a role."),
        _("the invited address"),
        always_email=True,
        template="accounts/email/invitation",
        subject=_("You are invited to the CITIES-GROW platform"),
        group=_("Account"),
    ),
    Event(
        "account.security",
        _("Security notice"),
        _("A change to how you sign in (password, two-factor authentication)."),
        _("the person concerned"),
        always_email=True,
        group=_("Account"),
    ),
    Event(
        "plan.submitted",
        _("Action plan submitted"),
        _("An implementing city submitted (or resubmitted) its action plan for review."),
        _("the mentor city's officers (the expert partner hears of it as a review assigned)"),
        group=_("Action plans"),
    ),
    Event(
        "plan.changes_requested",
        _("Changes requested"),
        _("The expert partner asked for changes to the action plan."),
        _("the implementing city's officers"),
        group=_("Action plans"),
    ),
    Event(
        "plan.recommended",
        _("Action plan recommended"),
        _("The expert partner recommended the plan, with their recommendations."),
        _("the implementing city's officers and administrative approvers (who act next)"),
        group=_("Action plans"),
    ),
    Event(
        "plan.approved",
        _("Action plan approved"),
        _("The city's administration approved the plan."),
        _("the city's political approvers, both cities' officers, the expert partner"),
        group=_("Action plans"),
    ),
    Event(
        "plan.endorsed",
        _("Action plan endorsed"),
        _("The city's political level endorsed the plan."),
        _("both cities' officers, the expert partner, the coordinators"),
        group=_("Action plans"),
    ),
    Event(
        "review.assigned",
        _("Review assigned"),
        _("An action plan was submitted or resubmitted: you are asked to review it."),
        _("the scheme's expert partner"),
        group=_("Action plans"),
    ),
    Event(
        "review.pending",
        _("Review waiting"),
        _("A submitted plan has waited for its review longer than the days staff set (a reminder)."),
        _("the scheme's expert partner"),
        group=_("Action plans"),
    ),
    Event(
        "comment.mention",
        _("You were mentioned"),
        _("Someone mentioned you in a comment."),
        _("the person mentioned"),
        group=_("Action plans"),
    ),
    Event(
        "indicator.checkin_due",
        _("Indicator check-in due"),
        _("Six or twelve months after endorsement: time to measure the plan's indicators (a reminder)."),
        _("the implementing city's officers"),
        default_delivery=Delivery.DIGEST,
        group=_("Action plans"),
    ),
    Event(
        "visit.planned",
        _("Visit planned"),
        _("A study visit or peer review was planned."),
        _("both cities' officers, the expert partner, the participants"),
        group=_("Visits"),
    ),
    Event(
        "visit.changed",
        _("Visit changed"),
        _("The dates, place or programme of a visit changed, or it was confirmed."),
        _("both cities' officers, the expert partner, the participants"),
        group=_("Visits"),
    ),
    Event(
        "visit.cancelled",
        _("Visit cancelled"),
        _("A visit was cancelled."),
        _("both cities' officers, the expert partner, the participants"),
        group=_("Visits"),
    ),
    Event(
        "visit.upcoming",
        _("Visit coming up"),
        _("A visit starts in 30 days, or in 7 days (a reminder)."),
        _("both cities' officers, the participants"),
        default_delivery=Delivery.DIGEST,
        group=_("Visits"),
    ),
    Event(
        "visit.brief_due",
        _("Visit brief due"),
        _("The brief for a visit is due in 7 days (a reminder)."),
        _("the implementing city's officers (who write the brief)"),
        group=_("Visits"),
    ),
    Event(
        "visit.report_due",
        _("Visit report due"),
        _("The report of a visit is due, 3 days after it ended (a reminder)."),
        _("the report writers: the mentor city's officers and the expert partner"),
        group=_("Visits"),
    ),
    Event(
        "visit.brief_submitted",
        _("Visit brief submitted"),
        _("The implementing city submitted its learning-needs brief for a visit."),
        _("the mentor city's officers, the expert partner"),
        group=_("Visits"),
    ),
    Event(
        "visit.report_submitted",
        _("Visit report submitted"),
        _("The report of a visit is ready, with recommendations to answer."),
        _("the implementing city's officers"),
        group=_("Visits"),
    ),
    Event(
        "practice.submitted",
        _("Good practice submitted"),
        _("A city submitted a good practice to be validated."),
        _("the expert partner of the city's scheme"),
        group=_("Good practices"),
    ),
    Event(
        "practice.validated",
        _("Good practice validated"),
        _("The expert partner confirmed a submitted practice as a good practice."),
        _("the submitting city's officers"),
        group=_("Good practices"),
    ),
    Event(
        "practice.published",
        _("Good practice published"),
        _("A validated practice was published in the public library."),
        _("the submitting city's officers"),
        group=_("Good practices"),
    ),
    Event(
        "deliverable.ready",
        _("Document ready"),
        _("A PDF you asked for (a plan, a report, a toolkit) is ready to download."),
        _("the person who asked for it"),
        default_delivery=Delivery.INBOX,
        group=_("Documents"),
    ),
    Event(
        "deliverable.failed",
        _("Document failed"),
        _("A PDF could not be produced."),
        _("the person who asked for it (staff see every failure on the Deliverables page)"),
        group=_("Documents"),
    ),
]:
    register(_event)
