import rules

from mentoring.rules import is_coordinator

from . import registry


@rules.predicate
def may_see_subject(user, deliverable):
    """A deliverable is for whoever may see its subject, as its kind says."""
    kind = registry.get_kind(deliverable.kind)
    subject = deliverable.subject
    return subject is not None and rules.has_perm(kind.permission, user, subject)


# The interim report shows every pairing's progress: it is EUROCITIES' document until it is published.
rules.add_perm("deliverables.see_interim_report", is_coordinator)
rules.add_perm("deliverables.see_deliverable", may_see_subject)
rules.add_perm("deliverables.manage", is_coordinator)
