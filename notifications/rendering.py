"""Rendering e-mails in the recipient's language.

A template `base` is looked up as `base.<language>.txt` first, then
`base.txt` (likewise `.html`), inside `translation.override(language)`, so a
translation is a matter of adding template files and message catalogues."""

from django.conf import settings
from django.template.loader import select_template
from django.utils import translation


def language_of(user):
    """The language a person reads mail in; English until people can choose one."""
    language = getattr(user, "language", "") if user is not None else ""
    return language or settings.LANGUAGE_CODE


def render_email(*, template, subject, context, language):
    """(subject, text body, HTML body) of one mail."""
    with translation.override(language):
        text = select_template([f"{template}.{language}.txt", f"{template}.txt"]).render(context)
        html = select_template([f"{template}.{language}.html", f"{template}.html"]).render(context)
        subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(str(subject).split())
    return subject[:300], text, html
