import rules

from mentoring.rules import is_coordinator

rules.add_perm("audit.see_log", is_coordinator)
