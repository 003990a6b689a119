import re
from pathlib import Path

from notifications.events import EVENTS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "notifications.md"


def test_the_documentation_lists_every_event_and_no_other():
    documented = set(re.findall(r"^\| `([a-z_.]+)` \|", DOCS.read_text(), flags=re.MULTILINE))

    assert documented == set(EVENTS)
