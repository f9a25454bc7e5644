"""A guest answering in one tab logs in in another, then saves the step in the first: the
answer is not lost to an expired form, nor shown a bare error page."""

import re

from playwright.sync_api import expect

from common.csrf import EXPIRED_MESSAGE
from questionnaire.content import load_content_file
from questionnaire.models import Answer
from tests.browser.conftest import log_in
from tests.factories import make_user

GENERAL = "I have a general picture, but it is not written down anywhere"
BELIEVED = "Something distinctive, we believe, though we have never asked them"


def test_a_step_saved_after_logging_in_in_another_tab_is_kept(browser, live_server):
    load_content_file()
    make_user("bea@example.com")
    context = browser.new_context()
    first = context.new_page()
    first.goto(f"{live_server.url}/start/")
    first.get_by_label("Business name").fill("Harbour Bakery")
    first.get_by_label("Sector").select_option("hospitality")
    first.get_by_label("Number of people").select_option("micro")
    first.get_by_label("Consumers (the public)").check()
    first.get_by_role("button", name="Save and start the questions").click()
    first.get_by_label(GENERAL, exact=True).check()
    first.get_by_role("button", name="Save and continue").click()
    first.get_by_label(BELIEVED, exact=True).check()
    first.get_by_label("What do customers praise or thank you for?").fill(
        "Sourdough nobody else bakes"
    )

    second = context.new_page()
    log_in(second, live_server.url, "bea@example.com")
    second.close()

    first.get_by_role("button", name="Save and continue").click()
    expect(first.get_by_text(EXPIRED_MESSAGE)).to_be_visible()
    expect(first).to_have_url(re.compile(r"/audits/\d+/questions/2/$"))
    expect(first.get_by_label(BELIEVED, exact=True)).to_be_checked()
    expect(first.get_by_label("What do customers praise or thank you for?")).to_have_value(
        "Sourdough nobody else bakes"
    )
    first.get_by_role("button", name="Save and continue").click()
    expect(first.get_by_text("Question 3 of 9").first).to_be_visible()
    saved = Answer.objects.get(audit__business__owner__email="bea@example.com", question__number=2)
    assert saved.choices == ["believed"] and saved.note == "Sourdough nobody else bakes"
    context.close()
