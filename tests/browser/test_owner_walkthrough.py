"""A new owner describes the business, answers all nine questions, reviews and submits: on a
phone-sized window with JavaScript, starting without an account and creating one before
submitting; on a desktop window without JavaScript, signing up first. And downloads the PDF
from the results page."""

import pytest
from playwright.sync_api import expect

from questionnaire.content import load_content_file
from questionnaire.models import Audit
from tests.browser.conftest import VIEWPORTS, log_in
from tests.factories import GOOD_ANSWERS, make_audit, make_business, make_user
from tests.reports.pdf_text import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHOICES = [
    "I have a general picture, but it is not written down anywhere",
    "Something distinctive they cannot easily get elsewhere, and they tell us so",
    "Know-how, answers and behind-the-scenes posts they find useful in themselves",
    [
        "Getting known and building trust with people who don't know us yet",
        "Listening: learning what customers need and what they say about us",
    ],
    ["Instagram", "Facebook (a page or groups)"],
    "A named person (or people) in the business or family",
    "A regular slot every week (even a short one), and a simple plan of what to post",
    [
        "Reply to comments and messages, within a day or two",
        "Invite customers and contacts to follow us",
    ],
    "Measurable goals tied to the business (enquiries, bookings, sales), reviewed every month",
]


@pytest.mark.parametrize("viewport,javascript", [("phone", True), ("desktop", False)])
def test_owner_completes_an_audit(browser, live_server, artifacts, viewport, javascript):
    load_content_file()
    context = browser.new_context(viewport=VIEWPORTS[viewport], java_script_enabled=javascript)
    page = context.new_page()
    email = f"{viewport}.owner@example.com"

    page.goto(live_server.url)
    guest = javascript  # on the phone, start without an account; on the desktop, sign up first
    if guest:
        page.get_by_role("link", name="Start your audit").click()
    else:
        page.get_by_role("link", name="Sign up").click()
        create_account(page, email)
    # straight on to describing the business: no detour through an empty list
    expect(page.get_by_role("heading", name="About your business")).to_be_visible()

    # The profile: first try without a name, and see the message and the kept input.
    page.get_by_label("Sector").select_option("hospitality")
    page.get_by_label("Number of people").select_option("micro")
    page.get_by_label("Consumers (the public)").check()
    page.get_by_label("Instagram").check()
    page.get_by_role("button", name="Save and start the questions").click()
    expect(page.get_by_role("alert")).to_contain_text("Tell us the name of the business.")
    expect(page.get_by_label("Sector")).to_have_value("hospitality")
    page.get_by_label("Business name").fill("Harbour Bakery")
    page.get_by_role("button", name="Save and start the questions").click()

    for number, choice in enumerate(CHOICES, start=1):
        expect(page.get_by_text(f"Question {number} of 9").first).to_be_visible()
        if number == 6:
            answer_with_the_keyboard(page)
            continue
        for label in choice if isinstance(choice, list) else [choice]:
            page.get_by_label(label, exact=True).check()
        if number == 1:
            page.get_by_label("Describe your main customer groups in your own words.").fill(
                "Families on weekends, commuters before 9."
            )
        if number == 3:
            page.screenshot(path=artifacts / f"question-step-{viewport}.png", full_page=True)
        page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", name="Review your answers")).to_be_visible()
    expect(page.get_by_text("Families on weekends, commuters before 9.")).to_be_visible()
    expect(page.get_by_text("Not answered yet")).to_have_count(0)
    if guest:  # the account comes now, and takes the answers with it
        assert not Audit.objects.exists()
        page.get_by_role("link", name="Create account").click()
        create_account(page, email)
        expect(page.get_by_text("Your answers are saved to your account.")).to_be_visible()
        expect(page.get_by_text("9 of 9 answered")).to_be_visible()
    page.get_by_role("button", name="Submit the audit").click()

    expect(page.get_by_text("Audit submitted")).to_be_visible()
    expect(page.get_by_role("heading", name="Yes: go ahead with consumers")).to_be_visible()
    expect(
        page.get_by_text("Not assessed: you told us you sell to consumers only.")
    ).to_be_visible()
    expect(page.get_by_role("img", name="Dimension scores")).to_be_visible()
    audit = Audit.objects.get(business__owner__email=email)
    assert audit.status == Audit.Status.SUBMITTED
    assert audit.answers.get(question__number=5).choices == ["facebook", "instagram"]
    context.close()


def create_account(page, email):
    page.get_by_label("Email").fill(email)
    page.get_by_placeholder("Password", exact=True).fill("a-long-pass-phrase-77")
    page.get_by_label("Password (again)").fill("a-long-pass-phrase-77")
    page.get_by_role("button", name="Create account").click()


def answer_with_the_keyboard(page):
    """Question 6 without the mouse: the first option, the note, then Tab to the button."""
    first_option = page.get_by_label(CHOICES[5], exact=True)
    first_option.focus()
    page.keyboard.press("Space")
    expect(first_option).to_be_checked()
    page.keyboard.press("Tab")  # leaves the radio group for the note
    expect(page.get_by_label("Who is it, and what else do they do?")).to_be_focused()
    page.keyboard.type("Sam, our baker, four hours a week.")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Save and continue")).to_be_focused()
    page.keyboard.press("Enter")


def test_owner_downloads_the_pdf_from_the_results_page(browser, live_server, artifacts):
    load_content_file()
    owner = make_user("pdf.owner@example.com")
    audit = make_audit(make_business(owner, "Harbour Bakery"), GOOD_ANSWERS, submit=True)
    context = browser.new_context(viewport=VIEWPORTS["desktop"], accept_downloads=True)
    page = context.new_page()
    log_in(page, live_server.url, owner.email)
    page.goto(f"{live_server.url}/audits/{audit.pk}/results/")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF summary").click()
    download = download_info.value
    assert download.suggested_filename.startswith("harbour-bakery-social-media-audit-")
    path = artifacts / download.suggested_filename
    download.save_as(path)
    text = pdf_text(path.read_bytes())
    assert "Harbour Bakery" in text and "Yes: go ahead with consumers" in text
    assert "Not assessed: you told us you sell to consumers only." in text
    context.close()
