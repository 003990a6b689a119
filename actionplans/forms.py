from django import forms
from django.core.exceptions import ValidationError

from mentoring.models import PlanSection

from . import services
from .models import Action, ActionPlan, CharterCommitment, Comment, Indicator, Objective, Review, Risk


class DateInput(forms.DateInput):
    input_type = "date"


class PartForm(forms.ModelForm):
    """An inline-edited part of the plan; `lock_version` is the version the form was opened from."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields["lock_version"].initial = self.instance.lock_version

    def clean(self):
        cleaned = super().clean()
        if "lock_version" in self._errors:  # a hidden field: its error would show nowhere
            del self._errors["lock_version"]
            self.add_error(None, "This form was out of date: reload the page and make your change again.")
        return cleaned

    def changed_data_for_service(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class PlanContextForm(PartForm):
    charter_commitments = forms.MultipleChoiceField(
        label="Integrating Cities Charter commitments it addresses",
        choices=CharterCommitment.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ActionPlan
        fields = ["title", "gap", "context", "charter_commitments"]
        labels = {"gap": "What gap does the plan close?", "context": "Local context"}
        widgets = {"gap": forms.Textarea(attrs={"rows": 4}), "context": forms.Textarea(attrs={"rows": 4})}


class PlanStakeholdersForm(PartForm):
    class Meta:
        model = ActionPlan
        fields = ["stakeholders"]
        labels = {"stakeholders": "Who was involved in drafting the plan?"}
        widgets = {"stakeholders": forms.Textarea(attrs={"rows": 4})}


class ObjectiveForm(PartForm):
    class Meta:
        model = Objective
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ActionForm(PartForm):
    class Meta:
        model = Action
        fields = [
            "title",
            "description",
            "responsible_body",
            "partners",
            "starts_on",
            "ends_on",
            "budget_eur",
            "funding_source",
            "staff_effort_days",
            "status",
            "progress",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput,
            "ends_on": DateInput,
        }
        error_messages = {
            "budget_eur": {"min_value": "A budget cannot be negative."},
            "staff_effort_days": {"min_value": "Staff effort cannot be negative."},
            "progress": {
                "min_value": "Progress is a percentage from 0 to 100.",
                "max_value": "Progress is a percentage from 0 to 100.",
            },
        }

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "The end date must not be before the start date.")
        return cleaned


class IndicatorForm(PartForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline", "target", "target_date"]
        widgets = {"target_date": DateInput}
        error_messages = {"unit": {"required": "Give the indicator's unit, for example people, % or companies."}}


class RiskForm(PartForm):
    class Meta:
        model = Risk
        fields = ["description", "mitigation"]
        widgets = {"mitigation": forms.Textarea(attrs={"rows": 3})}


class SubmitForm(forms.Form):
    note = forms.CharField(
        label="A note for the expert partner (optional)", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class ReviewForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion, label in Review.CRITERIA:
            self.fields[f"{criterion}_score"] = forms.TypedChoiceField(
                label=f"{label}: score (1 = weak, 5 = strong)",
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Give a score from 1 to 5.", "invalid_choice": "Give a score from 1 to 5."},
            )
            self.fields[f"{criterion}_comment"] = forms.CharField(
                label=f"{label}: comment", widget=forms.Textarea(attrs={"rows": 2}), required=False
            )
        self.fields["recommendations"] = forms.CharField(
            label="Recommendations to the city",
            widget=forms.Textarea(attrs={"rows": 4}),
            required=False,
            help_text="One recommendation per line. Each joins the pairing's recommendation register, "
            "where the city adopts, adapts or declines it.",
        )
        self.fields["recommendations_section"] = forms.ChoiceField(
            label="Section of the plan the recommendations concern (optional)",
            choices=[("", "—"), *PlanSection.choices],
            required=False,
        )
        self.fields["outcome"] = forms.ChoiceField(
            label="Decision", choices=Review.Outcome.choices, widget=forms.RadioSelect
        )
        self.fields["conditions"] = forms.CharField(
            label="Conditions (when recommending with conditions)",
            widget=forms.Textarea(attrs={"rows": 3}),
            required=False,
        )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("outcome") == Review.Outcome.RECOMMENDED_WITH_CONDITIONS
            and not cleaned.get("conditions", "").strip()
        ):
            self.add_error("conditions", "Say which conditions the recommendation comes with.")
        return cleaned

    def service_arguments(self):
        data = self.cleaned_data
        return {
            "outcome": data["outcome"],
            "scores": {c: data[f"{c}_score"] for c, _ in Review.CRITERIA},
            "comments": {c: data[f"{c}_comment"] for c, _ in Review.CRITERIA},
            "recommendations": data["recommendations"],
            "recommendations_section": data["recommendations_section"],
            "conditions": data["conditions"],
        }


class DecisionForm(forms.Form):
    body = forms.CharField(
        label="Decision body", max_length=200, help_text="e.g. Directorate of Social Affairs, City Council"
    )
    decided_on = forms.DateField(label="Date of the decision", widget=DateInput)
    reference = forms.CharField(label="Reference number", max_length=100)
    document = forms.FileField(
        label="Signed document (PDF, optional)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    conditions = forms.CharField(label="Conditions, if any", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean_document(self):
        document = self.cleaned_data.get("document")
        try:
            services.validate_signed_document(document)
        except ValidationError as error:
            raise ValidationError(error.message_dict["document"]) from error
        return document


class CommentForm(forms.Form):
    body = forms.CharField(
        label="Comment",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Mention people of the pairing with @ and their e-mail address.",
    )
    section = forms.ChoiceField(choices=Comment.Section.choices, widget=forms.HiddenInput)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ProgressForm(forms.Form):
    progress = forms.IntegerField(
        label="Progress (%)",
        min_value=0,
        max_value=100,
        error_messages={
            "min_value": "Progress is a percentage from 0 to 100.",
            "max_value": "Progress is a percentage from 0 to 100.",
        },
    )
    status = forms.ChoiceField(choices=Action.Status.choices)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class MeasurementForm(forms.Form):
    measured_on = forms.DateField(label="Date of the measurement", widget=DateInput)
    value = forms.DecimalField(max_digits=14, decimal_places=2)
    note = forms.CharField(max_length=300, required=False)


def add_service_errors(form, error):
    """Put a service's ValidationError next to the form's fields (or on top when it names none)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
