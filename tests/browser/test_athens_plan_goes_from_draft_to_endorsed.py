"""Athens drafts its action plan, the expert partner reviews it twice, Athens' administration
approves it, its political leaders endorse it, and anyone can read it: in a real Chromium,
with axe-core on every page."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from actionplans.models import ActionPlan, PlanState
from mentoring.demo import load_demo_network
from mentoring.demo_network import DEMO_PASSWORD

pytestmark = pytest.mark.browser

OFFICER, EXPERT = "officer@athens.example", "expert@migrationwork.example"
ADMIN, POLITICAL = "admin@athens.example", "political@athens.example"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def plan_page(browser):
    """A page of the shared browser (tests/browser/conftest.py); the journey runs axe itself."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


class Journey:
    def __init__(self, page, live_server):
        self.page, self.url, self.axe = page, live_server.url, Axe()

    def accessible(self):
        """No serious or critical axe-core violation on the page at rest (no hover, transitions done)."""
        self.page.mouse.move(0, 0)
        self.page.wait_for_timeout(300)
        results = self.axe.run(self.page)
        bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        assert not bad, f"{self.page.url}: " + "; ".join(f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in bad)

    def go(self, path):
        self.page.goto(self.url + path)
        self.accessible()

    def sign_in(self, email):
        self.page.context.clear_cookies()
        self.go("/accounts/login/")
        self.page.fill("input[name=login]", email)
        self.page.fill("input[name=password]", DEMO_PASSWORD)
        self.page.click("form button[type=submit]")
        expect(self.page.get_by_role("heading", name="My work")).to_be_visible()
        self.accessible()

    def click(self, name, role="link"):
        self.page.get_by_role(role, name=name).first.click()

    def open_inline(self, name):
        """Open an inline form (htmx) and check the page with the form open."""
        self.click(name)
        expect(self.page.locator("form[hx-post] button", has_text="Save")).to_be_visible()
        self.accessible()

    def save_inline(self, visible_text):
        self.page.locator("form[hx-post]").get_by_role("button", name="Save").click()
        expect(self.page.get_by_text(visible_text).first).to_be_visible()
        expect(self.page.locator("form[hx-post] button", has_text="Save")).to_have_count(0)

    def review(self, outcome, comment):
        self.go("/")
        self.click("Plans awaiting my review")
        self.accessible()
        self.click("Local action plan of Athens")
        expect(self.page.get_by_role("heading", name="Review the plan of Athens")).to_be_visible()
        self.accessible()
        for criterion in ["relevance", "feasibility", "resources", "indicators", "stakeholders"]:
            self.page.check(f"input[name={criterion}_score][value='4']")
        self.page.get_by_label("Resources: comment").fill(comment)
        self.page.get_by_label(outcome, exact=True).check()
        self.click("Record the review", role="button")
        expect(self.page.get_by_text("Your review is recorded")).to_be_visible()
        self.accessible()


