from django import forms

from .events import configurable_events
from .models import Delivery


class PreferencesForm(forms.Form):
    """One choice per kind of event: instant e-mail, daily digest or the inbox only."""

    def __init__(self, *args, current, **kwargs):
        super().__init__(*args, **kwargs)
        for event in configurable_events():
            self.fields[event.code] = forms.ChoiceField(
                label=event.label,
                help_text=event.description,
                choices=Delivery.choices,
                initial=current.get(event.code, event.default_delivery),
                widget=forms.RadioSelect,
                required=False,  # an event left out keeps its current setting
            )

    def groups(self):
        """[(group name, [(event, bound field)])] in the registry's order."""
        groups = {}
        for event in configurable_events():
            groups.setdefault(str(event.group), []).append((event, self[event.code]))
        return list(groups.items())
