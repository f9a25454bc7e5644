"""An audit answered on an earlier edition after a later one is published: it keeps its
answers, its questions and its edition's option scores, weights and bands, and is judged by
today's gates and words; a market the business does not serve is never scored. The 2026.2
and 2026.4 content files are kept in tests/questionnaire/data."""

from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from questionnaire.content import load_content_file
from questionnaire.models import Audit, Edition
from questionnaire.verdicts import result_for
from tests.factories import GOOD_ANSWERS, make_audit, make_business

pytestmark = pytest.mark.django_db

EDITION_2026_2 = Path(__file__).parent / "data" / "questionnaire-2026.2.toml"
EDITION_2026_4 = Path(__file__).parent / "data" / "questionnaire-2026.4.toml"
# Valid in 2026.2 and 2026.4, where question 8 had one answer and "earned" included replying.
OLD_ANSWERS = {**GOOD_ANSWERS, "social_experience": ["conversation"], "growth": ["earned"]}


@pytest.fixture
def old_audit(owner):
    """Submitted on 2026.2, before 2026.3 was published."""
    old = load_content_file(EDITION_2026_2)
    audit = make_audit(make_business(owner), OLD_ANSWERS, submit=True)
    assert audit.edition == old
    load_content_file()
    assert Edition.objects.current() != old
    return audit


def test_it_keeps_its_edition_and_that_editions_numbers(old_audit):
    result = result_for(old_audit)
    # 2026.2 added up the pathway's stages (25 + 25); 2026.3 would give this choice 100.
    assert result.question_points("pathway") == (("consumers", 50),)
    assert result.headline.text == "Yes: go ahead with consumers"
    assert result.verdict.b2b is None
    # Judged by today's gates: replying ("earned") carried the conversation then, as now.
    gates = {g.gate.key: g.state for g in result.trace.markets["b2c"].gates}
    assert gates["conversation"] == gates["resources"] == "met"


def test_a_2026_4_audit_is_judged_by_the_gates_with_its_own_questions(owner, owner_client):
    old = load_content_file(EDITION_2026_4)
    answers = {**OLD_ANSWERS, "growth": ["no_replies"]}  # "we don't plan to reply"
    audit = make_audit(make_business(owner), answers, submit=True)
    load_content_file()
    assert audit.edition == old and Edition.objects.current() != old
    result = result_for(audit)
    assert result.verdict.b2c.score == 59  # the conversation gate is short: nobody replies
    page = owner_client.get(reverse("reports:audit_results", args=[audit.pk])).content.decode()
    assert "By posting regularly; we don&#x27;t plan to reply to comments or messages" in page
    assert "you have not said you will reply to comments and messages (question 8)" in page
    assert "questionnaire edition 2026.4" in page


def test_its_results_page_reads_in_its_own_words_with_no_unserved_market(owner_client, old_audit):
    page = owner_client.get(reverse("reports:audit_results", args=[old_audit.pk])).content.decode()
    assert "A named person in the business, with time set aside for it" in page  # 2026.2 wording
    assert "Yes: go ahead with consumers" in page and "B2C-led" not in page
    assert "Not assessed: you told us you sell to consumers only." in page


def test_the_upgrade_clears_unserved_figures_and_rescoring_restores_the_rest(old_audit):
    """As 2026.2 stored it: a B2B score for a café, and no headline."""
    Audit.objects.filter(pk=old_audit.pk).update(b2b_readiness=89, b2b_band="advanced", headline="")
    migration = __import__(
        "questionnaire.migrations.0005_headline_and_unserved_markets", fromlist=["x"]
    )
    migration.forget_unserved_markets(apps, None)
    old_audit.refresh_from_db()
    assert old_audit.b2b_readiness is None and old_audit.b2b_band == ""
    assert old_audit.b2c_readiness is not None  # the market it serves is kept

    call_command("rescore_audits")
    old_audit.refresh_from_db()
    assert old_audit.headline == "Yes: go ahead with consumers"
    assert old_audit.b2b_readiness is None


def test_an_earlier_edition_borrows_what_each_band_means(old_audit):
    """2026.2 had bands but no words for them: its report says what each means, in today's
    words, band by band, with its own edges."""
    result = result_for(old_audit)
    meanings = {band.key: band.meaning for band in result.bands}
    assert meanings["not_yet"] == "Something basic is missing: fix it before posting."
    assert meanings["advanced"] == "A strong plan: keep it up and check it against results."
    assert [(band.low, band.high) for band in result.bands][-1] == (80, 100)
