"""The PDF strategy summary: opened and read, not just checked for a content type."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from questionnaire import flow
from questionnaire.models import NOTE_MAX_LENGTH
from reports import pdf
from tests.factories import GOOD_ANSWERS, make_audit, make_business
from tests.reports.pdf_text import font_names, pdf_reader, pdf_text

pytestmark = pytest.mark.django_db

UNRESOURCED = {**GOOD_ANSWERS, "who_develops": ["nobody"], "sustained": ["no_time"]}


def pdf_url(audit):
    return reverse("reports:audit_pdf", args=[audit.pk])


def long_note() -> str:
    """Numbered words, so a missing stretch anywhere is noticed."""
    words, number = [], 0
    while len(" ".join(words)) < NOTE_MAX_LENGTH - 20:
        number += 1
        words.append(f"w{number:04d}")
    return " ".join(words)


def download(client, audit, **headers):
    response = client.get(pdf_url(audit), **headers)
    content = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response, content


def test_pdf_holds_the_business_verdict_answers_and_a_long_note_in_full(owner_client, business):
    note = long_note()
    audit = make_audit(business, UNRESOURCED, submit=True, notes={"customers": note})
    response, content = download(owner_client, audit)
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(content)
    assert "Corner Café" in text
    assert "Social-media strategy summary" in text
    assert "Not yet: first name who will run it and set time aside for it every week" in text
    assert "Selling to consumers (B2C)" in text
    assert "Not assessed: you told us you sell to consumers only." in text
    assert "Selling to businesses (B2B)" in text and "B2B readiness" not in text
    assert "nobody in the business is named to run it (question 6)" in text
    assert "First 30 days" in text and "Name an owner before you start" in text
    for row_text in [
        "I can name our main customer groups (or, before launch, the ones we are for)",
        "Something distinctive they cannot easily get elsewhere, and they tell us so",
        "Nobody in particular yet",
        "We don't have time for it at the moment",
        "Measurable goals tied to the business (enquiries, bookings, sales), reviewed every month",
    ]:
        assert row_text in text
    # All 5,000 characters, in order, across page breaks (footers sit between the pages).
    assert re.findall(r"w\d{4}", text) == note.split()
    assert len(pdf_reader(content).pages) >= 4
    assert "Page 1 of" in text


def test_every_page_has_a_footer_and_page_number(owner_client, business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True, notes={"customers": long_note()})
    reader = pdf_reader(download(owner_client, audit)[1])
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        page_text = page.extract_text()
        assert f"Page {number} of {total}" in page_text
        assert "Corner Café · Social-media strategy summary" in page_text


def test_accents_and_non_latin_text_use_the_shipped_font(owner, owner_client, questionnaire):
    name = "Crème Brûlée Ελληνικά Кириллица"
    firm = make_business(owner, name)
    audit = make_audit(firm, GOOD_ANSWERS, submit=True, notes={"success": "Zürich ÆØÅ ğış"})
    content = download(owner_client, audit)[1]
    text = pdf_text(content)
    assert name in text and "Zürich ÆØÅ ğış" in text
    # Every glyph comes from the DejaVu font under static/: no system fallback font.
    assert font_names(content) == {"Report-Sans", "Report-Sans-Bold"}


def test_the_download_is_named_after_the_business_and_date(owner_client, business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    response, _ = download(owner_client, audit)
    expected = f"corner-cafe-social-media-audit-{audit.submitted_at:%Y-%m-%d}.pdf"
    assert f'attachment; filename="{expected}"' == response["Content-Disposition"]


def test_a_repeat_download_is_served_without_rendering(owner_client, business, monkeypatch):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    first, first_content = download(owner_client, audit)

    def must_not_render(audit):
        raise AssertionError("rendered again")

    monkeypatch.setattr("reports.pdf.render_pdf", must_not_render)
    second, second_content = download(owner_client, audit)
    assert second.status_code == 200 and second_content == first_content
    assert second["ETag"] == first["ETag"]


def test_a_matching_etag_gets_304(owner_client, business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    first, _ = download(owner_client, audit)
    response, content = download(owner_client, audit, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 304 and content == b""
    stale, _ = download(owner_client, audit, HTTP_IF_NONE_MATCH='"something-else"')
    assert stale.status_code == 200


def test_a_late_answer_is_refused_so_the_pdf_stays_the_one_submitted(owner_client, business):
    """The PDF's fingerprint trusts that a submitted audit's answers never change: this is
    the rule it trusts (the admin shows them read-only too)."""
    audit = make_audit(business, GOOD_ANSWERS, submit=True, notes={"success": "Bookings up"})
    first, _ = download(owner_client, audit)
    question = audit.edition.questions.get(key="success")
    with pytest.raises(flow.AuditLocked):
        flow.save_answer(audit, question, flow.StepInput(["vanity"], "Bookings up 20%", None))
    second, content = download(owner_client, audit)
    assert second["ETag"] == first["ETag"]
    assert "Bookings up" in pdf_text(content) and "Bookings up 20%" not in pdf_text(content)


def test_other_owner_gets_404(other_client, business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    assert other_client.get(pdf_url(audit)).status_code == 404


def test_visitor_is_sent_to_log_in(visitor, business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    assert visitor.get(pdf_url(audit))["Location"].startswith(reverse("account_login"))


def test_a_draft_has_no_pdf(owner_client, business):
    audit = make_audit(business, {"customers": ["clear"]})
    assert owner_client.get(pdf_url(audit)).status_code == 404


def test_results_page_and_my_audits_offer_the_download(owner_client, business):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    results = owner_client.get(reverse("reports:audit_results", args=[audit.pk])).content.decode()
    my_audits = owner_client.get(reverse("questionnaire:my_audits")).content.decode()
    assert f'href="{pdf_url(audit)}" download>Download the PDF summary' in results
    assert f'href="{pdf_url(audit)}" download>PDF' in my_audits


# DejaVu for Latin, Greek, Cyrillic, Arabic and Hebrew; WenQuanYi for CJK (bold synthesised).
SHIPPED_FONTS = {"Report-Sans", "Report-Sans-Bold", "Report-CJK", "Report-CJK-Bold"}


def boxes_drawn(caplog) -> list[str]:
    """Characters WeasyPrint had no glyph for, and so drew as empty boxes."""
    return [record.getMessage() for record in caplog.records if ".notdef" in record.getMessage()]


@pytest.mark.parametrize(
    "name",
    [
        "東京ラーメン 上海小笼包",  # Chinese and Japanese
        "서울 빵집",  # Korean
        "مخبز القدس",  # Arabic
        "מאפיית ירושלים",  # Hebrew
        "Αθήνα Москва Crème",  # Greek, Cyrillic, accented Latin
    ],
)
def test_a_name_in_any_script_prints_with_the_shipped_fonts(
    name, owner, owner_client, questionnaire, caplog
):
    audit = make_audit(make_business(owner, name), GOOD_ANSWERS, submit=True)
    content = download(owner_client, audit)[1]
    assert boxes_drawn(caplog) == []
    # Every glyph comes from static/fonts (DejaVu, and WenQuanYi for CJK), never the server's.
    assert font_names(content) <= SHIPPED_FONTS
    assert name.split()[0] in pdf_text(content) or name.split()[0][::-1] in pdf_text(content)


def test_a_direction_override_in_a_name_cannot_reverse_the_text_around_it(
    owner, owner_client, questionnaire
):
    audit = make_audit(make_business(owner, "Bakery\u202eevil"), GOOD_ANSWERS, submit=True)
    page = owner_client.get(reverse("reports:audit_results", args=[audit.pk])).content.decode()
    assert "<bdi>Bakery\u202eevil</bdi>: social-media readiness" in page
    text = pdf_text(download(owner_client, audit)[1])
    assert "Social-media strategy summary" in text and "yrammus" not in text


def test_a_name_with_no_latin_letters_still_gives_a_readable_filename(
    owner_client, owner, questionnaire
):
    audit = make_audit(make_business(owner, "東京ベーカリー"), GOOD_ANSWERS, submit=True)
    response, _ = download(owner_client, audit)
    expected = f"business-social-media-audit-{audit.submitted_at:%Y-%m-%d}.pdf"
    assert f'attachment; filename="{expected}"' == response["Content-Disposition"]


def test_a_deliverable_cover_summary_legend_and_method_note(owner_client, business):
    audit = make_audit(business, UNRESOURCED, submit=True)
    _, content = download(owner_client, audit)
    reader = pdf_reader(content)
    cover = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert "Prepared for" in cover and business.name in cover
    assert "a self-assessment" in cover  # no consultant: said so, not left blank
    summary = re.sub(r"\s+", " ", reader.pages[1].extract_text())
    assert "Executive summary" in summary and "The first things to do" in summary
    assert "Ready (60-79) A plan you can start on now." in summary
    text = pdf_text(content)
    assert "Score out of 100" in text and "Weak: holds readiness back" in text  # the legend
    assert "How this report was made" in text and "not a guarantee of results" in text


def test_a_reviewed_report_names_who_prepared_it(owner_client, business, questionnaire):
    from tests.factories import make_consultant, share_business

    carla = make_consultant("carla@example.com", "Carla Jones")
    share_business(business, carla)
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    _, before = download(owner_client, audit)
    flow.finish_review(audit, carla)
    _, after = download(owner_client, audit)
    assert "Carla Jones" not in pdf_text(before)
    cover = re.sub(r"\s+", " ", pdf_reader(after).pages[0].extract_text())
    assert "Prepared by Carla Jones" in cover and "reviewed" in cover


def test_the_pdf_is_tagged_and_in_english_for_screen_readers(owner_client, business):
    _, content = download(owner_client, make_audit(business, GOOD_ANSWERS, submit=True))
    root = pdf_reader(content).trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root


def test_findings_say_what_works_and_what_holds_it_back(owner_client, business):
    _, content = download(owner_client, make_audit(business, UNRESOURCED, submit=True))
    text = pdf_text(content)
    sustainability = text.split("Sustainability: ")[1].split("Success measures: ")[0]
    # nobody named, no time: both hold the score back, each tied to its question
    assert "Holding it back" in sustainability and "(question 6)" in sustainability
    assert "Working" in text.split("Findings by dimension")[1]


def test_the_fingerprint_covers_every_file_the_report_is_made_from(settings):
    """No hand-kept list: a template, tag module, stylesheet or content file added anywhere
    in the apps is part of the fingerprint, so a deploy that changes it renders anew."""
    base = Path(settings.BASE_DIR)
    hashed = {path.relative_to(base).as_posix() for path in pdf.source_files()}
    made_from = [
        *base.glob("*/templatetags/*.py"),
        *base.glob("templates/reports/*.html"),
        *base.glob("questionnaire/scoring/*.py"),
        base / "questionnaire/content/questionnaire.toml",
        base / "static/css/report-pdf.css",
    ]
    assert {path.relative_to(base).as_posix() for path in made_from} <= hashed
    assert len(made_from) > 15


def test_a_changed_source_file_changes_the_fingerprint(owner_client, business, monkeypatch):
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    before = pdf.report_for(audit).fingerprint
    template = Path(pdf.source_files()[0])
    monkeypatch.setattr(pdf, "source_files", lambda: [template, template])  # as if one changed
    pdf._code_fingerprint.cache_clear()
    try:
        assert pdf.report_for(audit).fingerprint != before
    finally:
        pdf._code_fingerprint.cache_clear()
