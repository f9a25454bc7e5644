"""The results page: verdict, readiness with bands, chart with a text equivalent, reasons,
actions; reachable from My audits; nobody else's."""

import re

import pytest
from django.urls import reverse

from questionnaire import flow
from questionnaire.content import CONTENT_FILE, load_content_file
from questionnaire.models import Audit
from tests.factories import GOOD_ANSWERS, make_audit, make_business

pytestmark = pytest.mark.django_db

UNRESOURCED = {**GOOD_ANSWERS, "who_develops": ["nobody"], "sustained": ["no_time"]}


def results_url(audit):
    return reverse("reports:audit_results", args=[audit.pk])


def test_submitting_stores_the_verdict_for_lists(business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    audit = Audit.objects.get(pk=audit.pk)
    assert audit.headline == "Yes: go ahead with consumers"
    assert audit.b2c_band == "advanced" and audit.b2c_readiness >= 80
    # The café sells to consumers only: business buyers are not assessed, not scored.
    assert audit.b2b_readiness is None and audit.b2b_band == ""
    assert set(audit.dimension_scores) == {
        "customers",
        "value",
        "network_fit",
        "sustainability",
        "success",
    }


def test_after_submit_the_owner_lands_on_the_results(owner_client, business):
    audit = make_audit(business, GOOD_ANSWERS)
    response = owner_client.post(
        reverse("questionnaire:audit_submit", args=[audit.pk]), follow=True
    )
    assert response.redirect_chain[-1][0] == results_url(audit)
    page = response.content.decode()
    assert "Audit submitted" in page
    assert "Yes: go ahead with consumers" in page
    assert "B2C-led" not in page
    assert "Selling to consumers (B2C)" in page and "Advanced" in page
    assert "Not assessed: you told us you sell to consumers only." in page


def test_a_market_the_business_does_not_serve_shows_no_score(owner_client, owner, questionnaire):
    firm = make_business(owner, "Gearworks", sells_to="businesses", sector="manufacturing")
    audit = make_audit(firm, {**GOOD_ANSWERS, "networks": ["linkedin"]}, submit=True)
    page = owner_client.get(results_url(audit)).content.decode()
    assert "Not assessed: you told us you sell to other businesses only." in page
    consumer_card = page.split("Selling to consumers (B2C)")[1].split("</div>")[0]
    assert "/100" not in consumer_card and "band-" not in consumer_card


def test_results_show_chart_with_text_equivalent_reasons_and_steps(owner_client, business):
    audit = make_audit(business, UNRESOURCED, submit=True)
    page = owner_client.get(results_url(audit)).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="dimension-chart"' in page
    assert 'role="img"' in page and "Sustainability 28 out of 100" in page
    assert '<th scope="row">Sustainability</th><td>28/100 (weak)</td>' in page
    # the ceiling, once, with each problem behind it and its question
    assert (
        "Held at 39, in Not yet, because nobody in the business is named to run it "
        "(question 6); no regular time is set aside for it (question 7)." in page
    )
    assert "Not in place yet: someone with time to run it." in page
    assert "You said “Nobody in particular yet”: this earns 0 of 100." in page
    assert "First 30 days" in page and "Name an owner before you start" in page
    # One fix, one step: naming someone and finding the time come as a single step.
    assert page.count("Name an owner before you start") == 1
    assert "Questions 6 and 7 · +59 readiness points for consumers" in page
    assert '<span class="action-number">1.</span>' in page
    assert "Run the audit again in 3 months" in page and "6 months" not in page


def test_action_numbers_run_on_across_the_time_frames(owner_client, business):
    unsure = {key: ["dont_know"] for key in GOOD_ANSWERS}
    audit = make_audit(business, unsure, submit=True)
    page = owner_client.get(results_url(audit)).content.decode()
    numbers = re.findall(r'<span class="action-number">(\d+)\.</span>', page)
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)] and len(numbers) >= 5


def test_notes_are_escaped_on_the_results_page(owner_client, business):
    audit = make_audit(
        business, GOOD_ANSWERS, submit=True, notes={"customers": "<script>x()</script>"}
    )
    page = owner_client.get(results_url(audit)).content.decode()
    assert "<script>x()</script>" not in page
    assert "&lt;script&gt;x()&lt;/script&gt;" in page


