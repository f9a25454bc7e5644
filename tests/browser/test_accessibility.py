"""axe-core (WCAG 2.1 A and AA) on every page an anonymous visitor, an owner and a consultant
can reach, at phone and desktop sizes, in the states people meet them (an error shown, an
empty list); and focus that can be seen on every control of a question step."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from consulting.models import AuditNote, Invitation, Practice, Recommendation, Share
from peers import counting
from questionnaire.content import load_content_file
from reports.models import ReportBundle
from tests.browser.conftest import VIEWPORTS, log_in
from tests.factories import (
    GOOD_ANSWERS,
    make_audit,
    make_business,
    make_client_audit,
    make_consultant,
    make_practice,
    make_user,
)
from tests.peers.conftest import scored_business

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def pages_of_an_owner_and_a_consultant():
    """The objects behind the pages, and the paths to visit as each kind of visitor."""
    carla = make_consultant("carla@example.com", "Carla Jones")
    olive = make_user("olive@example.com")
    reviewed = make_client_audit(carla, olive, "Olive's Bakery")
    advice = Recommendation.objects.create(audit=reviewed, author=carla, text="Post weekly")
    note = AuditNote.objects.create(audit=reviewed, author=carla, text="Keen owner")
    Invitation.issue(carla, "waiting@example.com")  # the list's follow-up buttons
    for score in range(20, 90, 6):  # peers enough for the comparison and the portfolio
        scored_business(reviewed.edition, b2c=score, dimensions=score)
    counting.rebuild()
    draft = make_audit(make_business(olive, "Olive's Second Shop"), answers={}, submit=False)
    half = {key: GOOD_ANSWERS[key] for key in list(GOOD_ANSWERS)[:3]}
    started = make_audit(make_business(olive, "Olive's Kiosk"), answers=half, submit=False)
    lena = make_consultant("lena@example.com", "Lena Fox")
    harbour = make_practice(lena, "Harbour Marketing")
    Practice.objects.filter(pk=harbour.pk).update(accent_colour="#7a1f3d", footer_text="Bristol")
    branded = make_audit(make_business(olive, "Olive's Cafe"), GOOD_ANSWERS, submit=True)
    Share.make(branded.business, lena, harbour)
    bundle = ReportBundle.objects.create(requested_by=lena, audit_ids=[branded.pk])
    anonymous = [
        "/",
        "/start/harbour-marketing/",
        "/start/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/privacy/",
        "/scoring/",
        "/no-such-page/",
    ]
    owner = [
        "/audits/",
        "/audits/new/",
        f"/audits/{draft.pk}/profile/",
        f"/audits/{draft.pk}/questions/1/",
        f"/audits/{started.pk}/questions/4/",
        f"/audits/{started.pk}/review/",
        f"/audits/{reviewed.pk}/results/",
        f"/businesses/{reviewed.business_id}/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/consultant/join/",
        "/privacy/",  # with the download and delete links
        f"/businesses/{draft.business_id}/delete/",
        "/your-data/delete-account/",
        f"/audits/{branded.pk}/results/",  # in the practice's brand
        "/start/harbour-marketing/share/",
    ]
    consultant = [
        "/consultant/",
        "/consultant/?q=no+such+client",
        "/consultant/?latest=on&b2c_from=70&b2c_to=40",  # an error in the more filters
        "/consultant/portfolio/",
        "/consultant/invitations/",
        f"/consultant/audits/{reviewed.pk}/",
        f"/consultant/audits/{reviewed.pk}/recommendations/{advice.pk}/edit/",
        f"/consultant/audits/{reviewed.pk}/notes/{note.pk}/edit/",
        f"/consultant/audits/{reviewed.pk}/reviewed/",
        "/consultant/practice/",  # with none yet: set one up
    ]
    lead = [
        "/consultant/practice/",
        "/consultant/practice/log/",
        f"/consultant/reports/{bundle.pk}/",
    ]
    return {
        "anonymous": (None, anonymous),
        "owner": (olive, owner),
        "consultant": (carla, consultant),
        "lead": (lena, lead),
    }


def violations_on(page, axe: Axe, where: str) -> list[str]:
    results = axe.run(page, options=WCAG_21_AA)
    return [
        f"{where}: {violation['id']} ({len(violation['nodes'])} nodes): "
        f"{violation['nodes'][0]['target']} {violation['nodes'][0]['failureSummary']}"
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_no_axe_violations_on_any_page(browser, live_server, viewport):
    load_content_file()
    axe = Axe()
    found = []
    for role, (user, paths) in pages_of_an_owner_and_a_consultant().items():
        context = browser.new_context(viewport=VIEWPORTS[viewport])
        page = context.new_page()
        if user is not None:
            log_in(page, live_server.url, user.email)
        for path in paths:
            page.goto(live_server.url + path)
            found += violations_on(page, axe, f"{role} {path}")
        if role == "anonymous":  # a guest's draft: the profile saved, a step, the review
            page.goto(live_server.url + "/start/")
            page.get_by_label("Business name").fill("Olive's Kiosk")
            page.get_by_label("Sector").select_option("retail")
            page.get_by_label("Number of people").select_option("micro")
            page.get_by_label("Consumers (the public)").check()
            page.get_by_role("button", name="Save and start the questions").click()
            found += violations_on(page, axe, f"{role} /start/questions/1/")
            page.goto(live_server.url + "/start/review/")
            found += violations_on(page, axe, f"{role} /start/review/")
        if role == "owner":  # a step submitted with no choice: the error state
            page.goto(live_server.url + paths[3])
            page.get_by_role("button", name="Save and continue").click()
            found += violations_on(page, axe, f"{role} {paths[3]} with an error")
        context.close()
    assert not found, "\n".join(found)


def test_focus_is_visible_on_every_control_of_a_step(browser, live_server):
    load_content_file()
    owner = make_user("olive@example.com")
    draft = make_audit(make_business(owner), answers={}, submit=False)
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    log_in(page, live_server.url, owner.email)
    page.goto(f"{live_server.url}/audits/{draft.pk}/questions/5/")
    unseen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const el = document.activeElement;
                const style = getComputedStyle(el);
                const card = el.closest('.option');
                const cardStyle = card ? getComputedStyle(card) : null;
                return {
                    name: el.tagName + ' ' + (el.id || el.name || el.textContent.trim()),
                    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                    card: !!cardStyle && cardStyle.outlineStyle !== 'none',
                    body: el === document.body,
                };
            }"""
        )
        if focused["body"]:
            break
        if not (focused["outline"] or focused["card"]):
            unseen.append(focused["name"])
    assert not unseen, f"focus not visible on: {unseen}"
