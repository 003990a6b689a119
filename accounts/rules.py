import rules

from mentoring.rules import is_coordinator

rules.add_perm("accounts.invite_people", is_coordinator)
