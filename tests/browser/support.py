"""What the browser tests share: visiting pages with an axe-core check, signing in, TOTP codes.

Every document the browser loads is recorded (see `watch_loads`); `assert_accessible` checks
the one on screen, and the `page` fixture fails a test that left a loaded page unchecked."""

import base64
import hashlib
import hmac
import struct
import time
import warnings

from axe_playwright_python.sync_playwright import Axe

from mentoring.demo_network import DEMO_PASSWORD

# Impacts that fail a test; "moderate" and "minor" findings are reported as warnings.
BLOCKING_IMPACTS = {"serious", "critical"}

_axe = Axe()


class PageLoads:
    """The documents a page loaded, in order, and whether axe checked each."""

    def __init__(self):
        self.urls = []
        self.checked = set()

    def unchecked(self):
        return [url for index, url in enumerate(self.urls) if index not in self.checked]


def watch_loads(page):
    loads = PageLoads()
    page.on("load", lambda loaded: loads.urls.append(loaded.url))
    page.axe_loads = loads
    return loads


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            summary = " ".join(line.strip() for line in node["failureSummary"].splitlines()[1:])
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)


def assert_accessible(page):
    """Run axe-core on the page on screen; a serious or critical violation fails the test."""
    page.wait_for_load_state("load")
    violations = _axe.run(page).response["violations"]
    loads = getattr(page, "axe_loads", None)
    if loads is not None and loads.urls:
        loads.checked.add(len(loads.urls) - 1)
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe-core finds accessibility problems on {page.url}:\n{describe_violations(violations)}"
    if violations:
        warnings.warn(f"axe-core's minor findings on {page.url}:\n{describe_violations(violations)}", stacklevel=2)
    return violations


def visit(page, url):
    """Open a URL (relative to the live server) as a person would, and check the page with axe."""
    response = page.goto(url)
    assert_accessible(page)
    return response


def sign_in(page, email, password=DEMO_PASSWORD):
    """Fill in the real sign-in form; the caller checks where it lands."""
    visit(page, "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("load")


def sign_out(page, name):
    """Open the menu under the person's name and sign out."""
    page.get_by_role("navigation", name="Main").get_by_role("button", name=name).click()
    sign_out_button = page.get_by_role("button", name="Sign out")
    sign_out_button.wait_for()
    assert_accessible(page)  # with the menu open
    sign_out_button.click()
    page.wait_for_load_state("load")


def totp_code(secret, at=None, period=30, digits=6):
    """The code an authenticator app shows for a base32 secret (RFC 6238, HMAC-SHA1)."""
    counter = int(time.time() if at is None else at) // period
    key = base64.b32decode(secret.upper(), casefold=True)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 10**digits:0{digits}d}"


def fresh_totp_code(secret, period=30, margin=3):
    """A code that stays valid long enough to be typed in and submitted: the server accepts the
    current 30-second window only (MFA_TOTP_TOLERANCE is 0), so near its end wait for the next.

    (allauth refuses a sign-in code used before; the code that activated the authenticator
    does not count as used, so signing in within the same window works.)"""
    while True:
        now = time.time()
        left = period - now % period
        if left >= margin:
            return totp_code(secret, at=now, period=period)
        time.sleep(left + 0.1)
