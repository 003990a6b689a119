"""Find the interface's strings: those marked for translation, and visible text left unmarked.

Used by test_translations.py. Marked strings are found the way `makemessages` finds them
(Django's `templatize` for templates, the gettext calls for Python), without needing GNU
gettext. Unmarked text is found by reading each template as HTML outside the translation
tags, and each Python module for user-facing string arguments that are not wrapped in gettext.
"""

import ast
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.template.base import Lexer, TokenType
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

# The PDF deliverables are the programme's record for the European Commission, written in English.
ENGLISH_ONLY_TEMPLATES = ("*/pdf/*",)

GETTEXT_CALLS = {
    "_": ("msgid",),
    "gettext": ("msgid",),
    "gettext_lazy": ("msgid",),
    "gettext_noop": ("msgid",),
    "pgettext": ("context", "msgid"),
    "pgettext_lazy": ("context", "msgid"),
    "ngettext": ("msgid", "plural"),
    "ngettext_lazy": ("msgid", "plural"),
    "npgettext": ("context", "msgid", "plural"),
    "npgettext_lazy": ("context", "msgid", "plural"),
}

# Names, codes and symbols that read the same in every language.
UNTRANSLATED_WORDS = re.compile(
    r"CITIES-GROW|EUROCITIES|Eurocities|CSV|XLSX|PDF|SVG|iCal|OpenAPI|API|JSON|URL|HTML|TOTP|QR|"
    r"htmx|Swagger|UI|ICC|VIII|EN|FR|DE|[A-Z]\b|\b[a-z]\b|&[a-z]+;|&#\d+;"
)
WORD = re.compile(r"[^\W\d_]{2,}")
TRANSLATABLE_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "aria-roledescription"}


@dataclass(frozen=True)
class Message:
    msgid: str
    context: str = ""
    plural: str = ""


def project_app_paths():
    for config in apps.get_app_configs():
        path = Path(config.path)
        if ROOT in path.parents and "site-packages" not in path.parts:
            yield path


def project_python_files():
    for path in project_app_paths():
        for file in sorted(path.rglob("*.py")):
            if "migrations" not in file.parts and ".venv" not in file.parts:
                yield file


def project_templates():
    directories = [ROOT / "templates"] + [
        path / "templates" for path in project_app_paths() if (path / "templates").is_dir()
    ]
    for directory in directories:
        for file in sorted(directory.rglob("*")):
            if file.suffix in {".html", ".txt", ".svg", ".ics"} and not any(
                file.match(pattern) for pattern in ENGLISH_ONLY_TEMPLATES
            ):
                yield file


def _message(name, args):
    fields = dict(zip(GETTEXT_CALLS[name], args, strict=False))
    if not all(isinstance(fields.get(key), str) for key in GETTEXT_CALLS[name]):
        return None  # a variable, not a literal: its value is marked where it is defined
    return Message(fields["msgid"], fields.get("context", ""), fields.get("plural", ""))


def _called_name(node):
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def messages_in_python(source):
    messages = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _called_name(node) in GETTEXT_CALLS:
            args = [arg.value if isinstance(arg, ast.Constant) else None for arg in node.args]
            if message := _message(_called_name(node), args):
                messages.add(message)
    return messages


_TEMPLATIZED_CALL = re.compile(r"\b(npgettext|pgettext|ngettext|gettext|_)\(")


def messages_in_template(source, origin):
    """The messages `makemessages` would extract, read from `templatize`'s gettext calls."""
    code = templatize(source, origin=str(origin))
    messages = set()
    for match in _TEMPLATIZED_CALL.finditer(code):
        end = match.end()
        while (end := code.find(")", end)) != -1:
            try:
                call = ast.parse(code[match.start() : end + 1], mode="eval").body
                break
            except SyntaxError:
                end += 1
        args = [arg.value if isinstance(arg, ast.Constant) else None for arg in call.args]
        if message := _message(match.group(1), args):
            messages.add(message)
    return messages


def interface_messages():
    """Every marked message of the project, with the files it comes from."""
    found = {}
    for file in project_python_files():
        for message in messages_in_python(file.read_text()):
            found.setdefault(message, []).append(file.relative_to(ROOT))
    for file in project_templates():
        for message in messages_in_template(file.read_text(), file):
            found.setdefault(message, []).append(file.relative_to(ROOT))
    return found


def catalogue(language):
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    entries = {}
    if path.exists():
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            entries[Message(entry.msgid, entry.msgctxt or "", entry.msgid_plural or "")] = entry
    return entries