def test_my_audits_links_to_results_with_readiness(owner_client, business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    page = owner_client.get(reverse("questionnaire:my_audits")).content.decode()
    assert results_url(audit) in page
    assert f"B2C <strong>{audit.b2c_readiness}</strong> Advanced" in page
    assert "Yes: go ahead with consumers" in page and "B2B <strong>" not in page


def test_business_history_shows_what_improved(owner_client, business):
    make_audit(business, UNRESOURCED, submit=True)
    make_audit(business, GOOD_ANSWERS, submit=True)
    page = owner_client.get(
        reverse("questionnaire:business_detail", args=[business.pk])
    ).content.decode()
    assert "Improved: Sustainability" in page
    assert "First audit" in page
    assert 'class="small text-success">(+' in page


def test_a_draft_has_no_results_yet(owner_client, business):
    audit = make_audit(business, {"customers": ["clear"]})
    response = owner_client.get(results_url(audit))
    assert response["Location"] == reverse("questionnaire:audit_detail", args=[audit.pk])


def test_other_owner_gets_404(other_client, business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    assert other_client.get(results_url(audit)).status_code == 404


def test_visitor_is_sent_to_log_in(visitor, business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    assert visitor.get(results_url(audit))["Location"].startswith(reverse("account_login"))


def test_results_use_the_profile_as_it_was_when_submitted(owner_client, owner, questionnaire):
    firm = make_business(owner, "Gearworks", sells_to="businesses", sector="manufacturing")
    audit = make_audit(firm, {**GOOD_ANSWERS, "networks": ["linkedin"]}, submit=True)
    firm.sells_to = "consumers"
    firm.save()
    page = owner_client.get(results_url(audit)).content.decode()
    assert "Yes: go ahead with business buyers" in page
    assert "Not assessed: you told us you sell to other businesses only." in page


def test_bands_and_the_weak_mark_follow_the_audits_edition(owner_client, owner, tmp_path):
    """An edition with other band edges and a higher weak floor: the legend, the chart's band
    lines and the "(weak)" marks all follow it, not numbers fixed in a template."""
    text = CONTENT_FILE.read_text()
    for old, new in [
        ('edition = "2026.5"', 'edition = "test-bands"'),
        ('label = "Foundations", min = 40', 'label = "Foundations", min = 50'),
        ('label = "Ready", min = 60', 'label = "Ready", min = 70'),
        ('label = "Advanced", min = 80', 'label = "Advanced", min = 90'),
        ("floor = 40\n", "floor = 60\n"),
    ]:
        assert old in text
        text = text.replace(old, new)
    edition = tmp_path / "questionnaire.toml"
    edition.write_text(text)
    load_content_file(edition)
    audit = make_audit(make_business(owner), {**GOOD_ANSWERS, "success": ["goals_unreviewed"]})
    audit = flow.submit_audit(audit)
    page = owner_client.get(results_url(audit)).content.decode()
    assert (
        "Bands: Not yet (0-49) · Foundations (50-69) · Ready (70-89) · Advanced (90-100)." in page
    )
    assert '<th scope="row">Success measures</th><td>55/100 (weak)</td>' in page  # 55 < 60
    # a dashed line where each band above the lowest starts (the bars run from x=210 to
    # 510), and the legend names them
    band_lines = re.findall(r'<line x1="([\d.]+)" x2="[\d.]+" y1="0"[^>]*stroke-dasharray', page)
    assert band_lines == ["360.0", "420.0", "480.0"]
    legend = page.split("Bands: ")[-1].split("<")[0]
    assert re.findall(r"from (\d+)", legend) == ["50", "70", "90"]


def test_findings_put_each_reason_under_what_it_did():
    from types import SimpleNamespace

    from questionnaire.scoring.trace import Line, Reason
    from reports.report import finding

    reasons = [
        Reason(Line("nobody"), "weakness", "who_develops", 6),
        Reason(Line("an hour a week"), "partial", "sustained", 7),
        Reason(Line("replies"), "strength", "growth", 8),
        Reason(Line("don't know"), "gap", "success", 9),
    ]
    groups = finding(SimpleNamespace(reasons=reasons), None).groups
    assert [(heading, [r.question_number for r in found]) for heading, _, found in groups] == [
        ("Working", [8]),
        ("Partly there", [7]),
        ("Holding it back", [6]),
        ("Not known yet", [9]),
    ]
    groups = finding(SimpleNamespace(reasons=reasons[2:]), None).groups
    assert [heading for heading, _, _ in groups] == ["Working", "Not known yet"]  # none empty


def business_page(client, business) -> str:
    return client.get(reverse("questionnaire:business_detail", args=[business.pk])).content.decode()


def test_business_history_lists_the_newest_first_with_points_gained_per_market(
    owner_client, owner, questionnaire
):
    business = make_business(owner, "Firm", sector="professional", sells_to="both")
    good = {**GOOD_ANSWERS, "networks": ["linkedin", "instagram"]}
    first = make_audit(
        business, {**good, "who_develops": ["nobody"], "sustained": ["no_time"]}, submit=True
    )
    second = make_audit(business, good, submit=True)
    page = business_page(owner_client, business)
    newest_row = page.split("<tbody>")[1].split("</tr>")[0]
    for market, cell in (("b2c", "B2C readiness"), ("b2b", "B2B readiness")):
        gained = getattr(second, f"{market}_readiness") - getattr(first, f"{market}_readiness")
        shown = newest_row.split(f'data-label="{cell}">')[1].split("</td>")[0]
        assert gained > 0 and f'text-success">(+{gained})</span>' in shown
    assert "Improved: Sustainability" in newest_row
    assert "Declined" not in newest_row  # the dimensions that stayed the same are not listed
    assert page.index("Improved: Sustainability") < page.index("First audit")


def test_a_market_assessed_only_in_the_later_audit_shows_no_change(owner_client, business):
    make_audit(business, UNRESOURCED, submit=True)  # consumers only
    business.sells_to = "both"
    business.save()
    second = make_audit(business, GOOD_ANSWERS, submit=True)
    page = business_page(owner_client, business)
    b2b_cell = page.split('data-label="B2B readiness">')[1].split("</td>")[0]
    assert str(second.b2b_readiness) in b2b_cell and "(" not in b2b_cell


def test_business_history_names_what_declined(owner_client, business):
    make_audit(business, GOOD_ANSWERS, submit=True)
    make_audit(business, UNRESOURCED, submit=True)
    newest_row = business_page(owner_client, business).split("<tbody>")[1].split("</tr>")[0]
    assert "Declined: Sustainability" in newest_row and "Improved" not in newest_row
