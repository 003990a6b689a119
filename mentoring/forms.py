"""Forms of the visits pages. They parse input; the rules that matter live in services.py."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import CharterCommitment, PlanSection, Recommendation, Visit
from .services import VISIT_ATTACHMENT


class DateInput(forms.DateInput):
    input_type = "date"


class TimeInput(forms.TimeInput):
    input_type = "time"


def apply_errors(form, error):
    """Show a service's ValidationError at the form's fields (or at the top for other keys)."""
    if hasattr(error, "error_dict"):
        renamed = getattr(form, "service_fields", {})
        for field, messages in error.message_dict.items():
            field = renamed.get(field, field)
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class VisitForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Visit.Kind.choices)
    host = forms.ChoiceField(label=_("Host city"))
    starts_on = forms.DateField(label=_("First day"), widget=DateInput)
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput)
    topics = forms.CharField(
        label=_("Topics"), max_length=300, required=False, help_text=_("What the visit is about, in a line.")
    )
    practical_notes = forms.CharField(
        label=_("Practical notes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Travel, venue, accessibility, contacts…"),
    )
    brief_due_on = forms.DateField(
        label=_("Learning-needs brief due"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty for two weeks before the first day."),
    )
    report_due_on = forms.DateField(
        label=_("Visit report due"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty for 30 days after the visit."),
    )
    dates_note = forms.CharField(
        label=_("Note on the dates"), max_length=200, required=False, help_text=_("For example: illustrative dates.")
    )

    def __init__(self, *args, pairing, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].choices = [
            (Visit.Host.MENTOR, gettext("%(city)s (mentor city)") % {"city": pairing.mentor_city}),
            (Visit.Host.IMPLEMENTING, gettext("%(city)s (implementing city)") % {"city": pairing.implementing_city}),
        ]
        self.fields["kind"].help_text = gettext(
            "A study visit goes to %(mentor_city)s; a mentoring visit goes to %(implementing_city)s."
        ) % {"mentor_city": pairing.mentor_city, "implementing_city": pairing.implementing_city}

    @classmethod
    def initial_from(cls, visit):
        return {name: getattr(visit, name) for name in cls.base_fields}


class VisitStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[
            (status, Visit.Status(status).label)
            for status in (Visit.Status.PLANNED, Visit.Status.CONFIRMED, Visit.Status.HELD, Visit.Status.CANCELLED)
        ],
    )


class AgendaItemForm(forms.Form):
    service_fields = {"starts_at": "day", "ends_at": "ends"}

    day = forms.DateField(label=_("Day"), widget=DateInput)
    starts = forms.TimeField(label=_("Starts"), widget=TimeInput)
    ends = forms.TimeField(label=_("Ends"), widget=TimeInput, required=False)
    title = forms.CharField(label=_("Title"), max_length=200)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    speakers = forms.CharField(label=_("Speakers"), max_length=300, required=False)

    def service_arguments(self):
        data = self.cleaned_data
        tz = timezone.get_current_timezone()
        starts_at = timezone.make_aware(datetime.datetime.combine(data["day"], data["starts"]), tz)
        ends_at = (
            timezone.make_aware(datetime.datetime.combine(data["day"], data["ends"]), tz) if data["ends"] else None
        )
        return {
            "starts_at": starts_at,
            "ends_at": ends_at,
            "title": data["title"],
            "place": data["place"],
            "speakers": data["speakers"],
        }


class ParticipantForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Person on the platform"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("People of the two cities, the expert partner and EUROCITIES."),
        error_messages={
            "invalid_choice": _(
                "Choose someone of the two cities, the expert partner or EUROCITIES who does not take part yet."
            )
        },
    )
    guest_name = forms.CharField(label=_("Or a guest: name"), max_length=150, required=False)
    organisation = forms.CharField(label=_("Guest's organisation"), max_length=150, required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = people

    def clean(self):
        data = super().clean()
        if data.get("user") and data.get("guest_name"):
            raise ValidationError(gettext("Choose a person on the platform or name a guest, not both."))
        return data


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=format_lazy("{}.", VISIT_ATTACHMENT.label),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{ext}" for ext in VISIT_ATTACHMENT.extensions)}),
    )
    title = forms.CharField(
        label=_("Title"), max_length=200, required=False, help_text=_("Leave empty to use the file's name.")
    )


class BriefForm(forms.Form):
    learning_goals = forms.CharField(
        label=_("What we want to learn"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    questions = forms.CharField(label=_("Our questions"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    charter_commitments = forms.MultipleChoiceField(
        label=_("Integrating Cities Charter commitments concerned"),
        choices=CharterCommitment.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ReportForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_("What the visit showed: practices seen, people met, what the cities learnt."),
    )


class RecommendationForm(forms.Form):
    author = forms.ChoiceField(label=_("Recommended by"), choices=Recommendation.Author.choices)
    text = forms.CharField(label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    charter_commitment = forms.ChoiceField(
        label=_("Charter commitment (optional)"),
        choices=[("", "—"), *CharterCommitment.choices],
        required=False,
    )
    plan_section = forms.ChoiceField(
        label=_("Action plan section it concerns (optional)"),
        choices=[("", "—"), *PlanSection.choices],
        required=False,
        help_text=_("The plan lists it under that section."),
    )


class SubmitReportForm(forms.Form):
    is_public = forms.BooleanField(
        label=_("Make the report visible to everyone signed in"),
        required=False,
        help_text=_("Otherwise only the two cities, the expert partner and EUROCITIES read it."),
    )


class ResponseForm(forms.Form):
    response = forms.ChoiceField(
        label=_("Our answer"),
        choices=Recommendation.Response.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose adopt, adapt or decline.")},
    )
    response_reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class FollowUpForm(forms.Form):
    follow_up = forms.ChoiceField(label=_("Follow-up"), choices=Recommendation.FollowUp.choices)
