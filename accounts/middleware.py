from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import translation

from mentoring.selectors import scope_of

STAFF_PATH_PREFIXES = ("/admin/", "/staff/")


def needs_second_factor(user):
    """Coordinator staff must have an authenticator app before staff pages."""
    if not user.is_authenticated or not (user.is_staff or scope_of(user).is_coordinator):
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffMfaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(STAFF_PATH_PREFIXES) and needs_second_factor(request.user):
            messages.warning(
                request,
                "Coordinator staff must turn on two-factor authentication before using staff pages. "
                "Scan the code with an authenticator app and enter the six digits it shows.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class PreferredLanguageMiddleware:
    """A signed-in person sees the language kept on their account, on every device.

    Runs after LocaleMiddleware (browser and cookie) and authentication; Content-Language
    is set from the language active when LocaleMiddleware answers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = getattr(request.user, "language", "")
        if language and language != request.LANGUAGE_CODE:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
