"""The pages that earn trust and the ways on from every dead end: how the score works, the
privacy note, the sample report, the favicon, the support address, what happens next."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from questionnaire.models import Audit
from tests.factories import make_client_audit, make_consultant, make_user
from tests.reports.pdf_text import pdf_text

pytestmark = pytest.mark.django_db


def test_the_home_page_says_what_it_is_and_links_the_rules_and_the_data_note(visitor):
    page = visitor.get(reverse("home")).content.decode()
    for promise in ("Free", "About ten minutes", "see a sample report"):
        assert promise in page
    assert f'href="{reverse("scoring")}"' in page and f'href="{reverse("privacy")}"' in page


def test_the_scoring_and_privacy_pages_are_plain_and_public(visitor, settings, questionnaire):
    settings.SUPPORT_EMAIL = "help@audit.example"
    scoring = visitor.get(reverse("scoring")).content.decode()
    assert "“I don't know” earns nothing" in scoring and "Ready (60-79)" in scoring
    privacy = visitor.get(reverse("privacy")).content.decode()
    assert "no tracking" in privacy and "mailto:help@audit.example" in privacy


def test_the_sample_report_reads_like_a_report():
    text = pdf_text((Path(settings.BASE_DIR) / "static" / "sample-report.pdf").read_bytes())
    assert "SOCIAL-MEDIA STRATEGY SUMMARY" in text and "Executive summary" in text
    assert "Bloom & Petal Florist" in text  # a made-up business of the demo data


def test_favicon_ico_leads_to_the_icon(visitor):
    response = visitor.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".svg")


def test_every_page_offers_the_support_address(visitor, settings):
    settings.SUPPORT_EMAIL = "help@audit.example"
    for name in ("home", "account_login", "account_reset_password"):
        assert "mailto:help@audit.example" in visitor.get(reverse(name)).content.decode()


@pytest.fixture
def shared_audit(questionnaire):
    carla = make_consultant("carla@example.com", "Carla Jones")
    return make_client_audit(carla, make_user("olive@example.com"), "Olive's Bakery")


def results(client, audit) -> str:
    return client.get(reverse("reports:audit_results", args=[audit.pk])).content.decode()


def test_the_owner_is_told_who_will_review_and_that_they_will_be_emailed(shared_audit, client):
    client.force_login(shared_audit.business.owner)
    page = results(client, shared_audit)
    assert "Carla Jones will review your answers" in page
    assert "We will email you at olive@example.com" in page
    Audit.objects.filter(pk=shared_audit.pk).update(status=Audit.Status.IN_REVIEW)
    assert "A consultant is reviewing your answers now" in results(client, shared_audit)


def test_an_unshared_audit_says_it_is_the_owners_alone(owner_client, business):
    from tests.factories import GOOD_ANSWERS, make_audit

    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    page = results(owner_client, audit)
    assert "This report is yours alone" in page and "will review" not in page
    # GOOD_ANSWERS leave nothing to fix: the plan is one sentence, with one re-audit interval
    assert page.count("run the audit again in 6 months") == 1 and "months" not in page.replace(
        "run the audit again in 6 months", ""
    )
    assert "first action below" not in page


def test_the_consultant_does_not_see_the_owners_next_steps(shared_audit, client):
    client.force_login(shared_audit.business.shares.get().consultant)
    assert "What happens next" not in results(client, shared_audit)


def test_who_will_review_follows_every_change_at_once(shared_audit, client):
    """The names are cached, and every change that matters is seen on the next view."""
    from consulting.models import Consultant, Share

    client.force_login(shared_audit.business.owner)
    assert "Carla Jones will review" in results(client, shared_audit)
    carla = Consultant.objects.get(display_name="Carla Jones")
    carla.display_name = "Carla J. Consulting"
    carla.save()
    assert "Carla J. Consulting will review" in results(client, shared_audit)
    carla.display_name = ""  # no display name: she is named by her email, which changes too
    carla.save()
    assert "carla@example.com will review" in results(client, shared_audit)
    carla.user.email = "carla@new.example"
    carla.user.save()
    assert "carla@new.example will review" in results(client, shared_audit)
    Share.objects.filter(business=shared_audit.business).delete()  # the owner stops sharing
    page = results(client, shared_audit)
    assert "will review" not in page and "This report is yours alone" in page


def test_a_consultant_who_loses_the_role_is_no_longer_named(shared_audit, client):
    from consulting.models import Consultant

    client.force_login(shared_audit.business.owner)
    assert "Carla Jones will review" in results(client, shared_audit)
    Consultant.objects.get(display_name="Carla Jones").delete()
    assert "will review" not in results(client, shared_audit)


def test_a_rename_reaches_every_business_the_consultant_reviews(questionnaire, client):
    """Ids that differ from table to table, so clearing by the wrong one would show."""
    from consulting.models import Consultant
    from tests.factories import make_business, share_business

    someone = make_user("someone@example.com")  # no role: user and role ids now differ
    make_business(someone, "Unshared")  # no share: business and share ids now differ
    carla = make_consultant("carla@example.com", "Carla Jones")
    share_business(make_business(make_user("first@example.com"), "First Shop"), carla)
    olive = make_user("olive@example.com")
    audit = make_client_audit(carla, olive, "Olive's Bakery")
    role = Consultant.objects.get(user=carla)
    share = audit.business.shares.get()
    assert role.pk != carla.pk and share.pk != audit.business_id  # the point of this test
    client.force_login(olive)
    assert "Carla Jones will review" in results(client, audit)
    role.display_name = "Carla J. Consulting"
    role.save()
    assert "Carla J. Consulting will review" in results(client, audit)
