"""Following up an invitation: the consultant's list says where each stands (sent, accepted,
expired, revoked) and can send one again (a new link; the old one stops working) or revoke
it; a client who opens a link they accepted is taken to the business they shared."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from consulting.models import Invitation
from tests.factories import shared_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def invite(carla_client, django_capture_on_commit_callbacks):
    """Carla sends an invitation; returns it and the path of the link in the email."""

    def send(email="olive.owner@example.com"):
        with django_capture_on_commit_callbacks(execute=True):
            carla_client.post(reverse("consulting:invitations"), {"email": email, "message": ""})
        link = re.search(r"https?://[^/\s]+(/invitations/\S+/)", mail.outbox[-1].body).group(1)
        return Invitation.objects.get(email=email), link

    return send


def listed(carla_client) -> str:
    return carla_client.get(reverse("consulting:invitations")).content.decode()


def test_the_list_says_where_each_invitation_stands(carla_client, owner_client, business, invite):
    accepted, link = invite("olive.owner@example.com")
    owner_client.post(link, {"business": business.pk})
    waiting, _ = invite("wendy@example.com")
    expired, _ = invite("ed@example.com")
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    revoked, _ = invite("rex@example.com")
    carla_client.post(reverse("consulting:revoke_invitation", args=[revoked.pk]))
    page = listed(carla_client)
    states = re.findall(r'<span class="badge [^"]+">(\w+)', page)
    # newest first: Rex revoked, Ed expired, Wendy waiting, Olive accepted
    assert states == ["Revoked", "Expired", "Sent", "Accepted"]
    # send again: the waiting and the expired; revoke: the waiting only
    assert page.count("Send again<span") == 2 and page.count("Revoke<span") == 1
    for invitation in (accepted, revoked):
        assert reverse("consulting:resend_invitation", args=[invitation.pk]) not in page


def test_sending_again_makes_a_new_link_and_closes_the_old_one(
    carla_client, owner_client, business, invite, django_capture_on_commit_callbacks
):
    invitation, old_link = invite()
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())  # expired
    with django_capture_on_commit_callbacks(execute=True):
        response = carla_client.post(
            reverse("consulting:resend_invitation", args=[invitation.pk]), follow=True
        )
    assert "Sent again to olive.owner@example.com" in response.content.decode()
    new_link = re.search(r"(/invitations/\S+/)", mail.outbox[-1].body).group(1)
    assert new_link != old_link and mail.outbox[-1].to == ["olive.owner@example.com"]
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now() + datetime.timedelta(days=13)
    assert owner_client.get(old_link).status_code == 404  # the old token names nothing now
    owner_client.post(new_link, {"business": business.pk})
    assert shared_with(business) == [invitation.consultant]


def test_a_revoked_link_stops_working_and_says_why(carla_client, owner_client, business, invite):
    invitation, link = invite()
    carla_client.post(reverse("consulting:revoke_invitation", args=[invitation.pk]))
    response = owner_client.post(link, {"business": business.pk})
    assert response.status_code == 410
    assert "This invitation was withdrawn" in response.content.decode()
    assert shared_with(business) == []


def test_an_accepted_invitation_can_be_neither_sent_again_nor_revoked(
    carla_client, owner_client, business, invite
):
    invitation, link = invite()
    owner_client.post(link, {"business": business.pk})
    sent_before = len(mail.outbox)
    again = carla_client.post(
        reverse("consulting:resend_invitation", args=[invitation.pk]), follow=True
    )
    assert "is accepted" in again.content.decode() and len(mail.outbox) == sent_before
    revoke = carla_client.post(
        reverse("consulting:revoke_invitation", args=[invitation.pk]), follow=True
    )
    assert "has already accepted; only they can stop sharing" in revoke.content.decode()
    invitation.refresh_from_db()
    assert invitation.revoked_at is None and shared_with(business) == [invitation.consultant]


def test_sending_again_counts_towards_the_daily_limit(carla_client, invite, settings):
    invitation, _ = invite()
    settings.INVITATIONS_PER_DAY = 1
    sent_before = len(mail.outbox)
    response = carla_client.post(
        reverse("consulting:resend_invitation", args=[invitation.pk]), follow=True
    )
    assert "the most the site allows" in response.content.decode()
    assert len(mail.outbox) == sent_before


def test_another_consultants_invitation_is_not_theirs_to_follow_up(
    carla_client, connor_client, invite
):
    invitation, _ = invite()
    for name in ("consulting:resend_invitation", "consulting:revoke_invitation"):
        assert connor_client.post(reverse(name, args=[invitation.pk])).status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None and invitation.state == "sent"


def test_the_client_who_accepted_is_taken_to_the_business_they_shared(
    carla_client, owner_client, other_client, business, invite
):
    _, link = invite()
    owner_client.post(link, {"business": business.pk})
    again = owner_client.get(link)
    assert again["Location"] == reverse("questionnaire:business_detail", args=[business.pk])
    page = owner_client.get(again["Location"]).content.decode()
    assert "is shared with Carla Jones" in page
    # anyone else still finds it used, and a visitor is offered to log in
    assert other_client.get(link).status_code == 410
    assert "log in with that one" in other_client.get(link).content.decode()


def test_a_client_who_stopped_sharing_since_is_told_and_taken_to_their_audits(
    carla_client, owner_client, business, invite
):
    _, link = invite()
    owner_client.post(link, {"business": business.pk})
    business.shares.all().delete()  # Olive stopped sharing
    again = owner_client.get(link, follow=True)
    assert again.redirect_chain[-1][0] == reverse("questionnaire:my_audits")
    assert "You accepted this invitation from Carla Jones." in again.content.decode()


def test_the_daily_limit_counts_this_consultants_last_24_hours_alone(carla, connor, settings):
    settings.INVITATIONS_PER_DAY = 1
    old, _ = Invitation.issue(carla, "old@example.com")
    Invitation.objects.filter(pk=old.pk).update(
        last_sent_at=timezone.now() - datetime.timedelta(hours=25)
    )
    Invitation.issue(connor, "connors@example.com")  # another consultant's
    assert Invitation.sent_recently(carla) == 0
    Invitation.objects.filter(pk=old.pk).update(
        last_sent_at=timezone.now() - datetime.timedelta(hours=23)
    )
    assert Invitation.sent_recently(carla) == 1


def test_the_limit_is_said_in_full_when_sending_again(carla_client, invite, settings):
    invitation, _ = invite()
    settings.INVITATIONS_PER_DAY = 1
    page = carla_client.post(
        reverse("consulting:resend_invitation", args=[invitation.pk]), follow=True
    ).content.decode()
    assert (
        "You have sent 1 invitations in the last 24 hours, the most the site allows; "
        "please send this one tomorrow."
    ) in page
