"""Every form of the project, bound to generated input: it never crashes, it explains every refusal next to a
field (or on top), and what it accepts the service behind it takes without crashing either.

The forms are discovered, not listed: every module of the project's apps is imported and every subclass of
Django's BaseForm defined there is fuzzed. A new form without a harness in tests/fuzz/forms_world.py fails
`test_every_form_of_the_project_is_fuzzed`."""

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.datastructures import MultiValueDict
from hypothesis import given
from hypothesis import strategies as st

from .conftest import fuzz
from .forms_world import ABSTRACT, FORMS, REFUSALS, fetch, refusal_messages
from .strategies import form_input

# A message that still holds a placeholder or a Python repr is not for people.
NOT_FOR_PEOPLE = re.compile(r"%\(\w+\)s|\{\w*\}|Traceback|<\w+ object at|Error\(")


def project_app_names():
    root = Path(settings.BASE_DIR).resolve()
    return [
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(root) and ".venv" not in Path(config.path).parts
    ]


def project_forms():
    """Every form class defined in a module of the project's apps."""
    names = project_app_names()
    for name in names:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, f"{name}."):
            if ".migrations" not in module.name and ".tests" not in module.name:
                importlib.import_module(module.name)
    found, stack = set(), [forms.BaseForm]
    while stack:
        for subclass in stack.pop().__subclasses__():
            stack.append(subclass)
            if subclass.__module__.split(".")[0] in names:
                found.add(subclass)
    return found


def label(form_class):
    return f"{form_class.__module__}.{form_class.__name__}"


def test_every_form_of_the_project_is_fuzzed():
    found = project_forms()

    assert {label(f) for f in found - ABSTRACT} == {label(f) for f in FORMS}
    assert len(FORMS) >= 30


def assert_explained(form, data):
    """Every error is a non-empty sentence at a field of the form, or at the top."""
    assert form.errors
    submitted = sorted((str(v) for vs in data.values() for v in (vs if isinstance(vs, list) else [vs])), key=len)
    for field, messages in form.errors.items():
        assert field == forms.forms.NON_FIELD_ERRORS or field in form.fields, field
        for message in messages:
            assert message.strip() and re.search(r"\w", message), (field, message)
            own_words = message
            for value in reversed(submitted):  # a message may quote what was typed
                own_words = own_words.replace(value, "") if value else own_words
            assert not NOT_FOR_PEOPLE.search(own_words), (field, message)


def bind(form_class, kwargs, data, files):
    return form_class(
        MultiValueDict({k: v if isinstance(v, list) else [v] for k, v in data.items()}),
        MultiValueDict({k: [v] for k, v in files.items()}),
        **kwargs,
    )


class RolledBack(Exception):
    pass


@pytest.mark.parametrize("form_class", list(FORMS), ids=label)
def test_form_survives_fuzzed_input(network, settings, tmp_path, form_class):
    settings.MEDIA_ROOT = tmp_path
    harness = FORMS[form_class]
    pks = harness.setup(network)
    outcomes = {"valid": 0, "invalid": 0, "refused": 0}

    @fuzz(25)
    @given(st.data(), st.booleans())
    def example(draw, follow_form_rules):
        try:
            with transaction.atomic():
                objects = fetch(pks)
                kwargs = harness.kwargs(objects)
                data, files = draw.draw(form_input(form_class(**kwargs)))
                if follow_form_rules:
                    harness.fixup(data, files, form_class(**kwargs))
                form = bind(form_class, kwargs, data, files)

                if not form.is_valid():
                    assert_explained(form, data)
                    outcomes["invalid"] += 1
                else:
                    try:
                        harness.feed(form, objects)
                        outcomes["valid"] += 1
                    except REFUSALS as refusal:
                        assert all(m.strip() for m in refusal_messages(refusal)), refusal
                        outcomes["refused"] += 1
                raise RolledBack
        except RolledBack:
            pass

    example()

    assert outcomes["valid"] + outcomes["refused"], "no input was accepted: the service was never called"
