"""A question step as the best form builders have it: the whole option card is the tap
target, leaving with unsaved input asks first (with JavaScript) and "Save and finish later"
keeps it (without); the review page says what is missing and why Submit is unavailable."""

import pytest
from playwright.sync_api import expect

from questionnaire.content import load_content_file
from tests.browser.conftest import VIEWPORTS, log_in
from tests.factories import GOOD_ANSWERS, make_audit, make_business, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIX = "A named person (or people) in the business or family"


@pytest.fixture
def owner_page(browser, live_server):
    load_content_file()
    owner = make_user("olive@example.com")
    first_two = dict(list(GOOD_ANSWERS.items())[:2])
    audit = make_audit(make_business(owner, "Olive's Bakery"), answers=first_two)

    def open_page(viewport="phone", javascript=True):
        context = browser.new_context(viewport=VIEWPORTS[viewport], java_script_enabled=javascript)
        page = context.new_page()
        log_in(page, live_server.url, owner.email)
        page.goto(f"{live_server.url}/audits/{audit.pk}/questions/6/")
        return page

    open_page.audit = audit
    return open_page


def test_a_tap_anywhere_on_the_card_chooses_the_option(owner_page):
    page = owner_page("phone")
    expect(page.get_by_text("2 of 9 answered")).to_be_visible()
    card = page.locator("label.option", has_text=SIX)
    box = card.bounding_box()
    assert box["height"] >= 44
    page.mouse.click(box["x"] + box["width"] - 6, box["y"] + box["height"] / 2)  # far right
    expect(page.get_by_label(SIX, exact=True)).to_be_checked()
    for button in ("Save and continue", "Back", "Save and finish later"):
        assert page.get_by_role("button", name=button).bounding_box()["height"] >= 44


def test_leaving_with_unsaved_input_asks_first(owner_page):
    page = owner_page("phone")
    page.get_by_label(SIX, exact=True).check()
    page.get_by_label("Who is it, and what else do they do?").fill("Sam, four hours a week")
    asked = []

    def stay(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.get_by_role("link", name="My audits").click(no_wait_after=True)
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    expect(page.get_by_label("Who is it, and what else do they do?")).to_have_value(
        "Sam, four hours a week"
    )
    # saving is not leaving: no question asked
    page.remove_listener("dialog", stay)
    page.on("dialog", lambda dialog: asked.append(dialog.type) or dialog.dismiss())
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Question 7 of 9")).to_be_visible()
    assert asked == ["beforeunload"]


def test_save_and_finish_later_keeps_the_input_without_javascript(owner_page):
    page = owner_page("desktop", javascript=False)
    page.get_by_label(SIX, exact=True).check()
    page.get_by_label("Who is it, and what else do they do?").fill("Sam, four hours a week")
    page.get_by_role("button", name="Save and finish later").click()
    expect(page.get_by_role("heading", name="My audits")).to_be_visible()
    expect(page.get_by_text("Saved. Your audit of Olive's Bakery is kept")).to_be_visible()
    page.get_by_role("link", name="Continue").click()
    # the audit resumes at its first unanswered question; question 6 kept what was typed
    page.goto(page.url.split("/questions/")[0] + "/questions/6/")
    expect(page.get_by_label(SIX, exact=True)).to_be_checked()
    expect(page.get_by_label("Who is it, and what else do they do?")).to_have_value(
        "Sam, four hours a week"
    )
    expect(page.get_by_text("3 of 9 answered")).to_be_visible()


def test_the_review_page_says_what_is_missing(owner_page, live_server):
    page = owner_page("phone")
    page.goto(f"{live_server.url}/audits/{owner_page.audit.pk}/review/")
    expect(page.get_by_text("2 of 9 answered")).to_be_visible()
    expect(page.get_by_role("link", name="Answer question 3")).to_be_visible()
    expect(page.get_by_role("link", name="Change answer 1")).to_be_visible()
    submit = page.get_by_role("button", name="Submit the audit")
    expect(submit).to_be_disabled()
    expect(submit).to_have_accessible_description(
        "Answer questions 3, 4, 5, 6, 7, 8, 9 before submitting: the verdict needs every "
        "answer (“I don't know” counts as one)."
    )


def test_lists_become_cards_on_a_phone_with_their_actions_in_view(browser, live_server):
    from tests.browser.conftest import log_in
    from tests.factories import make_client_audit, make_consultant

    load_content_file()
    carla = make_consultant("carla@example.com", "Carla Jones")
    owner = make_user("olive@example.com")
    audit = make_client_audit(carla, owner, "Olive's Bakery")
    for who, path, action in (
        (carla, "/consultant/", f"Review {audit.business.name}"),
        (owner, f"/businesses/{audit.business_id}/", "Results"),
    ):
        context = browser.new_context(viewport=VIEWPORTS["phone"])
        page = context.new_page()
        log_in(page, live_server.url, who.email)
        page.goto(live_server.url + path)
        button = page.get_by_role("link", name=action).first
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS["phone"]["width"], path
        # no sideways scrolling to reach it: the page is no wider than the phone
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
        label = page.evaluate(  # each cell says what it is, as its column heading did
            """getComputedStyle(document.querySelector('td[data-label="B2C readiness"]'),
                               '::before').content"""
        )
        assert label == '"B2C readiness: "', label
        context.close()
