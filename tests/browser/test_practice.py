"""A practice's journeys in a real browser: the lead sets a brand and sees it on the
client's invitation, results and PDF; a visitor from the start link shares with the
practice and appears on its dashboard; the lead downloads a ZIP of chosen clients' PDFs;
a reminder is sent once and its one-click link stops the next."""

import io
import re
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from consulting.models import Share
from questionnaire import reminders
from questionnaire.content import load_content_file
from questionnaire.models import Audit
from tests.browser.conftest import VIEWPORTS, log_in
from tests.browser.test_owner_walkthrough import create_account
from tests.factories import (
    GOOD_ANSWERS,
    make_audit,
    make_business,
    make_consultant,
    make_practice,
    make_user,
)
from tests.jobs import run_background_jobs
from tests.reports.pdf_text import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_page(browser):
    """A page in a new browser context, closed after the test (so nothing still loads)."""
    contexts = []

    def open_(viewport: str, **options):
        context = browser.new_context(viewport=VIEWPORTS[viewport], **options)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


def logo_file(tmp_path):
    path = tmp_path / "harbour-logo.png"
    Image.new("RGB", (900, 300), (122, 31, 61)).save(path)
    return path


def test_the_lead_sets_a_brand_and_the_client_sees_it_everywhere(
    open_page, live_server, artifacts, tmp_path
):
    load_content_file()
    lena = make_consultant("lena@example.com", "Lena Fox")
    make_practice(lena, "Harbour Marketing")
    page = open_page("desktop")
    log_in(page, live_server.url, lena.email)
    page.get_by_role("link", name="Harbour Marketing").click()
    page.get_by_label("Accent colour").fill("#ffd34d")  # too light for white text
    page.get_by_role("button", name="Save the brand").click()
    expect(page.get_by_text("below the 4.5 to 1").first).to_be_visible()
    page.get_by_label("Accent colour").fill("#7a1f3d")
    page.get_by_label("Logo (PNG or JPEG, up to 1 MB)").set_input_files(logo_file(tmp_path))
    page.get_by_label("Footer text").fill("Harbour Marketing Ltd, 4 Quay Street, Bristol")
    page.get_by_label("Emails come from (name)").fill("Lena at Harbour")
    page.get_by_label("Replies go to (email address)").fill("lena@harbour.example")
    page.get_by_role("button", name="Save the brand").click()
    expect(page.get_by_text("The brand is saved")).to_be_visible()
    expect(page.get_by_alt_text("Harbour Marketing logo, as it is now")).to_be_visible()
    page.screenshot(path=artifacts / "practice-brand.png", full_page=True)

    page.goto(f"{live_server.url}/consultant/invitations/")
    page.get_by_label("Client's email address").fill("olive@example.com")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("Invitation sent to olive@example.com")).to_be_visible()
    [email] = mail.outbox
    assert email.from_email == "Lena at Harbour <audit@localhost>"
    assert email.reply_to == ["lena@harbour.example"]
    assert "Harbour Marketing Ltd, 4 Quay Street" in email.alternatives[0][0]
    link = re.search(r"https?://[^/\s]+(/invitations/\S+/)", email.body).group(1)

    olive = make_user("olive@example.com")
    make_business(olive, "Olive's Bakery")
    client = open_page("phone", accept_downloads=True)
    log_in(client, live_server.url, olive.email)
    client.goto(live_server.url + link)
    expect(client.get_by_alt_text("Harbour Marketing")).to_be_visible()  # the logo
    client.get_by_role("button", name="Share Olive's Bakery").click()
    audit = make_audit(Share.objects.get().business, GOOD_ANSWERS, submit=True)
    client.goto(f"{live_server.url}/audits/{audit.pk}/results/")
    expect(client.get_by_alt_text("Harbour Marketing")).to_be_visible()
    with client.expect_download() as download:
        client.get_by_role("link", name="Download the PDF summary").click()
    text = pdf_text(download.value.path().read_bytes())
    assert "Harbour Marketing" in text and "4 Quay Street, Bristol" in text


