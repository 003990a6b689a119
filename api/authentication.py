from django.utils.translation import gettext
from rest_framework import authentication, exceptions

from .models import PersonalToken, hash_token
from .services import touch_token


class PersonalTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer <token>` (or `Token <token>`). A wrong, revoked or deactivated token answers 401
    with a message saying which; no header at all leaves the request anonymous."""

    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(gettext("Send the token as 'Authorization: Bearer <token>'."))
        token = PersonalToken.objects.select_related("user").filter(token_hash=hash_token(header[1])).first()
        if token is None:
            raise exceptions.AuthenticationFailed(gettext("This token is not valid."))
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(gettext("This token was revoked; create a new one at /tokens/."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(gettext("The account of this token is deactivated."))
        touch_token(token)
        return token.user, token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'
