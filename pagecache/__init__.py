"""Pages kept for each viewer until the data they were read from changes.

A kept page's key names the URL, the person (or "a visitor"), their language and time zone, the
htmx headers, the minute, and the PostgreSQL snapshot the request reads from
(`pg_current_snapshot()`: which transactions had committed). Any write committed anywhere, through
a form, a bulk update, a Celery worker, the admin or psql, gives the next request another snapshot,
so a kept page is never older than the data. Texts that follow the clock ("3 days ago") are at
most a minute behind it.

Built afresh, never kept: anything but a 200 to GET or HEAD; a request inside an open transaction
(it may read its own uncommitted writes, which no snapshot names); a request with messages to show
or whose view adds one; a response that sets a cookie or says no-store; every request on a
database other than PostgreSQL. The CSRF tokens of a page are taken out before it is kept and the
requester's own put in when it is served, so visitors share one kept page.

Only views that write nothing on GET may be wrapped: a page served from the cache does not run its
view.
"""

import hashlib
import re
import time
from functools import cache, wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache as default_cache
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, get_token
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac

KEY_HEADERS = ("HX-Request", "HX-Target", "HX-Trigger", "HX-Boosted", "HX-Current-URL", "Accept")
_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{%d}(?![A-Za-z0-9])" % (2 * CSRF_SECRET_LENGTH))
KEPT_SECONDS = 60
_CHAR_INDEX = {char: index for index, char in enumerate(CSRF_ALLOWED_CHARS)}


@cache
def _token_placeholder(secret_key):
    # Derived from SECRET_KEY, so no text a person writes on a page can contain it.
    return b"csrf-" + salted_hmac("pagecache", "token", secret=secret_key).hexdigest()[:27].encode()


def token_placeholder():
    return _token_placeholder(settings.SECRET_KEY)


def _secret_of(token):
    """The CSRF secret a masked token carries (the mask is its first half)."""
    mask, cipher = token[:CSRF_SECRET_LENGTH], token[CSRF_SECRET_LENGTH:]
    count = len(CSRF_ALLOWED_CHARS)
    return "".join(
        CSRF_ALLOWED_CHARS[(_CHAR_INDEX[c] - _CHAR_INDEX[m]) % count] for c, m in zip(cipher, mask, strict=True)
    )


def _minute():
    return int(time.time() // 60)


def database_snapshot():
    """The committed state this request reads, or None where no snapshot can name it."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_snapshot()::text")
        return cursor.fetchone()[0]


def key_for(request, user=None, extra=()):
    """The key under which what `request` shows its person now is kept, or None to build it afresh.

    `request` is Django's request; `user` the person when something else authenticated them (the API's
    tokens); `extra` whatever else the answer depends on."""
    if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD"):
        return None
    if len(get_messages(request)):
        return None
    snapshot = database_snapshot()
    if snapshot is None:
        return None
    user = request.user if user is None else user
    parts = [
        request.scheme,
        request.get_host(),
        request.path,
        request.META.get("QUERY_STRING", ""),
        str(user.pk) if user.is_authenticated else "-",
        translation.get_language() or "",
        timezone.get_current_timezone_name(),
        *(request.headers.get(name, "") for name in KEY_HEADERS),
        snapshot,
        str(_minute()),
        *(str(part) for part in extra),
    ]
    return "viewer-page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def get(key):
    return default_cache.get(key)


def keep(key, value):
    default_cache.set(key, value, KEPT_SECONDS)


def _keepable(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "no-store" not in response.get("Cache-Control", "")
        and not getattr(get_messages(request), "added_new", False)
    )


def _without_tokens(request, content):
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return content, False
    placeholder = token_placeholder()
    found = False

    def swap(match):
        nonlocal found
        if _secret_of(match.group().decode()) == secret:
            found = True
            return placeholder
        return match.group()

    return _TOKEN.sub(swap, content), found


def _serve(request, entry):
    status, headers, content, has_tokens = entry
    if has_tokens:
        content = content.replace(token_placeholder(), get_token(request).encode())
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def kept_per_viewer(view):
    """Serve the view's page from the cache while the data, the person and the minute are the same."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = key_for(request)
        if key is None:
            return view(request, *args, **kwargs)
        entry = get(key)
        if entry is not None:
            return _serve(request, entry)
        response = view(request, *args, **kwargs)
        if getattr(response, "is_rendered", True) is False:
            response.render()
        if _keepable(request, response):
            content, has_tokens = _without_tokens(request, response.content)
            headers = [(name, value) for name, value in response.headers.items() if name != "Content-Length"]
            keep(key, (response.status_code, headers, content, has_tokens))
        return response

    return wrapper
