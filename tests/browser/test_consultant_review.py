"""A consultant logs in (landing on their dashboard), filters it, opens a review, adds a
recommendation (the page stays where it was), edits it (the earlier wording is kept) and,
once asked to confirm, marks it reviewed; the client then sees the recommendation first on
the results page and in the PDF."""

import re

import pytest
from playwright.sync_api import expect

from questionnaire.content import load_content_file
from tests.browser.conftest import VIEWPORTS, log_in
from tests.factories import (
    GOOD_ANSWERS,
    make_client_audit,
    make_consultant,
    make_user,
)
from tests.reports.pdf_text import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECOMMENDATION = "Film a one-minute bake every Friday and reply to comments the same day."
WEAK = {**GOOD_ANSWERS, "who_develops": ["nobody"], "sustained": ["no_time"]}


def test_consultant_reviews_and_client_sees_the_recommendation(browser, live_server, artifacts):
    load_content_file()
    carla = make_consultant("carla@example.com", "Carla Jones")
    olive = make_user("olive@example.com")
    audit = make_client_audit(carla, olive, "Olive's Bakery", answers=WEAK)
    make_client_audit(carla, make_user("gus@example.com"), "Gus's Garage", sector="trades")

    context = browser.new_context(viewport=VIEWPORTS["desktop"], accept_downloads=True)
    page = context.new_page()
    log_in(page, live_server.url, carla.email)
    expect(page).to_have_url(f"{live_server.url}/consultant/")  # her dashboard, not "My audits"
    expect(page.get_by_text("2 audits")).to_be_visible()
    # Each audit's plain-English headline; the market neither business serves shows no score.
    expect(
        page.get_by_text("Not yet: first name who will run it and set time aside for it every week")
    ).to_be_visible()
    expect(page.get_by_text("Yes: go ahead with consumers")).to_be_visible()
    expect(page.get_by_role("cell", name="Not assessed")).to_have_count(2)

    page.get_by_label("Sector").select_option("hospitality")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("1 audit", exact=True)).to_be_visible()
    expect(page.get_by_text("Gus's Garage")).to_have_count(0)

    page.get_by_role("link", name="Review Olive's Bakery").click()
    expect(page.get_by_role("heading", name="Olive's Bakery")).to_be_visible()
    page.get_by_role("button", name="Start review").click()
    expect(page.get_by_text("Review started.")).to_be_visible()
    page.get_by_role("textbox", name="Recommendation").fill("Film a bake on Fridays.")
    page.get_by_role("button", name="Add recommendation").click()
    expect(page.get_by_text("Recommendation saved")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/consultant/audits/\d+/#recommendations$"))
    page.get_by_role("link", name="Edit this recommendation").click()
    page.get_by_role("textbox", name="Recommendation").fill(RECOMMENDATION)
    page.get_by_role("button", name="Save the change").click()
    expect(page.get_by_text("Recommendation changed")).to_be_visible()
    page.get_by_text("Earlier wordings of recommendations (1)").click()
    expect(page.get_by_text("Film a bake on Fridays.")).to_be_visible()
    page.get_by_role("link", name="Mark as reviewed").click()
    expect(page.get_by_text("olive@example.com is emailed at once")).to_be_visible()
    page.get_by_role("button", name="Mark as reviewed and email the client").click()
    expect(page.get_by_text("Marked as reviewed")).to_be_visible()
    page.screenshot(path=artifacts / "consultant-review.png", full_page=True)
    context.close()

    client = browser.new_context(viewport=VIEWPORTS["phone"], accept_downloads=True)
    page = client.new_page()
    log_in(page, live_server.url, olive.email)
    page.goto(f"{live_server.url}/audits/{audit.pk}/results/")
    expect(page.get_by_role("heading", name="Your consultant's recommendations")).to_be_visible()
    expect(page.get_by_text(RECOMMENDATION)).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF summary").click()
    path = artifacts / "client-with-recommendation.pdf"
    download_info.value.save_as(path)
    assert RECOMMENDATION in pdf_text(path.read_bytes())

    # Olive stops sharing; Carla, still logged in elsewhere, loses the audit at once.
    page.goto(f"{live_server.url}/businesses/{audit.business.pk}/")
    expect(page.get_by_text("Carla Jones (carla@example.com)")).to_be_visible()
    page.get_by_role("link", name="Stop sharing with carla@example.com").click()
    page.get_by_role("button", name="Stop sharing").click()
    expect(page.get_by_text("Olive's Bakery is no longer shared with Carla Jones.")).to_be_visible()
    client.close()
    consultant = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = consultant.new_page()
    log_in(page, live_server.url, carla.email)
    results = page.goto(f"{live_server.url}/audits/{audit.pk}/results/")
    assert results is not None and results.status == 404
    page.goto(f"{live_server.url}/consultant/")
    expect(page.get_by_text("1 audit", exact=True)).to_be_visible()
    expect(page.get_by_text("Olive's Bakery")).to_have_count(0)
    consultant.close()
