"""The kinds of deliverable, and the sections other apps contribute to them.

A kind says what a deliverable is made of: the model of its subject, the
template that renders it (once for the browser preview, once for the PDF),
the data that template renders, and the permission that lets a person request,
preview and download it. Apps register their kinds and sections when Django
starts (in their AppConfig.ready), so deliverables never imports them:

    from deliverables import registry

    registry.register_kind(registry.Kind(slug="action_plan", model="actionplans.ActionPlan", ...))
    registry.register_section("infographic", "actionplans.key_actions", key_actions_of_pairing)

`collect` returns plain data (str, int, dates, lists, dicts): its hash is the
subject's version, so a subject whose data did not change is not rendered
again. See docs/deliverables.md.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str
    # "app_label.ModelName" of the subject: a visit report, a pairing, the programme, a plan…
    model: str
    # One template per kind; it extends deliverables/pdf/base.html.
    template: str
    # subject -> plain data the template renders (hashed into the subject's version).
    collect: Callable
    # A django-rules permission checked on the subject: who may request, preview and download.
    permission: str
    # subject -> a title for pages and the PDF's metadata, and a file name without extension.
    title: Callable
    filename: Callable
    # programme -> every subject of this kind in a programme (the staff page, "render all").
    subjects_of_programme: Callable
    # subject -> the page that offers "Generate PDF" (where a person without htmx is sent back).
    subject_url: Callable
    # data -> extra template context derived from the data alone (charts): not hashed, it follows the data.
    decorate: Callable = lambda data: {}
    # Bump when the template starts showing something else, so that every file is rendered again.
    revision: str = "1"
    # Load one subject with what `collect` needs: pk -> instance.
    load: Callable | None = None

    @property
    def model_class(self):
        return apps.get_model(self.model)

    def get_subject(self, pk):
        if self.load is not None:
            return self.load(pk)
        return self.model_class._default_manager.get(pk=pk)


@dataclass(frozen=True)
class Section:
    """A part of a kind's deliverable that another app provides (the key actions of a plan…)."""

    name: str
    # subject -> None (nothing to show) or plain data: {"title": …, "template": …, …}.
    provider: Callable
    order: int = 100


@dataclass
class Registry:
    kinds: dict = field(default_factory=dict)
    sections: dict = field(default_factory=dict)


_registry = Registry()


def register_kind(kind):
    existing = _registry.kinds.get(kind.slug)
    if existing is not None and existing != kind:
        raise ValueError(f"A deliverable kind {kind.slug!r} is already registered.")
    _registry.kinds[kind.slug] = kind
    return kind


def register_section(kind_slug, name, provider, *, order=100):
    """Add a section to every deliverable of a kind (the kind may be registered later)."""
    sections = _registry.sections.setdefault(kind_slug, {})
    sections[name] = Section(name=name, provider=provider, order=order)


def unregister_section(kind_slug, name):
    _registry.sections.get(kind_slug, {}).pop(name, None)


def get_kind(slug):
    try:
        return _registry.kinds[slug]
    except KeyError:
        raise LookupError(f"No deliverable kind {slug!r}.") from None


def kinds():
    return list(_registry.kinds.values())


def kind_choices():
    return [(kind.slug, kind.label) for kind in kinds()]


def sections_of(kind, subject):
    """The contributed sections of a subject's deliverable, in order, leaving out the empty ones."""
    found = []
    for section in sorted(_registry.sections.get(kind.slug, {}).values(), key=lambda s: (s.order, s.name)):
        data = section.provider(subject)
        if data:
            found.append({"name": section.name, **data})
    return found


@dataclass(frozen=True)
class Snapshot:
    """What one rendering renders: the subject's data, its sections, and their version."""

    kind: Kind
    subject: object
    data: dict
    sections: list
    version: str
    language: str = "en"


def snapshot(kind, subject, language="en"):
    """The subject's data in `language` (its choices' labels…): the same whatever the request's language."""
    with translation.override(language):
        data = kind.collect(subject)
        sections = sections_of(kind, subject)
    payload = json.dumps(
        [kind.slug, kind.revision, language, data, sections], cls=DjangoJSONEncoder, sort_keys=True, default=str
    )
    version = hashlib.sha256(payload.encode()).hexdigest()
    return Snapshot(kind=kind, subject=subject, data=data, sections=sections, version=version, language=language)
