"""The interface in French and German: every string marked, every marked string translated.

A new English sentence in a template or a form fails here until it is wrapped in
{% translate %} / gettext and given its French and German (`make messages`, translate,
`make translations`).
"""

import re

import pytest

from .translations import (
    LANGUAGES,
    ROOT,
    catalogue,
    interface_messages,
    is_translated,
    project_python_files,
    project_templates,
    unmarked_strings_in_python,
    unmarked_text_in_template,
)

MESSAGES = interface_messages()
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def _placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def _listing(messages):
    lines = [f"  {m.msgid!r} ({', '.join(map(str, MESSAGES.get(m, [])[:2]))})" for m in sorted(messages, key=str)]
    return "\n".join(lines)


def test_the_interface_has_strings_to_translate():
    # The finders below must find something, or the tests that follow prove nothing.
    assert len(list(project_templates())) > 100
    assert len(MESSAGES) > 200


@pytest.mark.parametrize("template", list(project_templates()), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_template_string_is_marked_for_translation(template):
    unmarked = unmarked_text_in_template(template.read_text())
    assert not unmarked, "Wrap in {% translate %} or {% blocktranslate trimmed %}:\n" + "\n".join(
        f"  {text[:120]}" for text in unmarked
    )


@pytest.mark.parametrize("module", list(project_python_files()), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_user_facing_python_string_is_marked_for_translation(module):
    unmarked = unmarked_strings_in_python(module.read_text())
    assert not unmarked, "Wrap in gettext / gettext_lazy:\n" + "\n".join(
        f"  line {line}: {text[:120]}" for line, text in unmarked
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_is_translated(language):
    entries = catalogue(language)
    missing = [message for message in MESSAGES if not is_translated(entries.get(message))]
    assert not missing, f"{len(missing)} strings have no {language} translation (make messages):\n" + _listing(missing)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_holds_no_string_the_code_no_longer_uses(language):
    stale = set(catalogue(language)) - set(MESSAGES)
    assert not stale, f"Run `make messages`: the {language} catalogue has strings no code uses:\n" + _listing(stale)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_of_the_english(language):
    # A lost or renamed %(name)s would make the page fail in that language only.
    wrong = []
    for entry in catalogue(language).values():
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in filter(None, translations):
            if set(_placeholders(translation)) - set(_placeholders(entry.msgid + entry.msgid_plural)):
                wrong.append(f"  {entry.msgid!r} -> {translation!r}")
            elif not entry.msgid_plural and _placeholders(translation) != _placeholders(entry.msgid):
                wrong.append(f"  {entry.msgid!r} -> {translation!r}")
    assert not wrong, "Translations with other placeholders than the English:\n" + "\n".join(wrong)
