"""Reads of the deliverables app."""

from django.contrib.contenttypes.models import ContentType

from . import registry
from .models import Deliverable


def deliverable_of(subject, kind, language="en"):
    return Deliverable.objects.filter(
        kind=kind, content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk, language=language
    ).first()


def programme_deliverables(programme):
    """Every (kind, subject, deliverable or None) of a programme, for the staff page: one query per kind
    and one for the deliverables."""
    rows = []
    for kind in registry.kinds():
        content_type = ContentType.objects.get_for_model(kind.model_class)
        rows.extend((kind, content_type.pk, subject) for subject in kind.subjects_of_programme(programme))
    existing = {
        (d.kind, d.content_type_id, d.object_id): d
        for d in Deliverable.objects.filter(
            kind__in=[kind.slug for kind in registry.kinds()], content_type_id__in={ct for _, ct, _ in rows}
        ).select_related("requested_by")
    }
    return [(kind, subject, existing.get((kind.slug, ct, subject.pk))) for kind, ct, subject in rows]
