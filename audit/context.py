"""Who is acting, and from where, for the audit entries written deep inside a request.

The middleware binds the request; a service that acts for someone other than the signed-in
person (an invitee accepting their invitation) says so with `acting()`. Receivers of model
signals, which see no request, read the actor and the address from here."""

import ipaddress
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

_UNSET = object()


@dataclass(frozen=True)
class _Context:
    request: Any = None
    actor: Any = _UNSET
    details: dict = field(default_factory=dict)


_NOTHING = _Context()
_current = ContextVar("audit_context", default=None)


@contextmanager
def _bound(context):
    token = _current.set(context)
    try:
        yield
    finally:
        _current.reset(token)


def bind_request(request):
    return _bound(_Context(request=request))


def acting(actor, **details):
    """Attribute the entries written inside the block to `actor`, with `details` added to each."""
    context = _current.get() or _NOTHING
    return _bound(_Context(request=context.request, actor=actor, details={**context.details, **details}))


def current_request():
    return (_current.get() or _NOTHING).request


def current_actor():
    context = _current.get() or _NOTHING
    if context.actor is not _UNSET:
        return context.actor
    user = getattr(context.request, "user", None)
    return user if user is not None and user.is_authenticated else None


def current_details():
    return dict((_current.get() or _NOTHING).details)


def ip_address_of(request):
    """The connecting address. Behind a proxy, configure it to pass the client's address as REMOTE_ADDR
    (a forwarded-for header is set by the client and proves nothing)."""
    address = (getattr(request, "META", None) or {}).get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with bind_request(request):
            return self.get_response(request)
