import rules


@rules.predicate
def is_coordinator(user):
    """EUROCITIES staff: superusers and holders of the coordinator role.

    The role is checked by its name, not through mentoring's Role and scope:
    mentoring calls notify(), and notifications never imports its callers."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_notifications_is_coordinator", None)
    if cached is None:
        cached = user.is_superuser or user.memberships.filter(role="coordinator").exists()
        user._notifications_is_coordinator = cached
    return cached


rules.add_perm("notifications.see_inbox", rules.is_authenticated)
rules.add_perm("notifications.see_outbox", is_coordinator)
rules.add_perm("notifications.resend_email", is_coordinator)
