import rules

from mentoring.rules import is_coordinator

rules.add_perm("notifications.see_inbox", rules.is_authenticated)
rules.add_perm("notifications.see_outbox", is_coordinator)
rules.add_perm("notifications.resend_email", is_coordinator)