def test_a_visitor_from_the_start_link_shares_with_the_practice(open_page, live_server):
    load_content_file()
    lena = make_consultant("lena@example.com", "Lena Fox")
    make_practice(lena, "Harbour Marketing")
    page = open_page("phone")
    page.goto(f"{live_server.url}/start/harbour-marketing/")
    expect(
        page.get_by_role("heading", name="A social-media audit, with Harbour Marketing")
    ).to_be_visible()
    page.get_by_role("link", name="Start the audit").click()
    page.get_by_label("Business name").fill("Harbour Bakery")
    page.get_by_label("Sector").select_option("hospitality")
    page.get_by_label("Number of people").select_option("micro")
    page.get_by_label("Consumers (the public)").check()
    page.get_by_role("button", name="Save and start the questions").click()
    expect(page).to_have_url(re.compile(r"/start/questions/1/$"))
    page.goto(f"{live_server.url}/start/review/")
    page.get_by_role("link", name="Create account").click()
    create_account(page, "new@example.com")
    expect(
        page.get_by_role("heading", name="Share your business with Harbour Marketing?")
    ).to_be_visible()
    expect(page.get_by_label("Harbour Bakery")).to_be_checked()
    page.get_by_role("button", name="Share with Harbour Marketing").click()
    expect(page.get_by_text("Harbour Bakery is now shared with Harbour Marketing")).to_be_visible()

    lead = open_page("desktop")
    log_in(lead, live_server.url, lena.email)
    expect(lead.get_by_text("Harbour Bakery")).to_be_visible()  # on her dashboard


def test_the_lead_downloads_one_zip_of_the_chosen_clients(open_page, live_server):
    load_content_file()
    lena = make_consultant("lena@example.com", "Lena Fox")
    harbour = make_practice(lena, "Harbour Marketing")
    for name in ("Olive's Bakery", "Pam's Pottery", "Quinn's Cafe"):
        owner = make_user(f"{name[:3].lower()}@example.com")
        audit = make_audit(make_business(owner, name), GOOD_ANSWERS, submit=True)
        Share.make(audit.business, lena, harbour)
    otto = make_consultant("otto@example.com")
    other = make_audit(
        make_business(make_user("oscar@example.com"), "Oscar's Garage"), GOOD_ANSWERS, submit=True
    )
    Share.make(other.business, otto, None)

    page = open_page("desktop", accept_downloads=True)
    log_in(page, live_server.url, lena.email)
    page.get_by_label(re.compile("PDF of Olive's Bakery")).check()
    page.get_by_label(re.compile("PDF of Quinn's Cafe")).check()
    page.get_by_role("button", name="Download the ticked PDFs as one ZIP").click()
    expect(page.get_by_text("0 of 2 PDFs so far")).to_be_visible()
    run_background_jobs()  # the worker
    download_link = page.get_by_role("link", name="Download the ZIP")
    expect(download_link).to_be_visible(timeout=10_000)  # the page updates itself
    with page.expect_download() as download:
        download_link.click()
    archive = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
    texts = " ".join(pdf_text(archive.read(name)) for name in archive.namelist())
    assert len(archive.namelist()) == 2
    assert "Olive's Bakery" in texts and "Quinn's Cafe" in texts
    assert "Pam's Pottery" not in texts and "Oscar" not in texts


def test_a_reminder_comes_once_and_its_link_stops_the_next(open_page, live_server):
    load_content_file()
    olive = make_user("olive@example.com")
    draft = make_audit(make_business(olive, "Olive's Bakery"), {"customers": ["clear"]})
    Audit.objects.filter(pk=draft.pk).update(updated_at=timezone.now() - timedelta(days=4))
    assert reminders.send_due() == 1
    assert reminders.send_due() == 0  # once, however often the worker looks
    [email] = mail.outbox
    stop = re.search(r"https?://[^/\s]+(/reminders/stop/\S+/)", email.body).group(1)
    page = open_page("phone")
    page.goto(live_server.url + stop)
    page.get_by_role("button", name="Stop all reminders").click()
    expect(page.get_by_role("heading", name="Done: no more reminders")).to_be_visible()
    later = timezone.now() + timedelta(days=8)
    assert reminders.send_due(later) == 0 and len(mail.outbox) == 1
