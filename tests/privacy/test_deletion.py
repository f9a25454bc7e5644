"""Deleting a business or a whole account: after a confirmation that says what goes, its
rows, stored reports, sharing and place in the peer figures are gone, and nothing else."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse

from consulting.models import Invitation, Recommendation, Share
from peers import counting
from peers.models import CountedAudit, PeerGroup
from questionnaire.models import Answer, Audit, Business
from reports import pdf
from tests.factories import GOOD_ANSWERS, PASSWORD, make_audit, make_business, make_consultant
from tests.jobs import run_background_jobs

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cafe(owner, questionnaire):
    """Olive's café, shared with Carla, with a submitted audit whose PDF is stored and which
    counts in the peer figures; and Oscar's garage, which must survive everything."""
    carla = make_consultant("carla.consultant@example.com", "Carla Jones")
    business = make_business(owner, "Corner Café")
    business.shares.create(consultant=carla)
    audit = make_audit(business, GOOD_ANSWERS, submit=True)
    Recommendation.objects.create(audit=audit, author=carla, text="Answer every review.")
    garage = make_business(get_user_model().objects.create(username="oscar"), "Oscar's Garage")
    make_audit(garage, GOOD_ANSWERS, submit=True)
    run_background_jobs()  # the PDFs rendered, the peer figures counted
    audit.refresh_from_db()  # as a request would read it, the recommendation counted
    return business, audit, carla


def everyone_counted() -> int:
    """Businesses in the peer figures (published in rounds; rebuilt here to read them now)."""
    counting.rebuild()
    return PeerGroup.objects.get(sector="", size="").businesses


def test_the_confirmation_says_what_goes(owner_client, cafe):
    business, _, _ = cafe
    make_audit(business, {"customers": ["general"]})  # a draft begun since
    page = owner_client.get(reverse("privacy:delete_business", args=[business.pk]))
    html = page.content.decode()
    assert "Delete Corner Café and everything about it?" in html
    assert "2 audits, with every answer and note; the stored report of the 1 submitted" in html
    assert "Sharing with Carla Jones: they lose access at once" in html
    assert Business.objects.filter(pk=business.pk).exists()  # nothing goes on a GET


def test_deleting_a_business_removes_its_audits_reports_sharing_and_peer_figures(
    owner_client, cafe
):
    business, audit, _ = cafe
    stored = pdf.report_for(audit).name
    assert default_storage.exists(stored)
    assert CountedAudit.objects.filter(business_id=business.pk).exists()
    assert everyone_counted() == 2

    response = owner_client.post(reverse("privacy:delete_business", args=[business.pk]))
    assert response["Location"] == reverse("questionnaire:my_audits")
    run_background_jobs()
    assert not Business.objects.filter(pk=business.pk).exists()
    assert not Audit.objects.filter(pk=audit.pk).exists()
    assert not Answer.objects.filter(audit_id=audit.pk).exists()
    assert not Share.objects.filter(business_id=business.pk).exists()
    assert not Recommendation.objects.filter(audit_id=audit.pk).exists()
    assert not default_storage.exists(stored)
    assert not CountedAudit.objects.filter(business_id=business.pk).exists()
    assert everyone_counted() == 1
    assert Business.objects.filter(name="Oscar's Garage").exists()
    page = owner_client.get(response["Location"]).content.decode()
    assert "Corner Café and everything about it has been deleted." in page


def test_a_wrong_password_deletes_nothing_and_says_so(owner_client, owner, cafe):
    url = reverse("privacy:delete_account")
    response = owner_client.post(url, {"password": "not-it"})
    assert "That is not your password; nothing has been deleted." in response.content.decode()
    assert get_user_model().objects.filter(pk=owner.pk).exists()


def test_deleting_an_account_removes_everything_in_it_and_logs_out(owner_client, owner, cafe):
    business, audit, _ = cafe
    stored = pdf.report_for(audit).name
    page = owner_client.get(reverse("privacy:delete_account")).content.decode()
    assert "The business <bdi>Corner Café</bdi> as you described it." in page
    response = owner_client.post(reverse("privacy:delete_account"), {"password": PASSWORD})
    assert response["Location"] == reverse("home")
    run_background_jobs()
    assert not get_user_model().objects.filter(pk=owner.pk).exists()
    assert not Business.objects.filter(pk=business.pk).exists()
    assert not default_storage.exists(stored)
    assert everyone_counted() == 1
    assert (
        "Your account and everything in it has been deleted."
        in owner_client.get(reverse("home")).content.decode()
    )
    assert owner_client.get(reverse("questionnaire:my_audits")).status_code == 302  # logged out


def test_a_consultant_leaving_takes_their_recommendations_not_the_clients_business(cafe):
    business, audit, carla = cafe
    for email in ("dan@example.com", "eve@example.com"):
        Invitation.issue(carla, email)
    client = Client()
    client.force_login(carla)
    page = client.get(reverse("privacy:delete_account")).content.decode()
    assert "The 1 recommendation you wrote on clients" in page
    assert "The 2 invitations you sent: their links stop working." in page
    client.post(reverse("privacy:delete_account"), {"password": PASSWORD})
    assert Business.objects.filter(pk=business.pk).exists()
    assert not Recommendation.objects.filter(audit=audit).exists()
    assert not business.shares.exists()
