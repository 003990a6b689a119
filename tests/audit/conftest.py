from contextlib import contextmanager
from html.parser import HTMLParser

import pytest
from django.db.models import Max

from audit.models import AuditEntry
from tests.factories import enable_totp


@contextmanager
def recorded():
    """Collects the audit entries written inside the block, oldest first."""
    before = AuditEntry.objects.aggregate(last=Max("pk"))["last"] or 0
    entries = []
    yield entries
    entries.extend(AuditEntry.objects.filter(pk__gt=before).select_related("actor", "target_type").order_by("pk"))


def target_of(entry):
    return entry.target_type.get_object_for_this_type(pk=entry.target_id)


@pytest.fixture
def staff_client(client, network):
    """The coordinator, with an authenticator app, signed in (staff pages and the admin need both)."""
    enable_totp(network["coordinator"])
    client.force_login(network["coordinator"])
    return client


class _FormFields(HTMLParser):
    """What a browser would send for a form: its inputs, checked boxes, selected options and text areas."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input" and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.setdefault(attrs["name"], []).append(attrs.get("value", "on"))
            else:
                self.data[attrs["name"]] = attrs.get("value", "")
        elif tag == "select":
            self._select = attrs["name"]
            self.data.setdefault(self._select, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.data[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_fields(html, form_id):
    parser = _FormFields(form_id)
    parser.feed(html)
    return parser.data


from tests.toolkits.conftest import library  # noqa: E402, F401 - the toolkit and practices of the network's scheme