def is_translated(entry):
    if entry is None or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


# Unmarked text ---------------------------------------------------------------------------------


class _VisibleText(HTMLParser):
    """Collects the text a person reads: element text and the attributes read aloud or shown."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in _UNTRANSLATED_ELEMENTS:
            self._hidden += 1
        for name, value in attrs:
            if value and (name in TRANSLATABLE_ATTRIBUTES or (name == "value" and ("type", "submit") in attrs)):
                self.found.append(value)

    def handle_endtag(self, tag):
        if tag in _UNTRANSLATED_ELEMENTS and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.found.append(data)


# A template tag or variable outside the translation tags leaves a space: never a word, and
# harmless inside an HTML tag (`<tr{% if late %} class="late"{% endif %}>`).
_PLACEHOLDER = " "
# Code samples are not translated.
_UNTRANSLATED_ELEMENTS = {"script", "style", "code", "kbd", "samp"}
_SKIPPED_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans", "comment": "endcomment"}
_SKIPPED_BLOCKS |= {"verbatim": "endverbatim"}


# A template that only assembles markup (no text of its own) but confuses an HTML reader says so.
MARKUP_ONLY = "{# i18n: markup only #}"


def unmarked_text_in_template(source):
    """Visible words of a template that are not inside {% translate %} or {% blocktranslate %}."""
    if MARKUP_ONLY in source:
        return []
    text = []
    closing = None
    for token in Lexer(source).tokenize():
        keyword = token.contents.split()[0] if token.token_type == TokenType.BLOCK and token.contents else ""
        if closing:
            if keyword == closing:
                closing = None
            continue
        if keyword in _SKIPPED_BLOCKS:
            closing = _SKIPPED_BLOCKS[keyword]
            continue
        text.append(token.contents if token.token_type == TokenType.TEXT else _PLACEHOLDER)
    parser = _VisibleText()
    parser.feed("".join(text))
    parser.close()
    unmarked = []
    for fragment in parser.found:
        if WORD.search(UNTRANSLATED_WORDS.sub(" ", fragment)):
            unmarked.append(" ".join(fragment.split()))
    return unmarked


# Keyword arguments whose string a person reads: form labels, help texts, model names, choices.
USER_FACING_KEYWORDS = {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label"}
MESSAGE_FUNCTIONS = {"success", "info", "warning", "error", "add_message"}
# The exceptions whose message the person sees (a form error, a refused plan transition, a filter).
SHOWN_ERRORS = {"ValidationError", "TransitionNotAllowed", "FilterError", "InvitationUnusable", "RenderError"}
SHOWN_ERRORS |= {"PlanError", "NotAllowed", "TransitionRefused", "NotEditable", "Incomplete", "EditConflict"}
CHOICES_BASES = {"TextChoices", "IntegerChoices", "Choices"}


def _plain_string(node):
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and WORD.search(node.value)


def _strings_in(node):
    if isinstance(node, ast.Dict):
        return [value for value in node.values if _plain_string(value)]
    if isinstance(node, ast.JoinedStr):
        return [node]
    return [node] if _plain_string(node) else []


def _base_names(class_node):
    return {getattr(base, "id", getattr(base, "attr", "")) for base in class_node.bases}


def unmarked_strings_in_python(source):
    """Literal strings a person reads, passed where a translated string belongs."""
    unmarked = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = _called_name(node)
            candidates = [kw.value for kw in node.keywords if kw.arg in USER_FACING_KEYWORDS]
            if (
                name in MESSAGE_FUNCTIONS
                and isinstance(node.func, ast.Attribute)
                and getattr(node.func.value, "id", "") == "messages"
                and len(node.args) >= 2
            ):
                candidates.append(node.args[-1] if name != "add_message" else node.args[2])
            if name in SHOWN_ERRORS and node.args:
                candidates.append(node.args[0])
            if name in {"CharField", "TextField", "ForeignKey", "BooleanField"} and node.args:
                candidates.append(node.args[0])  # models' positional verbose_name
            for candidate in candidates:
                unmarked += [(node.lineno, ast.unparse(string)) for string in _strings_in(candidate)]
        elif isinstance(node, ast.ClassDef) and _base_names(node) & CHOICES_BASES:
            for statement in node.body:
                if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Tuple):
                    label = statement.value.elts[-1]
                    if _plain_string(label):
                        unmarked.append((statement.lineno, ast.unparse(label)))
    return unmarked
