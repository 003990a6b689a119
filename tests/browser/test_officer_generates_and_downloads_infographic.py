import pypdf
import pytest
from playwright.sync_api import expect

from deliverables.demo import load_demo_profiles

from .support import assert_accessible, sign_in, visit

pytestmark = pytest.mark.browser


def test_athens_officer_generates_the_infographic_and_downloads_it(page, demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo_profiles()
    athens_munich = demo.get(implementing_city__slug="athens")
    sign_in(page, "officer@athens.example")
    expect(page).to_have_url("/")
    assert_accessible(page)

    visit(page, f"/pairings/{athens_munich.pk}/")

    infographic = page.get_by_role("region", name="Infographic")
    chart = infographic.get_by_role("img", name="Visits of Munich → Athens")
    expect(chart).to_be_visible()
    expect(infographic.get_by_role("table", name="Visits of Munich and Athens")).to_contain_text(
        "Study visit to Munich"
    )
    expect(infographic).to_contain_text("Dual vocational training")
    panel = infographic.locator(".deliverable-panel")
    expect(panel).to_contain_text("Not generated yet.")

    panel.get_by_role("button", name="Generate PDF").click()

    expect(panel).to_contain_text("Ready")
    expect(panel).to_contain_text("1 page")
    assert_accessible(page)  # the panel, swapped in by htmx
    expect(page).to_have_url(f"/pairings/{athens_munich.pk}/")  # no reload
    with page.expect_download() as download_info:
        panel.get_by_role("link", name="Download the PDF of the infographic").click()
    download = download_info.value
    assert download.suggested_filename == "infographic-munich-athens.pdf"
    text = "".join(p.extract_text() for p in pypdf.PdfReader(download.path()).pages)
    assert "Munich (München) mentors Athens (Αθήνα)" in text

    visit(page, f"/deliverables/infographic/{athens_munich.pk}/preview/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Munich (München) mentors Athens (Αθήνα)")
    expect(page.get_by_role("img", name="Visits of Munich → Athens")).to_be_visible()
