"""Filters of lists, shared by the API and the exports: `?scheme=A&city=athens&status=held`.

A list declares the filters it knows; a parameter it does not know, or a value it cannot take, is an error
with a message that says what would work (the API answers 400, an export page too) — never silently
ignored, so nobody mistakes an unfiltered list for a filtered one."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Parameters that are not filters: pagination and DRF's format switch.
RESERVED = {"page", "page_size", "format"}


class FilterError(ValueError):
    pass


@dataclass(frozen=True)
class Filter:
    help: str
    apply: Callable  # (queryset, cleaned value) -> queryset
    choices: tuple = ()
    kind: str = "string"  # string | integer | boolean
    pattern: str = ""

    def clean(self, name, raw):
        value = raw.strip()
        if self.kind == "integer":
            if not value.isdigit():
                raise FilterError(
                    gettext("'%(name)s' takes a whole number, not '%(value)s'.") % {"name": name, "value": raw}
                )
            return int(value)
        if self.kind == "boolean":
            if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise FilterError(
                    gettext("'%(name)s' takes true or false, not '%(value)s'.") % {"name": name, "value": raw}
                )
            return value.lower() in ("true", "1", "yes")
        if self.choices and value not in self.choices:
            raise FilterError(
                gettext("'%(name)s' takes one of %(choices)s; '%(value)s' is not one of them.")
                % {"name": name, "choices": ", ".join(self.choices), "value": raw}
            )
        if self.pattern and not re.fullmatch(self.pattern, value):
            raise FilterError(gettext("'%(name)s' does not take '%(value)s'.") % {"name": name, "value": raw})
        return value


def apply_filters(queryset, params, filters, reserved=RESERVED):
    """Apply the filters named in `params` (a QueryDict or dict); raise FilterError for anything unknown."""
    unknown = sorted(set(params) - set(filters) - set(reserved))
    if unknown:
        known = ", ".join(sorted(filters)) or gettext("none")
        names = ", ".join(f"'{name}'" for name in unknown)
        raise FilterError(
            gettext("Unknown filter %(names)s. The filters of this list are: %(known)s.")
            % {"names": names, "known": known}
        )
    for name, definition in filters.items():
        if name in params:
            raw = params.get(name) if hasattr(params, "get") else params[name]
            queryset = definition.apply(queryset, definition.clean(name, raw or ""))
    return queryset


# Builders for the filters most lists share.


def scheme(path):
    """By scheme code (A, B, …), case-insensitive."""
    return Filter(
        help=_("A scheme's code, e.g. A."),
        apply=lambda qs, value: qs.filter(**{f"{path}__code__iexact": value}),
        pattern=r"[A-Za-z]{1,2}",
    )


def city(*paths):
    """By a city's slug (athens, brighton-hove…), on any of the given paths (mentor or implementing city)."""

    def apply(qs, value):
        condition = Q()
        for path in paths:
            condition |= Q(**{f"{path}__slug": value})
        return qs.filter(condition)

    return Filter(help=_("A city's slug, e.g. athens."), apply=apply, pattern=r"[-a-z0-9]{1,60}")


def exact(path, choices, help):
    return Filter(help=help, apply=lambda qs, value: qs.filter(**{path: value}), choices=tuple(choices))


def integer(path, help):
    return Filter(help=help, apply=lambda qs, value: qs.filter(**{path: value}), kind="integer")


def boolean(path, help):
    return Filter(help=help, apply=lambda qs, value: qs.filter(**{path: value}), kind="boolean")
