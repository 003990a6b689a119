from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend

from citiesgrow.filters import RESERVED, FilterError, apply_filters


class StrictFilterBackend(BaseFilterBackend):
    """The view's `filters` (citiesgrow.filters) and `options`; an unknown parameter or a bad value answers 400."""

    def filter_queryset(self, request, queryset, view):
        options = getattr(view, "options", {})
        for name in options:
            option(request, view, name)
        try:
            return apply_filters(
                queryset, request.query_params, getattr(view, "filters", {}), reserved=RESERVED | set(options)
            )
        except FilterError as error:
            raise ValidationError({"detail": str(error)}) from error

    def get_schema_operation_parameters(self, view):
        if getattr(view, "action", "list") != "list":
            return []
        parameters = []
        for name, definition in {**getattr(view, "filters", {}), **getattr(view, "options", {})}.items():
            schema = {"type": definition.kind}
            if definition.choices:
                schema["enum"] = list(definition.choices)
            if definition.pattern:
                schema["pattern"] = f"^(?:{definition.pattern})$"
            if definition.kind == "integer":
                schema["minimum"] = 0
            parameters.append(
                {"name": name, "in": "query", "required": False, "description": definition.help, "schema": schema}
            )
        return parameters


def option(request, view, name):
    """The value of one of the view's options in the request, cleaned, or None; a bad value answers 400."""
    raw = request.query_params.get(name)
    if raw is None:
        return None
    try:
        return view.options[name].clean(name, raw)
    except FilterError as error:
        raise ValidationError({"detail": str(error)}) from error
