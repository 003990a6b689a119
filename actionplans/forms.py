from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentoring.models import PlanSection

from . import services
from .models import Action, ActionPlan, CharterCommitment, Comment, Indicator, Objective, Review, Risk


class DateInput(forms.DateInput):
    """A date picker: its value is always ISO (2026-05-04), whatever the language's input formats."""

    input_type = "date"

    def __init__(self, attrs=None, format="%Y-%m-%d"):  # noqa: A002 - Django's argument name
        super().__init__(attrs, format)


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
        label=_("Integrating Cities Charter commitments it addresses"),
        choices=CharterCommitment.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ActionPlan
        fields = ["title", "gap", "context", "charter_commitments"]
        labels = {
            "title": _("Title"),
            "gap": _("What gap does the plan close?"),
            "context": _("Local context"),
        }
        widgets = {"gap": forms.Textarea(attrs={"rows": 4}), "context": forms.Textarea(attrs={"rows": 4})}


class PlanStakeholdersForm(PartForm):
    class Meta:
        model = ActionPlan
        fields = ["stakeholders"]
        labels = {"stakeholders": _("Who was involved in drafting the plan?")}
        widgets = {"stakeholders": forms.Textarea(attrs={"rows": 4})}


class ObjectiveForm(PartForm):
    class Meta:
        model = Objective
        fields = ["title", "description"]
        labels = {"title": _("Title"), "description": _("Description")}
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
        labels = {
            "title": _("Title"),
            "description": _("Description"),
            "responsible_body": _("Responsible body"),
            "partners": _("Partners"),
            "funding_source": _("Funding source"),
            "status": _("Status"),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput,
            "ends_on": DateInput,
        }
        error_messages = {
            "budget_eur": {"min_value": _("A budget cannot be negative.")},
            "staff_effort_days": {"min_value": _("Staff effort cannot be negative.")},
            "progress": {
                "min_value": _("Progress is a percentage from 0 to 100."),
                "max_value": _("Progress is a percentage from 0 to 100."),
            },
        }

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", gettext("The end date must not be before the start date."))
        return cleaned


class IndicatorForm(PartForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline", "target", "target_date"]
        labels = {
            "name": _("Name"),
            "unit": _("Unit"),
            "baseline": _("Baseline"),
            "target": _("Target"),
            "target_date": _("Target date"),
        }
        widgets = {"target_date": DateInput}
        error_messages = {"unit": {"required": _("Give the indicator's unit, for example people, % or companies.")}}


class RiskForm(PartForm):
    class Meta:
        model = Risk
        fields = ["description", "mitigation"]
        labels = {"mitigation": _("Mitigation")}
        widgets = {"mitigation": forms.Textarea(attrs={"rows": 3})}


class SubmitForm(forms.Form):
    note = forms.CharField(
        label=_("A note for the expert partner (optional)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class ReviewForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion, label in Review.CRITERIA:
            self.fields[f"{criterion}_score"] = forms.TypedChoiceField(
                label=gettext("%(criterion)s: score (1 = weak, 5 = strong)") % {"criterion": label},
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": gettext("Give a score from 1 to 5."),
                    "invalid_choice": gettext("Give a score from 1 to 5."),
                },
            )
            self.fields[f"{criterion}_comment"] = forms.CharField(
                label=gettext("%(criterion)s: comment") % {"criterion": label},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
        self.fields["recommendations"] = forms.CharField(
            label=gettext("Recommendations to the city"),
            widget=forms.Textarea(attrs={"rows": 4}),
            required=False,
            help_text=gettext(
                "One recommendation per line. Each joins the pairing's recommendation register, "
                "where the city adopts, adapts or declines it."
            ),
        )
        self.fields["recommendations_section"] = forms.ChoiceField(
            label=gettext("Section of the plan the recommendations concern (optional)"),
            choices=[("", "—"), *PlanSection.choices],
            required=False,
        )
        self.fields["outcome"] = forms.ChoiceField(
            label=gettext("Decision"), choices=Review.Outcome.choices, widget=forms.RadioSelect
        )
        self.fields["conditions"] = forms.CharField(
            label=gettext("Conditions (when recommending with conditions)"),
            widget=forms.Textarea(attrs={"rows": 3}),
            required=False,
        )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("outcome") == Review.Outcome.RECOMMENDED_WITH_CONDITIONS
            and not cleaned.get("conditions", "").strip()
        ):
            self.add_error("conditions", gettext("Say which conditions the recommendation comes with."))
        return cleaned

    def service_arguments(self):
        data = self.cleaned_data
        return {
            "outcome": data["outcome"],
            "scores": {c: data[f"{c}_score"] for c, _label in Review.CRITERIA},
            "comments": {c: data[f"{c}_comment"] for c, _label in Review.CRITERIA},
            "recommendations": data["recommendations"],
            "recommendations_section": data["recommendations_section"],
            "conditions": data["conditions"],
        }


class DecisionForm(forms.Form):
    body = forms.CharField(
        label=_("Decision body"), max_length=200, help_text=_("e.g. Directorate of Social Affairs, City Council")
    )
    decided_on = forms.DateField(label=_("Date of the decision"), widget=DateInput)
    reference = forms.CharField(label=_("Reference number"), max_length=100)
    document = forms.FileField(
        label=_("Signed document (PDF, optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    conditions = forms.CharField(
        label=_("Conditions, if any"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            services.SIGNED_DOCUMENT.check(document)
        return document


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mention people of the pairing with @ and their e-mail address."),
    )
    section = forms.ChoiceField(choices=Comment.Section.choices, widget=forms.HiddenInput)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ProgressForm(forms.Form):
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        error_messages={
            "min_value": _("Progress is a percentage from 0 to 100."),
            "max_value": _("Progress is a percentage from 0 to 100."),
        },
    )
    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class MeasurementForm(forms.Form):
    measured_on = forms.DateField(label=_("Date of the measurement"), widget=DateInput)
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


def add_service_errors(form, error):
    """Put a service's ValidationError next to the form's fields (or on top when it names none)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
