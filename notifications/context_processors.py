from django.utils.functional import SimpleLazyObject

from .selectors import unread_count


def unread_notifications(request):
    """The bell's number, counted only by pages that show the bell."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
