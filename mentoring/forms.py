"""Forms of the visits pages. They parse input; the rules that matter live in services.py."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import CharterCommitment, PlanSection, Recommendation, Visit
from .uploads import ALLOWED_LABEL, EXTENSIONS


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
    kind = forms.ChoiceField(choices=Visit.Kind.choices)
    host = forms.ChoiceField(label="Host city")
    starts_on = forms.DateField(label="First day", widget=DateInput)
    ends_on = forms.DateField(label="Last day", widget=DateInput)
    topics = forms.CharField(max_length=300, required=False, help_text="What the visit is about, in a line.")
    practical_notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, help_text="Travel, venue, accessibility, contacts…"
    )
    brief_due_on = forms.DateField(
        label="Learning-needs brief due",
        widget=DateInput,
        required=False,
        help_text="Leave empty for two weeks before the first day.",
    )
    report_due_on = forms.DateField(
        label="Visit report due", widget=DateInput, required=False, help_text="Leave empty for 30 days after the visit."
    )
    dates_note = forms.CharField(
        label="Note on the dates", max_length=200, required=False, help_text="For example: illustrative dates."
    )

    def __init__(self, *args, pairing, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].choices = [
            (Visit.Host.MENTOR, f"{pairing.mentor_city} (mentor city)"),
            (Visit.Host.IMPLEMENTING, f"{pairing.implementing_city} (implementing city)"),
        ]
        self.fields[
            "kind"
        ].help_text = (
            f"A study visit goes to {pairing.mentor_city}; a mentoring visit goes to {pairing.implementing_city}."
        )

    @classmethod
    def initial_from(cls, visit):
        return {name: getattr(visit, name) for name in cls.base_fields}


class VisitStatusForm(forms.Form):
    status = forms.ChoiceField(
        label="New status",
        choices=[
            (status, Visit.Status(status).label)
            for status in (Visit.Status.PLANNED, Visit.Status.CONFIRMED, Visit.Status.HELD, Visit.Status.CANCELLED)
        ],
    )


class AgendaItemForm(forms.Form):
    service_fields = {"starts_at": "day", "ends_at": "ends"}

    day = forms.DateField(widget=DateInput)
    starts = forms.TimeField(widget=TimeInput)
    ends = forms.TimeField(widget=TimeInput, required=False)
    title = forms.CharField(max_length=200)
    place = forms.CharField(max_length=200, required=False)
    speakers = forms.CharField(max_length=300, required=False)

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
        label="Person on the platform",
        queryset=get_user_model().objects.none(),
        required=False,
        help_text="People of the two cities, the expert partner and EUROCITIES.",
    )
    guest_name = forms.CharField(label="Or a guest: name", max_length=150, required=False)
    organisation = forms.CharField(label="Guest's organisation", max_length=150, required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = people

    def clean(self):
        data = super().clean()
        if data.get("user") and data.get("guest_name"):
            raise ValidationError("Choose a person on the platform or name a guest, not both.")
        return data


class AttachmentForm(forms.Form):
    file = forms.FileField(
        help_text=f"{ALLOWED_LABEL}.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{ext}" for ext in EXTENSIONS)}),
    )
    title = forms.CharField(max_length=200, required=False, help_text="Leave empty to use the file's name.")


class BriefForm(forms.Form):
    learning_goals = forms.CharField(
        label="What we want to learn", widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    questions = forms.CharField(label="Our questions", widget=forms.Textarea(attrs={"rows": 5}), required=False)
    charter_commitments = forms.MultipleChoiceField(
        label="Integrating Cities Charter commitments concerned",
        choices=CharterCommitment.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ReportForm(forms.Form):
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text="What the visit showed: practices seen, people met, what the cities learnt.",
    )


class RecommendationForm(forms.Form):
    author = forms.ChoiceField(label="Recommended by", choices=Recommendation.Author.choices)
    text = forms.CharField(label="Recommendation", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    charter_commitment = forms.ChoiceField(
        label="Charter commitment (optional)",
        choices=[("", "—"), *CharterCommitment.choices],
        required=False,
    )
    plan_section = forms.ChoiceField(
        label="Action plan section it concerns (optional)",
        choices=[("", "—"), *PlanSection.choices],
        required=False,
        help_text="The plan lists it under that section.",
    )


class SubmitReportForm(forms.Form):
    is_public = forms.BooleanField(
        label="Make the report visible to everyone signed in",
        required=False,
        help_text="Otherwise only the two cities, the expert partner and EUROCITIES read it.",
    )


class ResponseForm(forms.Form):
    response = forms.ChoiceField(
        label="Our answer",
        choices=Recommendation.Response.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose adopt, adapt or decline."},
    )
    response_reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class FollowUpForm(forms.Form):
    follow_up = forms.ChoiceField(label="Follow-up", choices=Recommendation.FollowUp.choices)
