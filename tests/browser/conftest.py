"""Browser tests: Playwright drives the system Chromium against pytest-django's live server.

axe-core checks every page a test loads (tests/browser/support.py); a test that leaves a
loaded page unchecked fails. On failure, a screenshot and the page's HTML go to test-artifacts/."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from .support import watch_loads

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

expect.set_options(timeout=10_000)


_reports = pytest.StashKey[dict]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so the `page` fixture knows whether it failed."""
    report = yield
    item.stash.setdefault(_reports, {})[report.when] = report
    return report


@pytest.fixture(scope="package")
def browser():
    """Chromium for the browser tests, stopped after the last of them.

    Playwright's sync API runs an event loop in this thread while it is started; the ORM calls the tests
    make meanwhile are still synchronous, so Django is told not to refuse them, for these tests only: the
    rest of the suite keeps Django's check that no ORM call is made from async code."""
    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(f"No Chromium at {executable}: install Debian's chromium package or set CHROMIUM.")
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(request, browser, live_server):
    """A fresh browser context (no cookies) on the live server, whose every loaded page axe must check."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    loads = watch_loads(page)
    stem = _artifact_stem(request.node.name)
    for old in (stem.with_suffix(".png"), stem.with_suffix(".html")):
        old.unlink(missing_ok=True)
    yield page
    reports = request.node.stash.get(_reports, {})
    failed = any(report.failed for report in reports.values())
    if failed:
        _save_artifacts(stem, page)
    context.close()
    if not failed:
        unchecked = loads.unchecked()
        assert not unchecked, f"Pages loaded without an axe-core check: {unchecked}"


def _artifact_stem(test_name):
    return ARTIFACTS / re.sub(r"[^\w-]+", "_", test_name)


def _save_artifacts(stem, page):
    """The screenshot and HTML of the page as the test left it."""
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        page.screenshot(path=stem.with_suffix(".png"), full_page=True)
        stem.with_suffix(".html").write_text(page.content())
    except Exception as error:  # noqa: BLE001 - a failed screenshot must not hide the test's failure
        print(f"Could not save the page of {stem.name}: {error}")
