"""Frozen versions of a plan (JSON snapshots) and the side-by-side comparison of two of them."""

import datetime
import difflib
from decimal import Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Action, CharterCommitment
from .text import plain

SNAPSHOT_FORMAT = 1


def _value(value):
    return "" if value is None else str(value)


def snapshot(plan):
    """The plan as a reader sees it, as JSON. Reads the prefetched objectives, actions, indicators and risks."""
    return {
        "format": SNAPSHOT_FORMAT,
        "title": plan.title,
        "state": plan.state,
        "gap": plan.gap,
        "context": plan.context,
        "charter_commitments": list(plan.charter_commitments),
        "stakeholders": plan.stakeholders,
        "objectives": [
            {
                "title": objective.title,
                "description": objective.description,
                "actions": [
                    {
                        "title": a.title,
                        "description": a.description,
                        "responsible_body": a.responsible_body,
                        "partners": a.partners,
                        "starts_on": _value(a.starts_on),
                        "ends_on": _value(a.ends_on),
                        "budget_eur": _value(a.budget_eur),
                        "funding_source": a.funding_source,
                        "staff_effort_days": _value(a.staff_effort_days),
                        "status": a.status,
                        "progress": a.progress,
                    }
                    for a in objective.actions.all()
                ],
                "indicators": [
                    {
                        "name": i.name,
                        "unit": i.unit,
                        "baseline": _value(i.baseline),
                        "target": _value(i.target),
                        "target_date": _value(i.target_date),
                    }
                    for i in objective.indicators.all()
                ],
            }
            for objective in plan.objectives.all()
        ],
        "risks": [{"description": r.description, "mitigation": r.mitigation} for r in plan.risks.all()],
    }


ACTION_LABELS = [
    ("description", _("Description")),
    ("responsible_body", _("Responsible body")),
    ("partners", _("Partners")),
    ("starts_on", _("Start")),
    ("ends_on", _("End")),
    ("budget_eur", _("Budget (€)")),
    ("funding_source", _("Funding source")),
    ("staff_effort_days", _("Staff effort (person-days)")),
    ("status", _("Status")),
    ("progress", _("Progress (%)")),
]
INDICATOR_LABELS = [
    ("unit", _("Unit")),
    ("baseline", _("Baseline")),
    ("target", _("Target")),
    ("target_date", _("Target date")),
]


DATES = {"starts_on", "ends_on", "target_date"}
NUMBERS = {"budget_eur", "staff_effort_days", "baseline", "target"}


def _shown(key, value):
    """A snapshot's value (ISO date, decimal string, status code) as the reader's language writes it."""
    try:
        if key in DATES and value:
            return formats.date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        if key in NUMBERS and value:
            return formats.localize(Decimal(value))
    except (ValueError, InvalidOperation):
        pass
    if key == "status":
        return str(dict(Action.Status.choices).get(value, value))
    return value


def _line(label, value, indent=""):
    # "Title: …", "Titre : …": the colon's spacing is the language's.
    return indent + gettext("%(label)s: %(value)s") % {"label": label, "value": value}


def lines(snap):
    """The snapshot as labelled lines of text, in reading order, in the active language."""
    out = [
        _line(gettext("Title"), snap["title"]),
        _line(gettext("Gap"), plain(snap["gap"])),
        _line(gettext("Context"), plain(snap["context"])),
    ]
    labels = dict(CharterCommitment.choices)
    out += [_line(gettext("Charter commitment"), labels.get(code, code)) for code in snap["charter_commitments"]]
    out.append(_line(gettext("Stakeholders"), plain(snap["stakeholders"])))
    for n, objective in enumerate(snap["objectives"], start=1):
        out.append(_line(gettext("Objective %(number)s") % {"number": n}, objective["title"]))
        if objective["description"]:
            out.append(_line(gettext("Description"), plain(objective["description"]), "  "))
        for m, action in enumerate(objective["actions"], start=1):
            out.append(_line(gettext("Action %(number)s") % {"number": f"{n}.{m}"}, action["title"], "  "))
            out += [
                _line(label, plain(_shown(key, _value(action[key]))), "    ")
                for key, label in ACTION_LABELS
                if action.get(key) != ""
            ]
        for m, indicator in enumerate(objective["indicators"], start=1):
            out.append(_line(gettext("Indicator %(number)s") % {"number": f"{n}.{m}"}, indicator["name"], "  "))
            out += [
                _line(label, _shown(key, indicator[key]), "    ")
                for key, label in INDICATOR_LABELS
                if indicator.get(key) != ""
            ]
    for n, risk in enumerate(snap["risks"], start=1):
        out.append(_line(gettext("Risk %(number)s") % {"number": n}, risk["description"]))
        if risk["mitigation"]:
            out.append(_line(gettext("Mitigation"), plain(risk["mitigation"]), "  "))
    return out


def compare(old, new):
    """Rows of (left, right, change) with change one of equal, changed, removed, added."""
    left, right = lines(old), lines(new)
    rows = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=left, b=right, autojunk=False).get_opcodes():
        if tag == "equal":
            rows += [(line, line, "equal") for line in left[i1:i2]]
        elif tag == "delete":
            rows += [(line, "", "removed") for line in left[i1:i2]]
        elif tag == "insert":
            rows += [("", line, "added") for line in right[j1:j2]]
        else:
            old_part, new_part = left[i1:i2], right[j1:j2]
            for k in range(max(len(old_part), len(new_part))):
                a = old_part[k] if k < len(old_part) else ""
                b = new_part[k] if k < len(new_part) else ""
                rows.append((a, b, "changed" if a and b else ("removed" if a else "added")))
    return rows
