"""The results page and the PDF say how the audit moved since the business's previous one,
and where it stands against its peers."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from peers import counting
from questionnaire.models import Audit
from reports import pdf
from tests.factories import GOOD_ANSWERS, make_audit
from tests.peers.conftest import scored_business
from tests.reports.pdf_text import pdf_text

pytestmark = pytest.mark.django_db
WEAKER = {**GOOD_ANSWERS, "who_develops": ["nobody"], "sustained": ["no_time"]}


def submitted_on(audit: Audit, year: int, month: int, day: int) -> Audit:
    when = datetime(year, month, day, 12, tzinfo=UTC)
    Audit.objects.filter(pk=audit.pk).update(submitted_at=when)
    audit.refresh_from_db()
    return audit


def results(client, audit) -> str:
    return client.get(reverse("reports:audit_results", args=[audit.pk])).content.decode()


def test_the_second_audit_says_how_readiness_moved_since_the_first(owner_client, business):
    first = submitted_on(make_audit(business, WEAKER, submit=True), 2026, 3, 10)
    second = submitted_on(make_audit(business, GOOD_ANSWERS, submit=True), 2026, 11, 20)
    assert second.previous == first
    assert first.b2c_readiness < second.b2c_readiness
    line = f"Readiness for consumers: {first.b2c_readiness} → {second.b2c_readiness} since March"
    assert line + "<" in results(owner_client, second)  # the month alone: the same year
    assert line in pdf_text(pdf.render_pdf(second))
    assert "since" not in results(owner_client, first).split("How you compare")[0]


def test_a_previous_audit_of_another_year_names_the_year(owner_client, business):
    first = submitted_on(make_audit(business, WEAKER, submit=True), 2025, 12, 1)
    second = submitted_on(make_audit(business, GOOD_ANSWERS, submit=True), 2026, 11, 20)
    assert f"→ {second.b2c_readiness} since December 2025<" in results(owner_client, second)
    assert first.pk == second.previous_id


def test_a_market_assessed_only_once_has_no_movement_line(owner_client, business):
    make_audit(business, WEAKER, submit=True)
    business.sells_to = "both"
    business.save()
    second = make_audit(business, GOOD_ANSWERS, submit=True)
    page = results(owner_client, second)
    assert "Readiness for consumers: " in page
    assert "Readiness for business buyers: " not in page.split("How you compare")[0]


def test_the_page_and_the_pdf_place_the_audit_among_its_peers(owner_client, business):
    mine = make_audit(business, GOOD_ANSWERS, submit=True)
    for score in (20, 30, 40, 45, 50, 55, 60, 62, 64, 66):
        scored_business(mine.edition, b2c=score, dimensions=score)
    counting.rebuild()
    page = results(owner_client, mine)
    expected = "better than most cafés, restaurants and venues of your size"
    assert f"Readiness for consumers</strong>: {expected}" in page
    assert "the 11 cafés, restaurants and venues of 2 to 9 people" in page
    assert "Middle half of your peers, and their median" in page  # the chart
    text = pdf_text(pdf.render_pdf(mine))
    assert f"Readiness for consumers: {expected}" in text
    assert "How you compare" in text and "of 2 to 9 people" in text


def test_without_enough_peers_the_page_says_why_there_is_no_comparison(owner_client, business):
    mine = make_audit(business, GOOD_ANSWERS, submit=True)
    page = results(owner_client, mine)
    assert "Not enough businesses like yours have completed this edition" in page
    assert "at least 10 other businesses" in page
    assert "Middle half" not in page


def test_the_year_is_left_out_whenever_both_audits_share_it(owner_client, business):
    first = submitted_on(make_audit(business, WEAKER, submit=True), 2025, 3, 10)
    second = submitted_on(make_audit(business, GOOD_ANSWERS, submit=True), 2025, 11, 20)
    line = f"{first.b2c_readiness} → {second.b2c_readiness} since March<"
    assert line in results(owner_client, second)


def test_a_previous_audit_on_an_earlier_questionnaire_says_so(owner_client, business):
    from questionnaire.content import copy_as_draft, publish

    first = make_audit(business, WEAKER, submit=True)
    publish(copy_as_draft(first.edition))
    second = make_audit(business, GOOD_ANSWERS, submit=True)
    assert second.edition != first.edition and second.previous == first
    page = results(owner_client, second)
    assert f"→ {second.b2c_readiness} since " in page
    assert "(an earlier questionnaire)</li>" in page


@pytest.mark.parametrize("same_moment", [False, True])
def test_the_movement_is_from_the_audit_submitted_last(business, same_moment):
    older = make_audit(business, WEAKER, submit=True)
    newer = make_audit(business, WEAKER, submit=True)
    submitted_on(older, 2026, 2, 5)  # made first, submitted last (an import, say) …
    submitted_on(newer, 2026, 2 if same_moment else 1, 5)  # … or at the same moment
    expected = newer if same_moment else older  # a tie goes to the later made
    assert make_audit(business, GOOD_ANSWERS, submit=True).previous == expected
