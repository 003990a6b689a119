from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Action

DATE = {"type": "date", "class": "form-control"}


class LogFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("Any action")), *Action.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    actor = forms.CharField(
        label=_("Actor's e-mail address"),
        required=False,
        max_length=254,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs=DATE))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs=DATE))

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The first day comes after the last."))
        cleaned["actor"] = cleaned.get("actor", "").strip()
        return cleaned