@pytest.mark.django_db(transaction=True)
def test_athens_plan_goes_from_draft_to_endorsed(live_server, plan_page, settings, tmp_path):
    page = plan_page
    settings.MEDIA_ROOT = tmp_path
    load_demo_network()
    journey = Journey(page, live_server)

    # Athens' officer starts and drafts the plan, section by section, without reloading the page.
    journey.sign_in(OFFICER)
    journey.click("Local action plan")
    journey.accessible()
    journey.click("Start the plan", role="button")
    expect(page.get_by_role("heading", name="Local action plan of Athens", level=1)).to_be_visible()
    journey.accessible()
    plan_url = page.url

    journey.open_inline("Edit context and challenge")
    page.get_by_label("What gap does the plan close?").fill("Young migrants' skills do not reach employers.")
    page.get_by_label(re.compile(r"S1 — equal access")).check()
    journey.save_inline("Young migrants' skills do not reach employers.")
    assert page.url == plan_url  # saved in place

    journey.open_inline("Add an objective")
    page.get_by_label("Title").fill("Match young migrants with employers")
    journey.save_inline("Objective: Match young migrants with employers")

    journey.open_inline("Add an action")
    page.get_by_label("Title").fill("Skills fair with the chamber of commerce")
    page.get_by_label("Responsible body").fill("Athens employment office")
    page.get_by_label("Start").fill("2018-03-01")
    page.get_by_label("End").fill("2018-02-01")
    page.get_by_label("Budget (€)").fill("15000")
    page.locator("form[hx-post]").get_by_role("button", name="Save").click()
    expect(page.get_by_text("The end date must not be before the start date.")).to_be_visible()
    journey.accessible()
    page.get_by_label("End").fill("2018-06-30")
    journey.save_inline("Action: Skills fair with the chamber of commerce")

    journey.open_inline("Add an indicator")
    page.get_by_label("Name").fill("Young migrants placed in jobs")
    page.get_by_label("Unit").fill("people")
    page.get_by_label("Target", exact=True).fill("120")
    page.get_by_label("Target date").fill("2019-01-31")
    journey.save_inline("Indicator: Young migrants placed in jobs")

    journey.open_inline("Edit the stakeholders")
    page.get_by_label("Who was involved in drafting the plan?").fill("Employment office, chamber, migrant associations")
    journey.save_inline("Employment office, chamber, migrant associations")

    expect(page.get_by_text("The plan is complete and can be submitted.")).to_be_visible()
    journey.click("Submit the plan")
    journey.accessible()
    journey.click("Submit the plan", role="button")
    expect(page.get_by_text("The plan is submitted to the expert partner")).to_be_visible()
    journey.accessible()

    # The expert partner finds it in the queue, asks for changes and comments on the objectives.
    journey.sign_in(EXPERT)
    journey.review("Request changes", "The budget leaves out interpreters.")
    page.locator("#comments-objectives summary").click()
    page.get_by_label("Comment on objectives, actions and indicators").fill(f"@{OFFICER} please add interpreters.")
    page.locator("#comments-objectives").get_by_role("button", name="Post the comment").click()
    expect(page.locator("#comments-objectives").get_by_text("please add interpreters")).to_be_visible()
    journey.accessible()

    # Athens revises the action, resolves the comment and resubmits.
    journey.sign_in(OFFICER)
    page.goto(plan_url)
    expect(page.get_by_text("Changes requested").first).to_be_visible()
    journey.accessible()
    journey.open_inline("Edit action “Skills fair with the chamber of commerce”")
    page.get_by_label("Budget (€)").fill("18000")
    page.get_by_label("Funding source").fill("AMIF and city budget (interpreters included)")
    journey.save_inline("AMIF and city budget (interpreters included)")
    page.locator("#comments-objectives summary").click()
    page.locator("#comments-objectives").get_by_role("button", name=re.compile("^Resolve")).click()
    expect(page.locator("#comments-objectives").get_by_text("Resolved by")).to_be_visible()
    journey.accessible()
    journey.click("Resubmit the plan")
    journey.accessible()
    journey.click("Resubmit the plan", role="button")
    expect(page.get_by_text("The plan is submitted to the expert partner")).to_be_visible()

    # The expert compares the versions and recommends.
    journey.sign_in(EXPERT)
    journey.go(plan_url.replace(journey.url, "") + "compare/")
    expect(page.locator("tr.diff-changed").first).to_be_visible()
    journey.review("Recommend", "Interpreters are now funded.")

    # The administrative approver approves, with the signed decision as a PDF.
    journey.sign_in(ADMIN)
    page.goto(plan_url)
    journey.click("Record the approval")
    journey.accessible()
    page.get_by_label("Decision body").fill("Directorate of Social Solidarity")
    page.get_by_label("Date of the decision").fill("2018-10-01")
    page.get_by_label("Reference number").fill("ΔΚ-2018/431")
    page.get_by_label("Signed document (PDF, optional)").set_input_files(
        {"name": "approval.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    journey.click("Record the approval", role="button")
    expect(page.get_by_text("The administrative approval is recorded")).to_be_visible()
    journey.accessible()

    # The political approver endorses; the plan becomes public.
    journey.sign_in(POLITICAL)
    page.goto(plan_url)
    journey.click("Record the endorsement")
    journey.accessible()
    page.get_by_label("Decision body").fill("Athens City Council")
    page.get_by_label("Date of the decision").fill("2018-11-05")
    page.get_by_label("Reference number").fill("Decision 512/2018")
    journey.click("Record the endorsement", role="button")
    expect(page.get_by_text("The plan is endorsed and now public.")).to_be_visible()
    journey.accessible()

    # Anyone reads it, without signing in; the comments stay inside the pairing.
    page.context.clear_cookies()
    journey.go(plan_url.replace(journey.url, ""))
    expect(page.get_by_role("heading", name="Local action plan of Athens", level=1)).to_be_visible()
    expect(page.get_by_text("Athens City Council")).to_be_visible()
    expect(page.get_by_text("please add interpreters")).to_have_count(0)
    journey.go("/plans/")
    expect(page.get_by_role("link", name="Local action plan of Athens")).to_be_visible()
    assert ActionPlan.objects.get().state == PlanState.ENDORSED
