"""An owner sees where the business stands against its peers and how it moved, on the
results page and in the PDF; a consultant follows a portfolio figure to its list."""

import re

import pytest
from playwright.sync_api import expect

from consulting.models import Share
from peers import counting
from questionnaire.content import load_content_file
from tests.browser.conftest import VIEWPORTS, log_in
from tests.factories import GOOD_ANSWERS, make_audit, make_business, make_consultant, make_user
from tests.peers.conftest import scored_business
from tests.reports.pdf_text import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WEAKER = {**GOOD_ANSWERS, "who_develops": ["nobody"], "sustained": ["no_time"]}


@pytest.fixture
def cafe_among_peers():
    edition = load_content_file()
    owner = make_user("cafe.owner@example.com")
    cafe = make_business(owner, "Harbour Café")
    first = make_audit(cafe, WEAKER, submit=True)
    latest = make_audit(cafe, GOOD_ANSWERS, submit=True)
    for score in (20, 30, 40, 45, 50, 55, 60, 62, 64, 66, 68):
        scored_business(edition, b2c=score, dimensions=score)
    counting.rebuild()
    return owner, first, latest


def test_the_owner_sees_the_comparison_on_the_page_and_in_the_pdf(
    browser, live_server, artifacts, cafe_among_peers
):
    owner, first, latest = cafe_among_peers
    context = browser.new_context(viewport=VIEWPORTS["phone"], accept_downloads=True)
    page = context.new_page()
    log_in(page, live_server.url, owner.email)
    page.goto(f"{live_server.url}/audits/{latest.pk}/results/")

    moved = f"Readiness for consumers: {first.b2c_readiness} → {latest.b2c_readiness} since"
    expect(page.locator(".movement")).to_contain_text(moved)
    compared = page.get_by_role("region", name="How you compare")
    expect(compared).to_contain_text("the 12 cafés, restaurants and venues of 2 to 9 people")
    expect(compared).to_contain_text(
        "Readiness for consumers: better than most cafés, restaurants and venues of your size"
    )
    expect(page.locator("svg.dimension-chart rect.peers")).to_have_count(5)
    page.screenshot(path=artifacts / "results-comparison-phone.png", full_page=True)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF summary").click()
    path = artifacts / "comparison.pdf"
    download_info.value.save_as(path)
    text = pdf_text(path.read_bytes())
    assert moved in text
    assert "How you compare" in text
    assert (
        "Readiness for consumers: better than most cafés, restaurants and venues of your size"
        in text
    )
    context.close()


def test_a_consultant_follows_a_portfolio_figure_to_its_list(
    browser, live_server, artifacts, cafe_among_peers
):
    owner, first, latest = cafe_among_peers
    consultant = make_consultant("dana@consult.example", "Dana Reyes")
    Share.objects.create(business=latest.business, consultant=consultant)
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    log_in(page, live_server.url, consultant.email)
    page.goto(f"{live_server.url}/consultant/")
    page.get_by_role("link", name="Portfolio").click()
    expect(page.get_by_role("heading", name="Portfolio", level=1)).to_be_visible()
    improved = page.get_by_role("region", name="Improved most since their last audit")
    expect(improved).to_contain_text(f"{first.b2c_readiness} → {latest.b2c_readiness}")
    page.screenshot(path=artifacts / "portfolio-desktop.png", full_page=True)

    stand = page.get_by_role("region", name="Where your clients stand")
    stand.get_by_role("link", name=re.compile(r"^1 Advanced")).first.click()
    expect(page.get_by_role("status")).to_have_text("1 audit")
    expect(page.get_by_role("cell", name=re.compile("^Harbour Café"))).to_be_visible()
    expect(page.get_by_label("Each client's latest audit only")).to_be_checked()
    context.close()
