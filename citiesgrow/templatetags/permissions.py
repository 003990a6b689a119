"""Permission checks for templates that ask the django-rules predicates only.

`{% if perms.app.name %}` and rules' own `{% has_perm %}` go through every authentication backend, and
Django's ModelBackend then loads the person's model permissions (two queries on every page) although the
platform's permissions are all predicates in the apps' rules.py."""

import rules
from django import template

register = template.Library()


@register.simple_tag
def rule_allows(perm, user, obj=None):
    return rules.has_perm(perm, user, obj)
