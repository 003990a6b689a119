"""Admin actions the staff use on any list."""

import datetime

from django.contrib import admin
from django.contrib.admin.utils import label_for_field, lookup_field
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .exports import Column, Sheet, download


@admin.action(description=_("Export selected as CSV"))
def export_selected_as_csv(modeladmin, request, queryset):
    """The selected rows with the list's own columns (what staff see in the list, nothing more)."""
    names = [name for name in modeladmin.get_list_display(request) if name != "action_checkbox"]
    with translation.override("en"):  # like every export's headers, and a stable file name
        columns = [
            Column(
                str(label_for_field(name, queryset.model, modeladmin)),
                lambda obj, name=name: _value(obj, name, modeladmin),
            )
            for name in names
        ]
        filename = str(queryset.model._meta.verbose_name_plural).replace(" ", "-")
    sheet = Sheet(queryset.model._meta.model_name, columns, list(queryset))
    return download([sheet], filename=filename, fmt="csv")


def _value(obj, name, modeladmin):
    _, _, value = lookup_field(name, obj, modeladmin)
    if value is None or isinstance(value, bool | int | float | str | datetime.date):
        return value
    return str(value)
