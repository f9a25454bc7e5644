"""Invitations: a single-use link that expires; accepting links a business to the consultant."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from consulting.models import Invitation
from questionnaire.models import Business
from tests.factories import PASSWORD, make_business, share_business, shared_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def invite(carla_client, django_capture_on_commit_callbacks):
    """Carla sends an invitation; returns the path of the link in the email."""

    def send(email="olive.owner@example.com") -> str:
        with django_capture_on_commit_callbacks(execute=True):
            response = carla_client.post(
                reverse("consulting:invitations"),
                {"email": email, "message": "Let's look at it together"},
            )
        assert response.status_code == 302
        return re.search(r"https?://[^/\s]+(/invitations/\S+/)", mail.outbox[-1].body).group(1)

    return send


def test_sending_an_invitation_emails_a_link(carla_client, invite):
    link = invite()
    message = mail.outbox[-1]
    assert message.to == ["olive.owner@example.com"]
    assert "Carla Jones" in message.subject and "Let's look at it together" in message.body
    invitation = Invitation.objects.get()
    assert link.split("/")[2] not in invitation.token_hash  # only a hash is stored
    page = carla_client.get(reverse("consulting:invitations")).content.decode()
    assert "olive.owner@example.com" in page and "Waiting until" in page


def test_a_bad_email_is_refused_and_kept(carla_client):
    page = carla_client.post(
        reverse("consulting:invitations"), {"email": "not-an-email"}
    ).content.decode()
    assert "Enter a valid email address." in page and 'value="not-an-email"' in page
    assert not Invitation.objects.exists()


def test_a_visitor_is_asked_to_sign_up_or_log_in(carla_client, visitor, invite):
    link = invite()
    page = visitor.get(link).content.decode()
    assert "Carla Jones invites you" in page
    assert f'href="/accounts/signup/?next={link}"' in page
    response = visitor.post(
        f"/accounts/signup/?next={link}",
        {"email": "new.client@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response["Location"] == link  # back to the invitation, now logged in
    assert "Share a business with Carla Jones" in visitor.get(link).content.decode()


def test_accepting_shares_an_existing_business(
    carla, carla_client, owner, owner_client, business, invite
):
    link = invite()
    page = owner_client.get(link).content.decode()
    assert "Share Corner Café" in page
    response = owner_client.post(link, {"business": business.pk})
    assert response["Location"] == reverse("questionnaire:my_audits")
    business.refresh_from_db()
    assert shared_with(business) == [carla]
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == owner and invitation.is_used


def test_accepting_with_a_new_business_starts_its_audit(
    carla, carla_client, owner, owner_client, questionnaire, invite
):
    link = invite()
    response = owner_client.post(
        link,
        {
            "new_business": "1",
            "name": "New Leaf Cafe",
            "sector": "hospitality",
            "size": "solo",
            "sells_to": "consumers",
        },
    )
    business = Business.objects.get(name="New Leaf Cafe")
    assert shared_with(business) == [carla] and business.owner == owner
    assert response["Location"].endswith("/questions/1/")


def test_a_used_link_says_so(carla_client, owner_client, other_client, business, invite):
    link = invite()
    owner_client.post(link, {"business": business.pk})
    response = other_client.get(link)
    assert response.status_code == 410
    assert "This invitation has already been used" in response.content.decode()


def test_an_expired_link_says_so(carla_client, owner_client, business, invite):
    link = invite()
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = owner_client.post(link, {"business": business.pk})
    assert response.status_code == 410
    assert "This invitation has expired" in response.content.decode()
    business.refresh_from_db()
    assert shared_with(business) == []


def test_a_link_from_a_consultant_who_has_left_is_closed(
    carla, carla_client, owner_client, visitor, business, invite
):
    link = invite()
    carla.consultant.delete()  # the administrator removed the role
    for client in (visitor, owner_client):
        response = client.get(link)
        assert response.status_code == 410
        assert "no longer works as a consultant on this site" in response.content.decode()
    assert owner_client.post(link, {"business": business.pk}).status_code == 410
    business.refresh_from_db()
    assert shared_with(business) == [] and not Invitation.objects.get().is_used


def test_a_made_up_token_is_404(owner_client):
    assert owner_client.get("/invitations/not-a-real-token/").status_code == 404


def test_a_business_already_shared_with_them_or_not_yours_cannot_be_picked(
    carla, carla_client, owner_client, other_owner, business, invite
):
    link = invite()
    oscars = make_business(other_owner, "Oscar's")
    assert owner_client.post(link, {"business": oscars.pk}).status_code == 404
    assert owner_client.post(link, {"business": "not-a-number"}).status_code == 404
    share_business(business, carla)
    assert owner_client.post(link, {"business": business.pk}).status_code == 404
    assert not Invitation.objects.get().is_used


def test_a_business_can_be_shared_with_a_second_consultant(
    carla, connor, owner_client, business, invite
):
    share_business(business, connor)
    response = owner_client.post(invite(), {"business": business.pk}, follow=True)
    assert "is now shared with Carla Jones" in response.content.decode()
    assert shared_with(business) == [connor, carla]


def test_the_email_says_who_really_sent_it_and_marks_their_words(carla, invite):
    invite()
    body = mail.outbox[-1].body
    assert "Carla Jones (carla.consultant@example.com), a consultant with an account" in body
    assert "Their message, in their own words (the site has not checked it):" in body
    assert "> Let's look at it together" in body
    assert "If you do not know carla.consultant@example.com, ignore this email" in body


def test_a_consultant_can_send_only_so_many_invitations_a_day(carla_client, settings):
    settings.INVITATIONS_PER_DAY = 3
    url = reverse("consulting:invitations")
    for n in range(3):
        assert carla_client.post(url, {"email": f"c{n}@example.com"}).status_code == 302
    refused = carla_client.post(url, {"email": "c4@example.com", "message": "Hello"})
    page = refused.content.decode()
    assert "You have sent 3 invitations in the last 24 hours" in page
    assert "c4@example.com" in page and "Hello" in page  # what was typed is kept
    assert Invitation.objects.count() == 3
