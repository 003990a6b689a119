from django import template
from django.utils.safestring import mark_safe

from actionplans import text

register = template.Library()


@register.filter
def rich(value):
    """User-written rich text, sanitized again on the way out."""
    return mark_safe(text.render(value))  # noqa: S308 - nh3 has sanitized it  # nosec B308 B703
