"""Practices in the access policy: every URL a practice adds, and the client audits its
members reach, for every kind of visitor. Lena leads Harbour Marketing; Max is one of its
consultants; Rosa was one until Lena removed her; Otto leads another practice; Sam
consults alone. Olive shared her business with Harbour by accepting Max's invitation."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse

from consulting.models import Invitation, Membership
from reports.models import ReportBundle
from tests.factories import (
    GOOD_ANSWERS,
    make_audit,
    make_business,
    make_consultant,
    make_practice,
    make_user,
)

pytestmark = pytest.mark.django_db

ROLES = ("lead", "member", "removed", "other_lead", "solo", "owner", "anonymous")

# Rows of statuses, in the order of ROLES.
PRACTICE_READS = "200 200 404 404 404 200 302"  # the client's results and PDF
PRACTICE_REVIEWS = "200 200 404 404 404 404 302"
LEAD_ACTS = "302 404 404 404 404 404 302"
LEAD_POST_ONLY = "405 405 405 405 405 404 302"  # a GET is refused before the id is read
REQUESTER_SEES = "200 404 404 404 404 404 302"  # Lena's own ZIP of reports

TABLE = {
    "reports:audit_results": ("submitted", PRACTICE_READS, "same"),
    "reports:audit_pdf": ("submitted", PRACTICE_READS, "same"),
    "consulting:review": ("submitted", PRACTICE_REVIEWS, "same"),
    "consulting:change_member": ("max", LEAD_POST_ONLY, LEAD_ACTS),
    "reports:bundle": ("bundle", REQUESTER_SEES, "same"),
    "reports:bundle_download": ("bundle", REQUESTER_SEES, "same"),
}


@pytest.fixture
def practice_site(questionnaire):
    lena, max_, rosa = (
        make_consultant(f"{n}@example.com", n.title()) for n in ("lena", "max", "rosa")
    )
    harbour = make_practice(lena, "Harbour Marketing", max_, rosa)
    otto, sam = make_consultant("otto@example.com", "Otto"), make_consultant("sam@example.com")
    make_practice(otto, "Otto & Co")
    olive = make_user("olive@example.com")
    business = make_business(olive, "Olive's Bakery")
    accept_invitation(olive, max_, business)
    submitted = make_audit(business, GOOD_ANSWERS, submit=True)
    clients = {role: Client() for role in ROLES}
    for role, user in zip(ROLES, (lena, max_, rosa, otto, sam, olive), strict=False):
        clients[role].force_login(user)
    rosas = Membership.objects.get(user=rosa)
    removed = clients["lead"].post(
        reverse("consulting:change_member", args=[rosas.pk]), {"action": "remove"}
    )
    assert removed.status_code == 302 and not Membership.objects.filter(user=rosa).exists()
    bundle = ReportBundle.objects.create(
        requested_by=lena, audit_ids=[submitted.pk], state=ReportBundle.State.READY
    )
    bundle.file_name = default_storage.save("bundles/test.zip", ContentFile(b"PK"))
    bundle.save()
    objects = {
        "submitted": [submitted.pk],
        "max": [Membership.objects.get(user=max_).pk],
        "bundle": [bundle.pk],
    }
    return clients, objects, harbour


def accept_invitation(owner, consultant, business) -> None:
    """The owner accepts the consultant's invitation, sharing the business, by the site."""
    invitation, token = Invitation.issue(consultant, owner.email)
    client = Client()
    client.force_login(owner)
    accepted = client.post(
        reverse("consulting:accept_invitation", args=[token]), {"business": business.pk}
    )
    assert accepted.status_code == 302


def expected(statuses: str, role: str) -> int:
    return int(statuses.split()[ROLES.index(role)])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(TABLE))
def test_each_visitor_gets_the_status_the_policy_gives(practice_site, name, role):
    clients, objects, _ = practice_site
    what, on_get, on_post = TABLE[name]
    on_post = on_get if on_post == "same" else on_post
    url = reverse(name, args=objects[what])
    got = clients[role].get(url).status_code
    posted = clients[role].post(url, {"action": "consultant"}).status_code
    assert (got, posted) == (expected(on_get, role), expected(on_post, role))


def test_the_practice_dashboard_lists_its_clients_for_members_only(practice_site):
    clients, _, _ = practice_site
    seen = {
        role: "Olive&#x27;s Bakery"
        in clients[role].get(reverse("consulting:dashboard")).content.decode()
        for role in ("lead", "member", "removed", "other_lead", "solo")
    }
    assert seen == {
        "lead": True,
        "member": True,
        "removed": False,
        "other_lead": False,
        "solo": False,
    }


@pytest.mark.parametrize(
    "role, status",
    [("lead", 200), ("member", 404), ("removed", 404), ("other_lead", 200), ("solo", 404)],
)
def test_only_a_lead_reads_a_practice_log(practice_site, role, status):
    clients, _, _ = practice_site
    assert clients[role].get(reverse("consulting:practice_log")).status_code == status


@pytest.mark.parametrize("role", ["member", "removed", "solo", "owner"])
def test_only_a_lead_changes_the_brand(practice_site, role):
    clients, _, harbour = practice_site
    clients[role].post(
        reverse("consulting:change_brand"), {"name": "Hijacked", "accent_colour": "#000000"}
    )
    harbour.refresh_from_db()
    assert harbour.name == "Harbour Marketing"


def test_another_lead_changes_only_their_own_practice(practice_site):
    clients, _, harbour = practice_site
    answer = clients["other_lead"].post(
        reverse("consulting:change_brand"), {"name": "Otto Partners", "accent_colour": "#000000"}
    )
    harbour.refresh_from_db()
    assert answer.status_code == 302 and harbour.name == "Harbour Marketing"


def test_a_member_removed_loses_the_client_at_once(practice_site):
    clients, objects, _ = practice_site
    url = reverse("consulting:review", args=objects["submitted"])
    assert clients["member"].get(url).status_code == 200
    clients["lead"].post(
        reverse("consulting:change_member", args=objects["max"]), {"action": "remove"}
    )
    assert clients["member"].get(url).status_code == 404


def test_the_last_lead_cannot_leave_the_practice_without_one(practice_site):
    clients, _, harbour = practice_site
    lenas = Membership.objects.get(user__email="lena@example.com")
    answer = clients["lead"].post(
        reverse("consulting:change_member", args=[lenas.pk]), {"action": "remove"}, follow=True
    )
    assert "A practice needs a lead" in answer.content.decode()
    assert Membership.objects.filter(pk=lenas.pk, role="lead").exists()


def test_leading_one_practice_manages_no_other(practice_site):
    from django.contrib.auth import get_user_model

    from questionnaire.access import allowed

    _, _, harbour = practice_site
    users = get_user_model().objects
    otto, lena = users.get(email="otto@example.com"), users.get(email="lena@example.com")
    assert allowed(lena, "manage_practice", harbour)
    assert not allowed(otto, "manage_practice", harbour)  # a lead, of Otto & Co
