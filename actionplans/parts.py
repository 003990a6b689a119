"""What the pages call each editable part of a plan, in whole sentences.

French and German nouns have genders ("l’objectif est enregistré", "l’action est enregistrée"), so every
sentence about a part is written out per part rather than assembled around its name."""

from django.utils.translation import gettext_lazy as _

TEXTS = {
    "context": {
        "name": _("context and challenge"),
        "named": _("context and challenge “%(title)s”"),
        "edit": _("Edit the context and challenge"),
        "saved": _("The context and challenge is saved."),
        "conflict": _("Someone else saved this context and challenge while you were editing it."),
    },
    "stakeholders": {
        "name": _("stakeholders"),
        "named": _("the stakeholders involved in drafting"),
        "edit": _("Edit the stakeholders"),
        "saved": _("The stakeholders are saved."),
        "conflict": _("Someone else saved the stakeholders while you were editing them."),
    },
    "objective": {
        "name": _("objective"),
        "named": _("objective “%(title)s”"),
        "add": _("Add an objective"),
        "edit": _("Edit the objective"),
        "saved": _("The objective is saved."),
        "added": _("The objective is added."),
        "deleted": _("The objective is deleted."),
        "not_deleted": _("Someone changed this objective since you opened the page; it was not deleted."),
        "conflict": _("Someone else saved this objective while you were editing it."),
        "confirm_delete": _("Delete the objective “%(title)s”?"),
    },
    "action": {
        "name": _("action"),
        "named": _("action “%(title)s”"),
        "add": _("Add an action"),
        "edit": _("Edit the action"),
        "saved": _("The action is saved."),
        "added": _("The action is added."),
        "deleted": _("The action is deleted."),
        "not_deleted": _("Someone changed this action since you opened the page; it was not deleted."),
        "conflict": _("Someone else saved this action while you were editing it."),
        "confirm_delete": _("Delete the action “%(title)s”?"),
    },
    "indicator": {
        "name": _("indicator"),
        "named": _("indicator “%(title)s”"),
        "add": _("Add an indicator"),
        "edit": _("Edit the indicator"),
        "saved": _("The indicator is saved."),
        "added": _("The indicator is added."),
        "deleted": _("The indicator is deleted."),
        "not_deleted": _("Someone changed this indicator since you opened the page; it was not deleted."),
        "conflict": _("Someone else saved this indicator while you were editing it."),
        "confirm_delete": _("Delete the indicator “%(title)s”?"),
    },
    "risk": {
        "name": _("risk"),
        "named": _("risk “%(title)s”"),
        "add": _("Add a risk"),
        "edit": _("Edit the risk"),
        "saved": _("The risk is saved."),
        "added": _("The risk is added."),
        "deleted": _("The risk is deleted."),
        "not_deleted": _("Someone changed this risk since you opened the page; it was not deleted."),
        "conflict": _("Someone else saved this risk while you were editing it."),
        "confirm_delete": _("Delete the risk “%(title)s”?"),
    },
}


def text(kind, key, **params):
    """The sentence `key` about a part of kind `kind`, in the active language."""
    message = str(TEXTS[kind][key])
    return message % params if params else message


# The plan's sections as comment threads name them ("Comments on the whole plan").
SECTION_NAMES = {
    "general": _("the whole plan"),
    "context": _("context and challenge"),
    "objectives": _("objectives, actions and indicators"),
    "risks": _("risks and mitigations"),
    "stakeholders": _("stakeholders"),
}
