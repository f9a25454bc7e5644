"""An audit answered on edition 2026.2 after 2026.3 is published: it keeps its answers and
its edition's numbers, gains the plain-English headline, and no longer scores a market the
business does not serve. The 2026.2 content file is kept in tests/questionnaire/data."""

from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from questionnaire.content import load_content_file
from questionnaire.models import Audit, QuestionnaireVersion
from questionnaire.verdicts import result_for
from tests.factories import GOOD_ANSWERS, make_audit, make_business

pytestmark = pytest.mark.django_db

EDITION_2026_2 = Path(__file__).parent / "data" / "questionnaire-2026.2.toml"
OLD_ANSWERS = {**GOOD_ANSWERS, "social_experience": ["conversation"]}  # valid in 2026.2 too


@pytest.fixture
def old_audit(owner):
    """Submitted on 2026.2, before 2026.3 was published."""
    old = load_content_file(EDITION_2026_2)
    audit = make_audit(make_business(owner), OLD_ANSWERS, submit=True)
    assert audit.version == old
    load_content_file()
    assert QuestionnaireVersion.objects.current() != old
    return audit


def test_it_keeps_its_edition_and_that_editions_numbers(old_audit):
    result = result_for(old_audit)
    # 2026.2 added up the pathway's stages (25 + 25); 2026.3 would give this choice 100.
    assert result.question_points["pathway"] == 50
    assert result.headline == "Yes: start with consumers"
    assert result.verdict.b2b is None


def test_its_results_page_reads_in_its_own_words_with_no_unserved_market(owner_client, old_audit):
    page = owner_client.get(reverse("reports:audit_results", args=[old_audit.pk])).content.decode()
    assert "A named person in the business, with time set aside for it" in page  # 2026.2 wording
    assert "Yes: start with consumers" in page and "B2C-led" not in page
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
    assert old_audit.headline == "Yes: start with consumers"
    assert old_audit.b2b_readiness is None
